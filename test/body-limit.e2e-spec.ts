import { gzipSync } from 'node:zlib';
import { articleInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`;

describe.each([
  ['direct reads on', {}],
  ['direct reads off', { GRAPHQL_DIRECT_READS: 'false' }],
])('request body size on POST /graphql (%s)', (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...env, GRAPHQL_MAX_BODY_BYTES: String(2 * 1024 * 1024) });
  });
  afterAll(() => t.close());

  it('stores an article text of 1,000,000 characters (about 1 MB) and reads it back', async () => {
    const bodyText = 'Holdouts in the old quarter refused the terms. '.repeat(21_277).slice(0, 1_000_000);
    const { id } = expectData(await t.gql(CREATE, { input: articleInput({ bodyText }) })).createArticle;
    const stored = expectData(await t.gql(`query($id: ID!) { article(id: $id) { bodyText } }`, { id })).article;
    expect(stored.bodyText.length).toBe(1_000_000);
  });

  it('answers a body over the limit with PAYLOAD_TOO_LARGE and the limit, in GraphQL shape, writing nothing', async () => {
    const before = expectData(await t.gql(`{ articles { totalCount } }`)).articles.totalCount;
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify({ query: CREATE, variables: { input: articleInput({ bodyText: 'x'.repeat(2 * 1024 * 1024) }) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limitBytes: 2 * 1024 * 1024 });
    expect(body.errors[0].message).toMatch(/larger than 2097152 bytes/);
    expect(expectData(await t.gql(`{ articles { totalCount } }`)).articles.totalCount).toBe(before);
  });
});

describe.each([
  ['direct reads on', {}],
  ['direct reads off', { GRAPHQL_DIRECT_READS: 'false' }],
])('a body POST /graphql cannot read (%s)', (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(env);
  });
  afterAll(() => t.close());

  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${t.adminKey}` }, body });
    return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
  };

  it.each([
    ['cut short', '{"query":'],
    ['not JSON at all', 'query { claims { totalCount } }'],
    ['a JSON string, not an object', '"x"'],
  ])('answers a body that is %s with BAD_REQUEST in GraphQL shape (HTTP 400), like Apollo for a body without a query', async (_what, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('answers a charset it cannot read with BAD_REQUEST in GraphQL shape (HTTP 415)', async () => {
    const answer = await post('{"query":"{ __typename }"}', 'application/json; charset=latin7');
    expect(answer.status).toBe(415);
    expect(answer.body.errors).toEqual([{ message: expect.stringMatching(/charset/), extensions: { code: 'BAD_REQUEST' } }]);
  });

  it.each([
    ['gzip', 'not gzip at all'],
    ['deflate', 'not deflate either'],
    ['br', '{"query":"{ __typename }"}'],
    ['gzip', gzipSync('{"query":"{ __typename }"}').subarray(0, 12)],
  ])('answers a %s body that does not decompress with BAD_REQUEST in GraphQL shape (HTTP 400), not zlib\'s words', async (encoding, body) => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding, authorization: `Bearer ${t.adminKey}` },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/content-encoding/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('reads a gzip body that decompresses', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${t.adminKey}` },
      body: gzipSync('{"query":"{ __typename }"}'),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a body without a query as Apollo does, with the same code', async () => {
    const answer = await post('{"foo":1}');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
  });
});
