import { randomBytes } from 'node:crypto';
import { articleInput, logClaimInput } from './factories';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { baseUrl, postImport } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { source { id } citations { article { id } } } } }`;
const tag = () => randomBytes(4).toString('hex');

/**
 * Find-or-create under real concurrency: requests sent at once over HTTP, each in its own
 * transaction (PostgreSQL runs them side by side; SQLite queues them).
 */
describe('find-or-create races', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('8 concurrent logClaims naming one new article URL all succeed and share one article, 5 rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const url = `https://race.example.org/story/${tag()}`;
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => t.gql(LOG, { input: logClaimInput({ article: articleInput({ url }), attributions: [{ source: { name: `Monitor ${tag()}` } }] }) })),
      );
      const articles = responses.map((r) => expectData(r).logClaim.attributions[0].citations[0].article.id);
      expect(new Set(articles).size).toBe(1);
      const [{ n }] = await t.db.query(`SELECT COUNT(*) AS n FROM article WHERE url = '${url}'`);
      expect(Number(n)).toBe(1);
    }
  });

  it('one new source name logged at once from 8 different articles gives one source, 5 rounds', async () => {
    for (let round = 0; round < 5; round++) {
      const name = `Valley Observatory ${tag()}`;
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t.gql(LOG, { input: logClaimInput({ attributions: [{ source: { name: i % 2 ? name.toUpperCase() : name, kind: 'MONITORING_GROUP' } }] }) })),
      );
      const sources = responses.map((r) => expectData(r).logClaim.attributions[0].source.id);
      expect(new Set(sources).size).toBe(1);
      const [{ n }] = await t.db.query(`SELECT COUNT(*) AS n FROM source WHERE name_key = '${name.toLowerCase()}'`);
      expect(Number(n)).toBe(1);
    }
  });

  it('the database refuses a second live source of one name; a deleted one frees the name', async () => {
    const name = `Ridge Monitor ${tag()}`;
    const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`;
    const first = expectData(await t.gql(CREATE, { input: { name, kind: 'MONITORING_GROUP' } })).createSource;
    const again = errorOf(await t.gql(CREATE, { input: { name: ` ${name.toUpperCase()} `, kind: 'NGO' } }));
    expect({ code: again.code, existingId: again.extensions.existingId }).toEqual({ code: 'CONFLICT', existingId: first.id });
    // Two anonymous sources may share a description.
    expectData(await t.gql(CREATE, { input: { name: 'a senior official', kind: 'ANONYMOUS' } }));
    expectData(await t.gql(CREATE, { input: { name: 'a senior official', kind: 'ANONYMOUS' } }));
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: SOURCE, id: $id }) { id } }`, { id: first.id }));
    const second = expectData(await t.gql(CREATE, { input: { name, kind: 'MONITORING_GROUP' } })).createSource;
    expect(second.id).not.toBe(first.id);
    // Restoring the first while the second holds the name keeps both, the first as a duplicate to merge.
    expectData(await t.gql(`mutation($id: ID!) { restoreRecord(input: { type: SOURCE, id: $id }) { id } }`, { id: first.id }));
    const rows = await t.db.query(`SELECT id, live_name_key FROM source WHERE name_key = '${name.toLowerCase()}' ORDER BY id`);
    expect(rows.map((r: any) => r.live_name_key !== null)).toEqual([false, true]);
  });

  it('3 concurrent imports of one 200-row file: one creates, the others report every claim unchanged', async () => {
    const file = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ claim_id: `race-${i}`, statement: `Claim ${i} of the raced file`, source_name: `Wire Service ${i % 7}`, source_kind: 'NEWS_AGENCY', article_url: `https://race.example.org/file/${i % 5}` }),
    ).join('\n');
    const results = await Promise.all([0, 1, 2].map(() => postImport(baseUrl(t.url), file, 'application/x-ndjson')));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const created = results.map((r) => r.body.claimsCreated).sort();
    expect(created).toEqual([0, 0, 200]);
    expect(results.map((r) => r.body.claimsUnchanged).sort()).toEqual([0, 200, 200]);
    const [{ n }] = await t.db.query(`SELECT COUNT(*) AS n FROM source WHERE name_key LIKE 'wire service %'`);
    expect(Number(n)).toBe(7);
  });
});
