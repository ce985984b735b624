import { TestApp, startTestApp } from './support/app';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('schema exposure', () => {
  let t: TestApp;
  let researcher: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    researcher = (await t.userWithRole('RESEARCHER')).as;
  });
  afterAll(() => t.close());

  async function post(query: string, headers: Record<string, string>) {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, any> }> } };
  }

  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: 'Bearer cdk_not-a-key' }],
  ])('refuses introspection with %s', async (_name, headers) => {
    for (const query of [INTROSPECTION, '{ __type(name: "Claim") { fields { name } } }']) {
      const { status, body } = await post(query, headers);
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers introspection for a valid key', async () => {
    const { status, body } = await post(INTROSPECTION, researcher);
    expect(status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
    expect(body.data.__schema.types.map((x: { name: string }) => x.name)).toContain('Claim');
  });

  it('gives "Did you mean" hints only to valid keys', async () => {
    const typo = '{ claims(first: 1) { nodes { statment } } }';
    const anonymous = await post(typo, {});
    expect(anonymous.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(anonymous.body.errors?.[0].message).toBe('Cannot query field "statment" on type "Claim".');
    const wrongKey = await post(typo, { authorization: 'Bearer cdk_not-a-key' });
    expect(wrongKey.body.errors?.[0].message).not.toMatch(/Did you mean/);
    const known = await post(typo, researcher);
    expect(known.body.errors?.[0].message).toMatch(/Did you mean "statement"/);
  });

  it('sends no X-Powered-By, on GraphQL or REST routes', async () => {
    expect((await post('{ me { name } }', researcher)).headers.get('x-powered-by')).toBeNull();
    expect((await post('{ me { name } }', {})).headers.get('x-powered-by')).toBeNull();
    const codebook = await fetch(t.url.replace('/graphql', '/exports/codebook'));
    expect(codebook.status).toBe(200);
    expect(codebook.headers.get('x-powered-by')).toBeNull();
  });

  it('serves no IDE page (whose scripts would come from a CDN) at GET /graphql', async () => {
    const response = await fetch(t.url, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(text).not.toMatch(/<script/i);
  });
});
