import { TestApp, authHeaders, expectData, startTestApp } from './support/app';
import { articleInput, logClaimInput, sourceInput } from './factories';
import { createArticle, createSource } from './factories/operations';

/**
 * A claim's attributions are read as one JSON tree per page (attributions/attribution-tree.ts).
 * The tree must answer exactly as the per-field resolvers do, which still serve `attribution(id)`.
 */
describe('attribution trees', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ARTICLE = 'id url canonicalUrl headline publisher wireAgency byline publishedAt language bodyText retrievedAt version createdAt updatedAt';
  const SOURCE = 'id name kind basedIn affiliation wikidataId reliability deletedAt version createdAt updatedAt aliases anonymous confidentialNote linkedSources { id }';
  const FIELDS = `id version createdAt updatedAt stance cue mode saidAt credibility anonymityReason relationship conditions
    source { ${SOURCE} }
    chain { position cue source { ${SOURCE} } }
    citations { id quote prefix suffix startOffset endOffset createdAt attribution { id } article { ${ARTICLE} } }
    claim { id statement }`;

  let claimIds: string[];

  beforeAll(async () => {
    const monitor = await createSource(t, sourceInput({ aliases: ['RM', 'The Riverside Monitor'] }));
    const insider = await createSource(t, sourceInput({ kind: 'ANONYMOUS', name: 'an official close to the talks', confidentialNote: 'deputy negotiator' }));
    const other = await createSource(t, sourceInput({ name: 'Northern Observers' }));
    expectData(await t.gql(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id } }`, { input: { sourceIds: [monitor.id, other.id] } }));
    const first = logClaimInput();
    first.attributions[0] = { source: { id: monitor.id }, cue: 'said', saidAt: '2019-02-17T08:30:00.000Z', credibility: 2, conditions: ['could not be verified'] } as never;
    first.attributions[1].via = [
      { source: { name: 'Wire Desk', kind: 'NEWS_AGENCY' }, cue: 'citing' },
      { source: { name: 'Evening Paper', kind: 'MEDIA_OUTLET' }, cue: 'citing' },
      { source: { id: monitor.id } as never, cue: 'quoting' },
    ];
    const second = logClaimInput();
    second.attributions[1] = { source: { id: insider.id }, cue: 'told', anonymityReason: 'not authorized to speak' } as never;
    const a = expectData(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id attributions { id version citations { id } } } }`, { i: first })).logClaim;
    const b = expectData(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id attributions { id version } } }`, { i: second })).logClaim;
    const empty = expectData(await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { id } }`, { i: { statement: 'Shelling resumed at dawn.' } })).createClaim;
    claimIds = [a.id, b.id, empty.id];

    // A second citation with an anchored quote, one deleted citation and one removed attribution.
    const article = await createArticle(t, articleInput({ byline: 'Desk staff', bodyText: 'At least nine fighters left the quarter.', retrievedAt: '2019-02-19T00:00:00.000Z', wireAgency: 'Example Agency' }));
    const cite = `mutation($i: AddCitationInput!) { addCitation(input: $i) { id } }`;
    expectData(await t.gql(cite, { i: { attributionId: a.attributions[0].id, articleId: article.id, quote: 'nine fighters', prefix: 'At least ', suffix: ' left', startOffset: 9, endOffset: 22 } }));
    const gone = expectData(await t.gql(cite, { i: { attributionId: a.attributions[1].id, articleId: article.id, quote: 'to be deleted' } })).addCitation;
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CITATION', id: gone.id } }));
    expectData(await t.gql(`mutation($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, { i: { id: b.attributions[0].id } }));
  });

  async function compare(selection: string, headers?: Record<string, string>): Promise<number> {
    const page = expectData(await t.gql(`{ claims(first: 10) { nodes { id attributions { ${selection} } } } }`, {}, headers));
    let compared = 0;
    for (const claim of page.claims.nodes) {
      for (const tree of claim.attributions) {
        const one = expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { ${selection} } }`, { id: tree.id }, headers)).attribution;
        expect(tree).toEqual(one);
        compared += 1;
      }
    }
    return compared;
  }

  it('answers every field as the per-field resolvers do', async () => {
    expect(await compare(FIELDS)).toBe(3);
  });

  it('reads each claim\'s live attributions in order, with chains in order and live citations only', async () => {
    const page = expectData(await t.gql(`{ claims(first: 10) { nodes { id attributions { cue chain { position source { name } } citations { quote } } } } }`));
    const byId = new Map(page.claims.nodes.map((c: { id: string }) => [c.id, c]));
    const [a, b, empty] = claimIds.map((id) => byId.get(id) as { attributions: { cue: string; chain: { position: number; source: { name: string } }[]; citations: { quote: string }[] }[] });
    expect(a.attributions.map((x) => x.cue)).toEqual(['said', 'reported']);
    expect(a.attributions[1].chain.map((h) => [h.position, h.source.name])).toEqual([[0, 'Wire Desk'], [1, 'Evening Paper'], [2, expect.stringMatching(/^Riverside Monitor/)]]);
    expect(a.attributions[0].citations.map((c) => c.quote).sort()).toContain('nine fighters');
    expect(a.attributions[1].citations.map((c) => c.quote)).not.toContain('to be deleted');
    expect(b.attributions).toHaveLength(1);
    expect(empty.attributions).toEqual([]);
  });

  it('merges fragments, inline fragments and aliases of the same field', async () => {
    const selection = `id ...Speaker ... on Attribution { chain { cue } } who: source { aliases } chain { source { id } }`;
    const page = expectData(
      await t.gql(`{ claims(first: 10) { nodes { attributions { ${selection} } } } } fragment Speaker on Attribution { source { name kind } }`),
    );
    const trees = page.claims.nodes.flatMap((c: { attributions: unknown[] }) => c.attributions);
    for (const tree of trees) {
      const one = expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { ${selection} } } fragment Speaker on Attribution { source { name kind } }`, { id: (tree as { id: string }).id })).attribution;
      expect(tree).toEqual(one);
    }
    expect(trees.length).toBe(3);
  });

  it('compiles a field merged with different siblings once per merge, not once per first node', async () => {
    const ids = expectData(await t.gql(`{ claims(first: 10) { nodes { attributions { id } } } }`)).claims.nodes.flatMap((c: { attributions: { id: string }[] }) =>
      c.attributions.map((a) => a.id),
    );
    // The fragment's `attributions` node comes first in both places; only the second adds `cue` and `source`.
    const data = expectData(
      await t.gql(
        `query($a: ID!, $b: ID!) { x: attribution(id: $a) { claim { ...C } } y: attribution(id: $b) { claim { ...C attributions { cue source { name } } } } }
         fragment C on Claim { attributions { id } }`,
        { a: ids[0], b: ids[0] },
      ),
    );
    expect(data.y.claim.attributions.every((a: { cue: string | null; source: { name: string } }) => a.cue !== null && a.source.name)).toBe(true);

    // Two operations of one document share a fragment; the second selects more under the same first node.
    const document = `query A { ...Q } query B { ...Q claims(first: 5) { nodes { statement } } } fragment Q on Query { claims(first: 5) { nodes { id } } }`;
    const send = async (operationName: string) => {
      const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders(t.url) }, body: JSON.stringify({ query: document, operationName }) });
      return (await response.json()) as { data?: { claims: { nodes: { id: string; statement?: string }[] } }; errors?: unknown[] };
    };
    expect((await send('A')).errors).toBeUndefined();
    const b = await send('B');
    expect(b.errors).toBeUndefined();
    expect(b.data?.claims.nodes.every((n) => typeof n.statement === 'string')).toBe(true);
  });

  it('keeps confidential notes from reporters', async () => {
    const reporter = await t.userWithRole('REPORTER');
    expect(await compare(`id source { name confidentialNote } chain { source { confidentialNote } }`, reporter.as)).toBe(3);
    const page = expectData(await t.gql(`{ claims(first: 10) { nodes { attributions { source { confidentialNote } } } } }`, {}, reporter.as));
    const notes = page.claims.nodes.flatMap((c: { attributions: { source: { confidentialNote: string | null } }[] }) => c.attributions.map((x) => x.source.confidentialNote));
    expect(notes.every((n: string | null) => n === null)).toBe(true);
  });
});

/** Claims pages and `claim(id)` are read as JSON trees too; mutations and nested claims are not. */
describe('claim trees', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const FIELDS = `id statement hedge tags status version createdAt updatedAt deletedAt
    place { name adminArea country latitude longitude precision }
    eventTime { start end precision }
    quantities { variable value lower lowerInclusive upper upperInclusive approximate qualifier unit currency }
    independentSourceCount denyingSourceCount questioningSourceCount sourcing circular hasDiscrepancy
    attributionLine statusHistory { fromStatus toStatus reason } conflictsWith { id statement }
    attributions { id cue source { name aliases } chain { position source { name } } citations { quote article { headline } } }`;

  let ids: string[];

  beforeAll(async () => {
    const log = `mutation($i: LogClaimInput!) { logClaim(input: $i) { id version attributions { id } } }`;
    const placed = logClaimInput({
      hedge: 'may have',
      place: { name: 'Old Quarter', adminArea: 'River Province', country: 'SY', latitude: 34.4512, longitude: 40.9187, precision: 'NEAR' },
      eventTime: { start: '2019-02-15T00:00:00.000Z', end: '2019-02-17T23:59:59.999Z', precision: 'DAY' },
      quantities: [
        { variable: 'fighters_remaining', lower: 200, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' },
        { variable: 'civilians_evacuated', value: 1500.5, approximate: true, qualifier: 'about', unit: 'civilians' },
      ],
    });
    const contradicting = logClaimInput({ quantities: [{ variable: 'fighters_remaining', upper: 50, qualifier: 'fewer than', unit: 'fighters' }] });
    const precisionOnly = logClaimInput({ eventTime: { precision: 'MONTH' } });
    const a = expectData(await t.gql(log, { i: placed })).logClaim;
    const b = expectData(await t.gql(log, { i: contradicting })).logClaim;
    const c = expectData(await t.gql(log, { i: precisionOnly })).logClaim;
    expectData(await t.gql(`mutation($i: SetClaimStatusInput!) { setClaimStatus(input: $i) { id } }`, { i: { id: a.id, status: 'CORROBORATED', reason: 'two monitors agree', version: a.version } }));
    ids = [a.id, b.id, c.id];
  });

  /** Through an attribution, a claim is read by the per-field resolvers, not as a tree. */
  async function viaResolvers(id: string): Promise<unknown> {
    const page = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { id } } }`, { id })).claim;
    return expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { claim { ${FIELDS} } } }`, { id: page.attributions[0].id })).attribution.claim;
  }

  it('answers every field of a page and of claim(id) as the per-field resolvers do', async () => {
    const page = expectData(await t.gql(`{ claims(first: 10) { nodes { ${FIELDS} } edges { node { id } } } }`)).claims;
    expect(page.nodes.map((n: { id: string }) => n.id)).toEqual([...ids].reverse());
    for (const node of page.nodes) {
      const single = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${FIELDS} } }`, { id: node.id })).claim;
      expect(node).toEqual(single);
      expect(node).toEqual(await viaResolvers(node.id));
    }
    const [c, b, a] = page.nodes;
    expect(a.place).toMatchObject({ latitude: 34.4512, precision: 'NEAR' });
    expect(a.eventTime).toEqual({ start: '2019-02-15T00:00:00.000Z', end: '2019-02-17T23:59:59.999Z', precision: 'DAY' });
    expect(a.quantities[1]).toMatchObject({ value: 1500.5, approximate: true, lowerInclusive: true });
    expect(a.conflictsWith.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(a.statusHistory).toEqual([{ fromStatus: 'UNVERIFIED', toStatus: 'CORROBORATED', reason: 'two monitors agree' }]);
    expect(c.eventTime).toBeNull();
    expect(c.place).toBeNull();
  });

  it('pages by cursor in both sorts as before', async () => {
    for (const sort of ['NEWEST', 'EVENT_TIME']) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { nodes: { id: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = expectData(
          await t.gql(`query($after: String, $sort: ClaimSort) { claims(first: 1, after: $after, sort: $sort) { nodes { id } edges { cursor } pageInfo { hasNextPage endCursor } } }`, { after, sort }),
        ).claims;
        seen.push(...page.nodes.map((n) => n.id));
        expect(page.edges[0].cursor).toBe(page.pageInfo.endCursor);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toHaveLength(3);
      // The dated claim first when sorting by event time; newest first otherwise.
      expect(seen).toEqual(sort === 'NEWEST' ? [...ids].reverse() : [ids[0], ids[2], ids[1]]);
    }
  });

  it('reads a page and all beneath it in one statement (the key was looked up by the request before)', async () => {
    const { QueryCounter } = await import('../src/database/query-counter');
    expectData(await t.gql(`{ me { name } }`));
    QueryCounter.reset();
    expectData(await t.gql(`{ claims(first: 10) { nodes { id place { name } quantities { value } attributions { source { aliases } chain { source { name } } citations { article { headline } } } } } }`));
    expect(QueryCounter.count).toBe(1);
  });

  it('says NOT_FOUND for a deleted or unknown claim', async () => {
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CLAIM', id: ids[2] } }));
    const res = await t.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: ids[2] });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const deleted = expectData(await t.gql(`{ claims(filter: { deleted: ONLY }) { nodes { id deletedAt attributions { id } } } }`)).claims.nodes;
    expect(deleted.map((n: { id: string }) => n.id)).toEqual([ids[2]]);
    expect(deleted[0].deletedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(deleted[0].attributions).toHaveLength(2);
  });
});
