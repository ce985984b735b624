import { articleInput, claimInput, logClaimInput, sourceInput } from './factories';
import { countRows } from './factories/operations';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { baseUrl, getText, postImport } from './support/http';

/**
 * Input that used to reach the database and fail there (INTERNAL on PostgreSQL, or a different
 * stored value on SQLite): each must be refused as BAD_USER_INPUT naming the field, with nothing written.
 */
describe('input that the database would refuse is refused before it', () => {
  let t: TestApp;
  let claimId: string;
  let attributionId: string;
  let articleId: string;
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  beforeAll(async () => {
    t = await startTestApp();
    const logged = expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { id citations { article { id } } } } }`, {
      input: logClaimInput({ attributions: [{ source: { name: 'Riverside Monitor' }, quote: { quote: 'two hundred' } }] }),
    })).logClaim;
    claimId = logged.id;
    attributionId = logged.attributions[0].id;
    articleId = logged.attributions[0].citations[0].article.id;
  });
  afterAll(() => t.close());

  async function refused(query: string, variables: Record<string, unknown>, field: string) {
    const before = await countRows(t);
    const response = await t.gql(query, variables);
    const error = errorOf(response);
    expect({ code: error.code, fields: error.fields?.map((f) => f.field) }).toEqual({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining([field]) });
    expect(await countRows(t)).toEqual(before);
  }

  const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`;
  const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`;
  const LOG_CLAIM = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;

  it('a NUL byte in a text field, a nested one, a list item or a filter names the field', async () => {
    await refused(CREATE_SOURCE, { input: sourceInput({ name: 'Nul\u0000Source' }) }, 'name');
    await refused(CREATE_SOURCE, { input: sourceInput({ kind: 'ANONYMOUS', name: 'an official', confidentialNote: 'The\u0000 colonel' }) }, 'confidentialNote');
    await refused(LOG_CLAIM, { input: logClaimInput({ statement: 'Two\u0000 hundred' }) }, 'statement');
    await refused(LOG_CLAIM, { input: logClaimInput({ tags: ['ok', 'bad\u0000'] }) }, 'tags.1');
    await refused(LOG_CLAIM, { input: logClaimInput({ article: articleInput({ headline: 'x\u0000' }) }) }, 'article.headline');
    await refused(`query($s: String) { claims(filter: { search: $s }) { totalCount } }`, { s: 'siege\u0000' }, 'filter.search');
    await refused(`query($s: String) { sources(filter: { name: $s }) { totalCount } }`, { s: '\u0000' }, 'filter.name');
    await refused(`query($a: String) { claims(after: $a) { totalCount } }`, { a: 'abc\u0000' }, 'after');
    await refused(`query($a: String) { claims(after: $a) { totalCount } }`, { a: cursor(['abc\u0000']) }, 'after');
  });

  it('quantities of 1e18 or more, and with more decimals than are stored, are refused on both databases', async () => {
    await refused(CREATE_CLAIM, { input: claimInput({ quantities: [{ variable: 'fighters', value: 1e18 }] }) }, 'quantities.0.value');
    await refused(CREATE_CLAIM, { input: claimInput({ quantities: [{ variable: 'fighters', upper: 5e20 }] }) }, 'quantities.0.upper');
    await refused(CREATE_CLAIM, { input: claimInput({ quantities: [{ variable: 'fighters', lower: 1e-7 }] }) }, 'quantities.0.lower');
    // The largest and the finest values the column stores are kept as sent.
    const kept = expectData(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { quantities { value lower } } }`, {
      input: claimInput({ quantities: [{ variable: 'fighters', value: 999999999999999900, lower: 0.000001 }] }),
    })).createClaim.quantities[0];
    expect(kept).toEqual({ value: 999999999999999900, lower: 0.000001 });
  });

  it('cursors that decode to objects or arrays, or an EVENT_TIME cursor whose time is not a number, name `after`', async () => {
    const q = `query($a: String, $sort: ClaimSort) { claims(after: $a, sort: $sort) { totalCount } }`;
    await refused(q, { a: cursor([{ id: 1 }]) }, 'after');
    await refused(q, { a: cursor([['x']]) }, 'after');
    await refused(q, { a: cursor([{}, 'x']), sort: 'EVENT_TIME' }, 'after');
    await refused(q, { a: cursor(['yesterday', claimId]), sort: 'EVENT_TIME' }, 'after');
    await refused(q, { a: cursor([1e300, claimId]), sort: 'EVENT_TIME' }, 'after');
    await refused(`query($a: String) { sources(after: $a) { totalCount } }`, { a: cursor([{}, []]) }, 'after');
    await refused(`query($a: String) { articles(after: $a) { totalCount } }`, { a: cursor([[]]) }, 'after');
  });

  it('updateClaim with statement: null names statement and leaves the claim alone', async () => {
    await refused(`mutation { updateClaim(input: { id: "${claimId}", statement: null }) { id } }`, {}, 'statement');
    const claim = expectData(await t.gql(`{ claim(id: "${claimId}") { statement version } }`)).claim;
    expect(claim.version).toBe(1);
  });

  it('a required variable left out or sent as null is named in fields, like a required field inside one', async () => {
    await refused(`query($id: ID!) { claim(id: $id) { id } }`, {}, 'id');
    await refused(`query($id: ID!) { claim(id: $id) { id } }`, { id: null }, 'id');
    await refused(LOG_CLAIM, {}, 'input');
  });

  it("a bad value written inline in the document names its field as a variable's would, and nothing is written", async () => {
    const inline = async (query: string) => {
      const before = await countRows(t);
      const error = errorOf(await t.gql(query, {}));
      expect(await countRows(t)).toEqual(before);
      return { code: error.code, fields: error.fields };
    };
    expect(await inline(`{ claims(filter: { eventFrom: "2019-02-30" }) { nodes { id } } }`)).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED', fields: [{ field: 'eventFrom', message: 'is not a real date: 2019-02 has 28 days' }],
    });
    expect((await inline(`{ claims(filter: { minIndependentSources: 99999999999 }) { nodes { id } } }`)).fields).toEqual([
      { field: 'minIndependentSources', message: expect.stringContaining('cannot represent') },
    ]);
    expect((await inline(`{ claims(first: "ten") { nodes { id } } }`)).fields).toEqual([{ field: 'first', message: expect.stringContaining('cannot represent') }]);
    const article = `article: { url: "https://example.org/market" }`;
    const figure = `mutation { logClaim(input: { ${article}, statement: "Shelling hit the market.", quantities: [{ variable: "deaths", value: 3 }, { variable: "injured", lower: "many" }], attributions: [] }) { id } }`;
    expect((await inline(figure)).fields).toEqual([{ field: 'quantities.1.lower', message: expect.stringContaining('cannot represent') }]);
    expect((await inline(`mutation { logClaim(input: { ${article}, attributions: [] }) { id } }`)).fields).toEqual([{ field: 'statement', message: 'is required' }]);
    expect((await inline(`{ claims(filter: { status: NOPE }) { nodes { id } } }`)).fields).toEqual([{ field: 'status', message: expect.stringContaining('does not exist') }]);
    expect((await inline(`{ claims(filter: { nope: 1 }) { nodes { id } } }`)).fields).toEqual([{ field: 'nope', message: 'is not a field of this input' }]);
  });

  it('a REST path or method that does not exist is NOT_FOUND with a code, like every REST error', async () => {
    for (const [method, path] of [['GET', '/exports/nope'], ['GET', '/imports'], ['POST', '/exports/claims.csv'], ['GET', '/health/nope']]) {
      const response = await fetch(`${baseUrl(t.url)}${path}`, { method, headers: { authorization: `Bearer ${t.adminKey}` } });
      expect([method, path, response.status, await response.json()]).toEqual([method, path, 404, expect.objectContaining({ code: 'NOT_FOUND', message: `Cannot ${method} ${path}` })]);
    }
  });

  it('an offset past the stored integer range names the field', async () => {
    const ADD = `mutation($input: AddCitationInput!) { addCitation(input: $input) { id } }`;
    await refused(ADD, { input: { attributionId, articleId, quote: 'two hundred', startOffset: 2147483647 } }, 'startOffset');
    await refused(ADD, { input: { attributionId, articleId, quote: 'two hundred', startOffset: 0, endOffset: 2147483647 } }, 'endOffset');
  });

  it('a persisted-query hash and a subscription operation get a coded error, not INTERNAL', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` }, body: JSON.stringify(body) });
      return (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    };
    const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(apq.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const withQuery = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect(withQuery.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const subscription = await post({ query: 'subscription { claims { totalCount } }' });
    expect(subscription.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a time range that ends before it starts names `to`, in the discrepancies arguments and in the audit filter alike', async () => {
    const range = { from: '2019-02-02T00:00:00Z', to: '2019-02-01T00:00:00Z' };
    await refused(`query($from: DateTime, $to: DateTime) { discrepancies(variable: "fighters_remaining", from: $from, to: $to) { variable } }`, range, 'to');
    await refused(`query($f: AuditFilterInput) { auditEvents(filter: $f) { totalCount } }`, { f: range }, 'filter.to');
    // The same range the right way round is accepted by both.
    expectData(await t.gql(`query($from: DateTime, $to: DateTime) { discrepancies(variable: "fighters_remaining", from: $from, to: $to) { variable } }`, { from: range.to, to: range.from }));
    expectData(await t.gql(`query($f: AuditFilterInput) { auditEvents(filter: $f) { totalCount } }`, { f: { from: range.to, to: range.from } }));
  });

  it('a NUL byte in an import cell names the line and column; in an export parameter, the parameter', async () => {
    const base = baseUrl(t.url);
    const before = await countRows(t);
    const imported = await postImport(base, `claim_id,statement\r\nnul-1,"Two\u0000 hundred"\r\n`, 'text/csv');
    expect(imported.status).toBe(400);
    expect(imported.body.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(imported.body)).toContain('statement');
    const jsonl = await postImport(base, JSON.stringify({ claim_id: 'nul\u0000-2', statement: 'x' }) + '\n', 'application/x-ndjson');
    expect({ status: jsonl.status, code: jsonl.body.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(jsonl.body)).toContain('claim_id');
    expect(await countRows(t)).toEqual(before);
    const exported = await getText(`${base}/exports/claims.csv?source=${encodeURIComponent('SOHR\u0000')}`);
    expect(exported.status).toBe(400);
    expect(JSON.parse(exported.text)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'source' }] });
  });
});
