import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_COLUMNS } from '../src/exports/export-columns';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText } from './support/http';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const graphqlBlocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
/** The GraphQL bodies of the curl examples (`-d '{"query": ...}'`). */
const curlBodies = [...readme.matchAll(/curl [^\n]*localhost:3000\/graphql[^\n]*\\\n\s*-d '([^']+)'/g)].map((m) => m[1]);
/** The paths of the curl GET examples on the REST routes. */
const curlGets = [...readme.matchAll(/curl -OJ [^\n]*'localhost:3000(\/[^']+)'/g)].map((m) => m[1]);

const ARTICLE = 'https://www.timesofisrael.com/islamic-state-fighters-besieged-in-syria-refuse-to-surrender/';
const HOLDOUTS = 'More than 300 Islamic State fighters in Baghouz refuse to surrender and seek an exit.';
const CASH = 'At least 1,000 fighters who fled to Iraq in the past six months may have taken at least $200 million.';

/**
 * Every example in the README is run as written, in order, on an empty database, and each has an
 * answer it must give: a new example without an expected answer here fails the first test.
 */
describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const expectations: Array<(data: any) => Promise<void> | void> = [
    async (logged) => {
      expect(Object.keys(logged)).toEqual(['holdouts', 'cash']);
      const read = async (id: string) =>
        expectData(
          await t.gql(`query($id: ID!) { claim(id: $id) { statement hedge sourcing independentSourceCount quantities { variable lower lowerInclusive }
            attributions { source { name anonymous } chain { source { name } } citations { article { canonicalUrl } } } } }`, { id }),
        ).claim;
      const holdouts = await read(logged.holdouts.id);
      expect(holdouts).toMatchObject({ statement: HOLDOUTS, hedge: null, sourcing: 'CORROBORATED', independentSourceCount: 2 });
      expect(holdouts.quantities).toEqual([{ variable: 'fighters_refusing_surrender', lower: 300, lowerInclusive: false }]);
      expect(holdouts.attributions.map((a: any) => a.source)).toEqual([
        { name: 'Syrian activists', anonymous: false },
        { name: 'a person familiar with the negotiations', anonymous: true },
      ]);
      const cash = await read(logged.cash.id);
      expect(cash).toMatchObject({ statement: CASH, hedge: 'may have', sourcing: 'ANONYMOUS_ONLY', independentSourceCount: 1 });
      expect(cash.attributions[0].chain).toEqual([{ source: { name: 'CNN' } }]);
      // Both claims cite the one article, found again by its canonical URL.
      expect(cash.attributions[0].citations[0].article.canonicalUrl).toBe(holdouts.attributions[0].citations[0].article.canonicalUrl);
      expect(cash.attributions[0].citations[0].article.canonicalUrl).toBe(ARTICLE);
    },
    (anonymousOnly) => {
      expect(anonymousOnly.claims.totalCount).toBe(1);
      const [node] = anonymousOnly.claims.nodes;
      expect(node).toMatchObject({ statement: CASH, hedge: 'may have' });
      expect(node.quantities).toEqual([
        expect.objectContaining({ variable: 'fighters_fled', lower: 1000, qualifier: 'at least', unit: 'fighters' }),
        expect.objectContaining({ variable: 'cash_taken', lower: 200000000, currency: 'USD' }),
      ]);
      expect(node.attributions).toEqual([
        expect.objectContaining({
          cue: 'reported',
          source: { name: 'a senior military official', anonymous: true },
          chain: [{ position: 0, cue: 'quoting', source: { name: 'CNN' } }],
          citations: [expect.objectContaining({ article: expect.objectContaining({ canonicalUrl: ARTICLE }) })],
        }),
      ]);
      expect(anonymousOnly.claims.pageInfo.hasNextPage).toBe(false);
    },
    (relayed) => {
      expect(relayed.claims.nodes).toEqual([{ statement: CASH, attributions: [{ source: { name: 'a senior military official' }, chain: [{ source: { name: 'CNN' } }] }] }]);
    },
    (similar) => {
      const [best, ...rest] = similar.similarClaims;
      expect(best).toMatchObject({ tier: 'LIKELY', claim: { statement: HOLDOUTS, independentSourceCount: 2 } });
      expect(best.reasons.map((r: any) => r.code)).toEqual(['SIMILAR_TEXT', 'SAME_FIGURES', 'OVERLAPPING_TIME', 'SAME_PLACE', 'SHARED_SOURCES']);
      expect(rest.map((m: any) => m.claim.statement)).not.toContain(CASH);
    },
  ];

  it('has an expected answer for every GraphQL example, and the curl examples it runs', () => {
    expect(graphqlBlocks).toHaveLength(expectations.length);
    expect(curlBodies).toHaveLength(1);
    expect(curlGets).toHaveLength(1);
  });

  it('logs the example article, then answers the editor questions as the README says', async () => {
    for (const [i, block] of graphqlBlocks.entries()) await expectations[i](expectData(await t.gql(block)));
  });

  it('answers the curl examples as the README shows them', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: curlBodies[0],
    });
    const page = expectData<any>((await response.json()) as any).claims;
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n: any) => n.attributionLine)).toEqual(
      expect.arrayContaining(['CNN, quoting a senior military official (anonymous)']),
    );
    const csv = await getText(`${baseUrl(t.url)}${curlGets[0]}`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe(FULL_COLUMNS.map((c) => c.name).join(','));
    // No claim names SOHR in the examples, so the filtered export has no rows.
    expect(csvRecords(csv.text)).toEqual([]);
  });
});
