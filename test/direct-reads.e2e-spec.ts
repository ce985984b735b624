import { DEFAULT_GRAPHQL_MAX_BODY_BYTES } from '../src/config/settings';
import { CD_DESK, DESK_VARIABLES } from '../bench/workloads';
import { DirectReads } from '../src/direct-reads/direct-reads.service';
import { QueryCounter } from '../src/database/query-counter';
import { GraphQLResponse, TestApp, expectData, startTestApp } from './support/app';
import { logClaimInput, sourceInput } from './factories';
import { createSource } from './factories/operations';

/**
 * Claim reads the database can answer alone skip graphql-js (direct-reads/). Each query here is
 * sent twice, once with the direct path on and once with it off, and both answers must be the
 * same JSON, key order included; the counter tells which path answered.
 */
describe('direct reads', () => {
  let t: TestApp;
  let reads: DirectReads;
  let claimIds: string[];
  let conflicting: string[];
  let reporter: Record<string, string>;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    reads = t.app.get(DirectReads);
    const r = await t.userWithRole('REPORTER');
    const e = await t.userWithRole('EDITOR');
    reporter = r.as;
    editor = e.as;
    const monitor = await createSource(t, sourceInput({ aliases: ['RM', 'The Riverside Monitor'] }));
    const log = `mutation($i: LogClaimInput!) { logClaim(input: $i) { id attributions { id } } }`;
    const full = logClaimInput({
      hedge: 'may have',
      place: { name: 'Old Quarter', adminArea: 'River Province', country: 'SY', latitude: 35.1234, longitude: 40.5, precision: 'NEAR' },
      eventTime: { start: '2019-02-17T00:00:00.000Z', end: '2019-02-18T00:00:00.000Z', precision: 'DAY' },
      quantities: [
        { variable: 'fighters_remaining', lower: 300, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' },
        { variable: 'civilians_left', value: 1000.5, approximate: true, qualifier: 'around', unit: 'people' },
      ],
    });
    full.attributions[0] = { source: { id: monitor.id }, cue: 'said', saidAt: '2019-02-17T08:30:00.000Z', credibility: 2, conditions: ['could not be verified'] } as never;
    const a = expectData(await t.gql(log, { i: full })).logClaim;
    const b = expectData(await t.gql(log, { i: logClaimInput({ eventTime: { start: '2019-02-10T00:00:00.000Z', precision: 'DAY' } }) })).logClaim;
    const c = expectData(await t.gql(log, { i: logClaimInput() })).logClaim;
    expectData(await t.gql(`mutation($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, { i: { id: b.attributions[0].id } }));
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CLAIM', id: c.id } }));
    claimIds = [a.id, b.id, c.id];
    // Two claims whose figures contradict the first's (and so each other's flags are set), one of them denied and
    // questioned by relayed and anonymous speakers, so that attributionLine has every section and conflictsWith rows.
    const contested = logClaimInput({
      eventTime: { start: '2019-02-17T12:00:00.000Z', precision: 'DAY' },
      quantities: [{ variable: 'fighters_remaining', upper: 100, unit: 'fighters' }],
    });
    contested.attributions.push(
      { source: { name: 'a militia commander', kind: 'ANONYMOUS' }, via: [{ source: { name: 'Wire Desk', kind: 'NEWS_AGENCY' }, cue: 'citing' }], cue: 'denied', stance: 'DENIES' } as never,
      { source: { id: monitor.id }, cue: 'questioned', stance: 'QUESTIONS' } as never,
    );
    const d = expectData(await t.gql(log, { i: contested })).logClaim;
    const fifty = expectData(await t.gql(log, { i: logClaimInput({ quantities: [{ variable: 'fighters_remaining', value: 50, unit: 'fighters' }] }) })).logClaim;
    conflicting = [d.id, fifty.id];
  });
  afterAll(() => t.close());

  interface Both {
    direct: GraphQLResponse;
    ordinary: GraphQLResponse;
    answeredDirectly: boolean;
  }

  async function both(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Both> {
    const before = reads.answered;
    const direct = await t.gql(query, variables, headers);
    const answeredDirectly = reads.answered === before + 1;
    reads.enabled = false;
    try {
      return { direct, ordinary: await t.gql(query, variables, headers), answeredDirectly };
    } finally {
      reads.enabled = true;
    }
  }

  type Case = [string, string, () => Record<string, unknown>, (() => Record<string, string>)?];
  // Four elements always: jest takes a row shorter than the test's parameters for one with a done callback.
  const withHeaders = ([name, query, variables, headers]: Case) => [name, query, variables, headers ?? (() => undefined)] as const;

  const EVERYTHING = `id __typename statement hedge status tags createdAt updatedAt version deletedAt
    independentSourceCount denyingSourceCount questioningSourceCount sourcing circular hasDiscrepancy
    place { name adminArea country latitude longitude precision __typename }
    eventTime { start end precision }
    quantities { variable value lower lowerInclusive upper upperInclusive approximate qualifier unit currency }
    attributions { id stance cue mode saidAt credibility anonymityReason relationship conditions createdAt version
      source { id name kind reliability aliases basedIn affiliation wikidataId deletedAt }
      chain { position cue source { id name kind aliases } }
      citations { id quote prefix suffix startOffset endOffset article { id url canonicalUrl headline publisher wireAgency byline publishedAt language } } }`;

  /** The benchmark's workload e, as the desk sends its claims list (bench/workloads.ts). */
  const DESK_LIST = CD_DESK;

  const answeredDirectly: Case[] = [
    ['one claim with everything', `query($id: ID!) { claim(id: $id) { ${EVERYTHING} } }`, () => ({ id: claimIds[0] })],
    ['a claim without place, time or live attributions', `query($id: ID!) { claim(id: $id) { id place { name } eventTime { start end } attributions { id } } }`, () => ({ id: claimIds[1] })],
    [
      'aliases, fragments and the same field twice',
      `query Detail($id: ID!) { first: claim(id: $id) { ...Head who: attributions { ... on Attribution { said: cue source { n: name } } } } again: claim(id: $id) { id } __typename }
       fragment Head on Claim { key: id statement statement attributions { source { kind } } }`,
      () => ({ id: claimIds[0] }),
    ],
    ['a page of claims with everything', `{ claims(first: 10) { nodes { ${EVERYTHING} } pageInfo { hasNextPage endCursor } totalCount } }`, () => ({})],
    ['edges with cursors', `{ claims(first: 1) { __typename edges { __typename cursor node { id statement } } pageInfo { __typename hasNextPage endCursor } } }`, () => ({})],
    ['by event time', `{ claims(first: 5, sort: EVENT_TIME) { nodes { id eventTime { start } } pageInfo { endCursor } } }`, () => ({})],
    ['filtered by source, anonymous only', `query($s: String!) { claims(filter: { source: $s, anonymity: ANONYMOUS_ONLY }) { nodes { id } } }`, () => ({ s: 'a senior security official' })],
    // The same filter again, now validated from the plan cache; and another filter, which is not the first one's answer.
    ['the same filter again', `query($s: String!) { claims(filter: { source: $s, anonymity: ANONYMOUS_ONLY }) { nodes { id } } }`, () => ({ s: 'a senior security official' })],
    ['another source, anonymous only', `query($s: String!) { claims(filter: { source: $s, anonymity: ANONYMOUS_ONLY }) { nodes { id } } }`, () => ({ s: 'nobody of this name' })],
    ['deleted claims, as an editor', `{ claims(filter: { deleted: ONLY }) { nodes { id deletedAt } totalCount } }`, () => ({}), () => editor],
    ['as a reporter', `query($id: ID!) { claim(id: $id) { id attributions { source { name } } } }`, () => ({ id: claimIds[0] }), () => reporter],
    ['the desk\'s claims list, as an editor', DESK_LIST, () => DESK_VARIABLES, () => editor],
    ['the desk\'s claims list, as a reporter', DESK_LIST, () => DESK_VARIABLES, () => reporter],
    ['computed fields within conflicting claims', `query($id: ID!) { claim(id: $id) { line: attributionLine conflictsWith { id attributionLine hasDiscrepancy conflictsWith { id } attributions { source { anonymous } } } } }`, () => ({ id: claimIds[0] })],
  ];

  it.each(answeredDirectly.map(withHeaders))('answers %s directly, as the ordinary path does', async (_, query, variables, headers) => {
    const { direct, ordinary, answeredDirectly: directly } = await both(query, variables(), headers());
    expect(direct.errors).toBeUndefined();
    expect(directly).toBe(true);
    expect(JSON.stringify(direct)).toBe(JSON.stringify(ordinary));
  });

  it('walks pages by cursor as the ordinary path does', async () => {
    const query = `query($after: String) { claims(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    let after: string | null = null;
    const seen: string[] = [];
    do {
      const { direct, ordinary, answeredDirectly: directly } = await both(query, { after });
      expect(directly).toBe(true);
      expect(JSON.stringify(direct)).toBe(JSON.stringify(ordinary));
      seen.push(...direct.data.claims.nodes.map((n: { id: string }) => n.id));
      after = direct.data.claims.pageInfo.hasNextPage ? direct.data.claims.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expect.arrayContaining(claimIds.slice(0, 2)));
    expect(seen).not.toContain(claimIds[2]);
  });

  it('writes attributionLine and conflictsWith as their resolvers do', async () => {
    const page = expectData(await t.gql(DESK_LIST, DESK_VARIABLES, editor)).claims.nodes as Array<{ id: string; attributionLine: string; conflictsWith: { id: string }[]; attributions: { id: string }[] }>;
    const byId = new Map(page.map((c) => [c.id, c]));
    // The resolvers, reached through an attribution's claim, which is never read as a tree.
    const resolved = async (attributionId: string) =>
      expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { claim { id attributionLine conflictsWith { id } } } }`, { id: attributionId }, editor)).attribution.claim;
    for (const claim of page.filter((c) => c.attributions.length)) expect(await resolved(claim.attributions[0].id)).toEqual({ id: claim.id, attributionLine: claim.attributionLine, conflictsWith: claim.conflictsWith });
    expect(byId.get(claimIds[0])?.conflictsWith.map((c) => c.id).sort()).toEqual([...conflicting].sort());
    expect(byId.get(conflicting[0])?.attributionLine).toMatch(/^Riverside Monitor .*; also reported by Channel Nine .*, quoting a senior security official \(anonymous\); denied by Wire Desk, citing a militia commander \(anonymous\); questioned by Riverside Monitor \w+$/);
  });

  it('answers the desk\'s claims list in two SQL statements, the page and its count', async () => {
    await t.gql(DESK_LIST, DESK_VARIABLES, editor); // the key is cached from here on
    const before = QueryCounter.count;
    const answered = reads.answered;
    expect(expectData(await t.gql(DESK_LIST, DESK_VARIABLES, editor)).claims.nodes.some((c: { conflictsWith: unknown[] }) => c.conflictsWith.length)).toBe(true);
    expect(reads.answered).toBe(answered + 1);
    expect(QueryCounter.count - before).toBeLessThanOrEqual(2);
  });

  const leftToApollo: Case[] = [
    ['a field with its own resolver', `query($id: ID!) { claim(id: $id) { id statusHistory { toStatus } } }`, () => ({ id: claimIds[0] })],
    ['a field that depends on who asks, beyond the role', `query($id: ID!) { claim(id: $id) { attributions { viewerCanEdit source { anonymous } } } }`, () => ({ id: claimIds[0] })],
    ['a directive', `query($id: ID!, $more: Boolean!) { claim(id: $id) { id statement @include(if: $more) } }`, () => ({ id: claimIds[0], more: false })],
    ['nodes and edges selected together', `{ claims(first: 2) { nodes { id } edges { cursor node { statement } } } }`, () => ({})],
    ['another root field', `query($id: ID!) { claim(id: $id) { id } sources(first: 1) { totalCount } }`, () => ({ id: claimIds[0] })],
    ['a deleted claim (NOT_FOUND)', `query($id: ID!) { claim(id: $id) { id } }`, () => ({ id: claimIds[2] })],
    ['a malformed id (BAD_USER_INPUT)', `query($id: ID!) { claim(id: $id) { id } }`, () => ({ id: 'nope' })],
    ['a page too large (BAD_USER_INPUT)', `{ claims(first: 1000) { nodes { id } } }`, () => ({})],
    // Sent twice: the second time the refused filter comes from the plan cache, and is refused the same.
    ['a filter out of range (BAD_USER_INPUT)', `{ claims(filter: { minIndependentSources: -1 }) { nodes { id } } }`, () => ({})],
    ['the same filter again (BAD_USER_INPUT)', `{ claims(filter: { minIndependentSources: -1 }) { nodes { id } } }`, () => ({})],
    ['a bad cursor (BAD_USER_INPUT)', `{ claims(after: "garbage") { nodes { id } } }`, () => ({})],
    ['a variable of the wrong type', `query($first: Int) { claims(first: $first) { nodes { id } } }`, () => ({ first: 'ten' })],
    ['an unknown field', `{ claims { nodes { id colour } } }`, () => ({})],
    ['deleted claims, as a reporter (FORBIDDEN)', `{ claims(filter: { deleted: ONLY }) { nodes { id } } }`, () => ({}), () => reporter],
    ['no key (UNAUTHENTICATED)', `{ claims { nodes { id } } }`, () => ({}), () => ({})],
    ['a revoked or unknown key (UNAUTHENTICATED)', `{ claims { nodes { id } } }`, () => ({}), () => ({ authorization: 'Bearer cd_not_a_key' })],
  ];

  it.each(leftToApollo.map(withHeaders))('leaves %s to the ordinary path', async (_, query, variables, headers) => {
    const { direct, ordinary, answeredDirectly: directly } = await both(query, variables(), headers());
    expect(directly).toBe(false);
    expect(direct).toEqual(ordinary);
  });

  // The notes' values per role are test/confidential.e2e-spec.ts's and read-parity's; here, that both paths agree.
  it('answers confidential notes on the direct path as on the ordinary one, for an editor and a reporter', async () => {
    const query = `query($id: ID!) { claim(id: $id) { attributions { source { confidentialNote } } } }`;
    const asEditor = await both(query, { id: claimIds[0] }, editor);
    expect(asEditor.answeredDirectly).toBe(true);
    expect(asEditor.direct).toEqual(asEditor.ordinary);
    const asReporter = await both(query, { id: claimIds[0] }, reporter);
    expect(asReporter.answeredDirectly).toBe(true);
    expect(asReporter.direct).toEqual(asReporter.ordinary);
  });

  it('sends the ordinary media type, and leaves other media types to Apollo', async () => {
    const body = JSON.stringify({ query: `{ claims(first: 1) { nodes { id } } }` });
    const before = reads.answered;
    const plain = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` }, body });
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await plain.text();
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).data.claims.nodes[0])).toEqual(['id']);
    expect(reads.answered).toBe(before + 1);
    const graphqlResponse = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${t.adminKey}` },
      body,
    });
    expect(graphqlResponse.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(reads.answered).toBe(before + 1);
  });

  it.each([
    ['malformed JSON', '{"query": '],
    ['JSON that is not an object', '"{ claims { nodes { id } } }"'],
    ['a body over the parser\'s limit', JSON.stringify({ query: `{ claims { nodes { id } } }`, variables: { pad: 'x'.repeat(DEFAULT_GRAPHQL_MAX_BODY_BYTES) } })],
  ])('answers %s exactly as before', async (_, body) => {
    const post = async () => {
      const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` }, body });
      return { status: response.status, body: await response.text() };
    };
    const direct = await post();
    reads.enabled = false;
    try {
      expect(direct).toEqual(await post());
    } finally {
      reads.enabled = true;
    }
    expect(direct.status).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['an Accept header without JSON', { accept: 'text/html' }, {}],
    ['an Accept header preferring graphql-response, in capitals', { accept: 'Application/GraphQL-Response+JSON' }, {}],
    ['an empty operation name, after the same text without one', {}, { operationName: '' }],
  ])('leaves %s to Apollo', async (_, headers, extra) => {
    const query = `query Detail($id: ID!) { claim(id: $id) { id } }`;
    const post = async (body: Record<string, unknown>, more: Record<string, string>) => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}`, ...more },
        body: JSON.stringify({ query, variables: { id: claimIds[0] }, ...body }),
      });
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    };
    expect((await post({}, {})).status).toBe(200); // the plan for the text is kept from here on
    const before = reads.answered;
    const direct = await post(extra, headers);
    expect(reads.answered).toBe(before);
    reads.enabled = false;
    try {
      expect(direct).toEqual(await post(extra, headers));
    } finally {
      reads.enabled = true;
    }
  });

  it('reads a nested page in one SQL statement, two with totalCount', async () => {
    const key = { authorization: `Bearer ${t.adminKey}` };
    await t.gql(`{ claims(first: 10) { nodes { id } } }`, {}, key); // the key is cached from here on
    for (const [selection, statements] of [
      [`nodes { ${EVERYTHING} }`, 1],
      [`nodes { ${EVERYTHING} } totalCount`, 2],
    ] as const) {
      const before = QueryCounter.count;
      const answered = reads.answered;
      expectData(await t.gql(`{ claims(first: 10) { ${selection} } }`, {}, key));
      expect(reads.answered).toBe(answered + 1);
      expect(QueryCounter.count - before).toBe(statements);
    }
  });
});
