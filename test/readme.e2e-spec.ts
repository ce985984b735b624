import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, expectData, startTestApp } from './support/app';

/** The README's GraphQL examples are run as written, so the documentation cannot drift from the API. */
describe('README examples', () => {
  let t: TestApp;
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('logs the example article, then answers the editor questions as the README says', async () => {
    const results = [];
    for (const block of blocks) results.push(expectData(await t.gql(block)));
    const [logged, anonymousOnly, relayed] = results;
    expect(Object.keys(logged)).toEqual(['holdouts', 'cash']);
    expect(anonymousOnly.claims.nodes.map((n: { statement: string }) => n.statement)).toEqual([expect.stringMatching(/^At least 1,000 fighters/)]);
    expect(anonymousOnly.claims.nodes[0].attributions[0].chain[0].source.name).toBe('CNN');
    expect(relayed.claims.nodes).toHaveLength(1);
  });
});
