import { QueryCounter } from '../src/database/query-counter';
import { TestApp, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';
import { CLAIM_FIELDS } from './factories/operations';
import { onPostgres } from './support/database';
import { logClaimBody } from '../bench/write';

/**
 * A page of claims costs the same SQL statements for 5 claims as for 50: the claims, with their
 * quantities, attributions, speakers, relay chains, citations and articles, come in one statement
 * (claims/claim-tree.ts), with the fields the tree computes; each other field with a resolver of its own is one
 * batched DataLoader statement.
 */
describe('claims page SQL statement count', () => {
  let t: TestApp;
  // The key stays cached for the whole suite: with the default 10 s, an entry that expired between the request that
  // refreshes it and the counted one added its look-up to the count (seen under load).
  beforeAll(async () => (t = await startTestApp({ API_KEY_CACHE_SECONDS: '3600' })));
  afterAll(() => t.close());

  const PAGE = `query($first: Int) { claims(first: $first) { totalCount nodes { ${CLAIM_FIELDS}
    independentSourceCount sourcing circular attributionLine hasDiscrepancy conflictsWith { id } statusHistory { toStatus }
    attributions { claim { id } source { trackRecord { total } reliabilityHistory { toGrade } linkedSources { id } } citations { attribution { id } article { citations { id } } } } } } }`;

  async function logClaims(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const input = logClaimInput();
      // Three-hop chains and quotes, so every nested loader has rows to fetch.
      input.attributions[1].via = [
        { source: { name: `Agency ${i}`, kind: 'NEWS_AGENCY' }, cue: 'citing' },
        { source: { name: `Paper ${i}`, kind: 'MEDIA_OUTLET' }, cue: 'citing' },
        { source: { name: `Channel ${i}`, kind: 'MEDIA_OUTLET' }, cue: 'quoting' },
      ];
      expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input }));
    }
  }

  async function statementsFor(first: number): Promise<number> {
    // The key's last-use time is written at most once a minute: refresh it now so it is not counted below.
    expectData(await t.gql(`{ me { name } }`));
    QueryCounter.reset();
    const data = expectData(await t.gql(PAGE, { first })).claims;
    expect(data.nodes).toHaveLength(first);
    expect(data.nodes[0].attributions[1].chain).toHaveLength(3);
    return QueryCounter.count;
  }

  it('is the same for 5 claims as for 50', async () => {
    await logClaims(5);
    const five = await statementsFor(5);
    await logClaims(45);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(five);
    // Exactly: totalCount; the page's trees (with attributionLine's facts and conflictsWith); trackRecord;
    // reliabilityHistory; the articles' citations; those citations' attributions; the attributions' claims; and
    // statusHistory. The key was looked up by the request above and is cached, so it costs nothing here.
    expect(five).toBe(8);
  });

  it('logClaim of the write benchmark\'s shape costs the same statements whatever the tables hold', async () => {
    const request = (n: number) => JSON.parse(logClaimBody('count', n)) as { query: string; variables: Record<string, unknown> };
    const statements = async (n: number) => {
      expectData(await t.gql(`{ me { name } }`));
      QueryCounter.reset();
      const { query, variables } = request(n);
      expectData(await t.gql(query, variables));
      return QueryCounter.count;
    };
    // The first call creates SOHR and CNN; later ones find them, and create an article and an anonymous source each.
    await statements(0);
    const second = await statements(1);
    await logClaims(20);
    expect(await statements(2)).toBe(second);
    // Exactly: BEGIN; three look-ups (the vocabulary of figures, the article by URL, the sources by name or alias); the
    // discrepancy probe (claims/analysis/new-figures.ts: the recorded figures the new one contradicts, so that the claim is
    // written with its flag and nothing is read back); the rows and audit events (one statement on PostgreSQL, one
    // INSERT per table on SQLite: article, source, claim, quantity, figure_span, attribution, relay hop, citation,
    // claim_source, audit event); COMMIT; and the answer's attributions.
    expect(second).toBe(onPostgres ? 8 : 17);
  });

  it.each(['claims', 'articles', 'sources', 'auditEvents'])('counts %s only when totalCount is selected', async (list) => {
    const statements = async (fields: string) => {
      expectData(await t.gql(`{ me { name } }`));
      QueryCounter.reset();
      const data = expectData(await t.gql(`{ ${list}(first: 2) { ${fields} } }`))[list];
      return { count: QueryCounter.count, data };
    };
    const without = await statements('pageInfo { hasNextPage }');
    const withTotal = await statements('totalCount pageInfo { hasNextPage }');
    expect(withTotal.count).toBe(without.count + 1);
    expect(withTotal.data.totalCount).toBeGreaterThan(0);
  });
});
