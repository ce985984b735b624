import { QueryCounter } from '../src/database/query-counter';
import { TestApp, expectData, startTestApp } from './support/app';

async function post(url: string, query: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, any> }> } };
}

describe('rate limits', () => {
  describe('per API key', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ RATE_LIMIT_PER_KEY: '5', RATE_LIMIT_WINDOW_SECONDS: '60' })));
    afterAll(() => t.close());

    it('answers 429 with Retry-After and RATE_LIMITED once a key has spent its budget, on both paths, and leaves other keys alone', async () => {
      const researcher = (await t.userWithRole('RESEARCHER')).as;
      // Two answered by the direct path, two by Apollo, one more: five in the window.
      for (const query of ['{ claims(first: 1) { totalCount } }', '{ claim(id: "00000000-0000-4000-8000-000000000000") { id } }', '{ me { name } }', '{ me { role } }']) {
        expect((await post(t.url, query, researcher)).status).toBe(200);
      }
      expectData((await post(t.url, '{ claims(first: 1) { nodes { id } } }', researcher)).body as any);
      for (const query of ['{ claims(first: 1) { nodes { id } } }', '{ me { name } }']) {
        const refused = await post(t.url, query, researcher);
        expect(refused.status).toBe(429);
        expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
        expect(refused.body.data).toBeUndefined();
        expect(refused.body.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', budget: 'requests per API key', retryAfter: Number(refused.retryAfter) });
      }
      // Another key from the same address has its own budget.
      expect((await post(t.url, '{ me { name } }', (await t.userWithRole('RESEARCHER')).as)).status).toBe(200);
    });

    it('answers REST routes over budget with the REST error object', async () => {
      const editor = (await t.userWithRole('EDITOR')).as;
      const exportUrl = t.url.replace('/graphql', '/exports/claims.jsonl');
      for (let i = 0; i < 5; i++) expect((await fetch(exportUrl, { headers: editor })).status).toBe(200);
      const refused = await fetch(exportUrl, { headers: editor });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', budget: 'requests per API key' });
    });
  });

  describe('failed authentications', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ RATE_LIMIT_FAILED_AUTH: '3' })));
    afterAll(() => t.close());

    it('refuses an address that sent too many wrong keys, without looking the next ones up', async () => {
      for (let i = 0; i < 3; i++) {
        // Through the direct path's shape and Apollo's: each wrong key counts once.
        const query = i % 2 ? '{ claims(first: 1) { totalCount } }' : '{ me { name } }';
        const wrong = await post(t.url, query, { authorization: `Bearer cdk_wrong${i}` });
        expect(wrong.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      QueryCounter.reset();
      const started = performance.now();
      for (let i = 0; i < 50; i++) {
        const refused = await post(t.url, '{ claims(first: 1) { totalCount } }', { authorization: `Bearer cdk_flood${i}` });
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'failed authentications per address' });
      }
      const ms = performance.now() - started;
      expect(QueryCounter.count).toBe(0);
      process.stdout.write(`50 throttled wrong-key requests: ${ms.toFixed(0)} ms, ${QueryCounter.count} SQL statements\n`);
    });
  });

  describe('failed authentications from a shared address', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ RATE_LIMIT_FAILED_AUTH: '3' })));
    afterAll(() => t.close());

    it('still lets keys that authenticated recently through, and refuses any other key and a revoked one without a look-up', async () => {
      const colleague = await t.userWithRole('RESEARCHER');
      const leaver = await t.userWithRole('RESEARCHER');
      const neverSeen = await t.userWithRole('RESEARCHER');
      // Known good: each authenticated once before the office's bad script ran (the admin key too, by this look-up).
      const keyIds = Object.fromEntries(
        expectData(await t.gql('{ users { id apiKeys { id } } }')).users.map((u: { id: string; apiKeys: Array<{ id: string }> }) => [u.id, u.apiKeys[0]?.id]),
      );
      for (const user of [colleague, leaver]) expect((await post(t.url, '{ me { name } }', user.as)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await post(t.url, '{ me { name } }', { authorization: `Bearer cdk_script${i}` })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

      // The colleague's key still gets data, on the direct path and through Apollo.
      expect((expectData((await post(t.url, '{ claims(first: 1) { totalCount } }', colleague.as)).body as any) as any).claims.totalCount).toBeGreaterThanOrEqual(0);
      expect((expectData((await post(t.url, '{ me { name } }', colleague.as)).body as any) as any).me.name).toBe('Test RESEARCHER');

      QueryCounter.reset();
      for (const headers of [{ authorization: 'Bearer cdk_script99' }, neverSeen.as]) {
        const refused = await post(t.url, '{ claims(first: 1) { totalCount } }', headers);
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'failed authentications per address' });
      }
      expect(QueryCounter.count).toBe(0);

      expectData(await t.gql('mutation($id: ID!) { revokeApiKey(input: { id: $id }) { revokedAt } }', { id: keyIds[leaver.id] }));
      QueryCounter.reset();
      const revoked = await post(t.url, '{ me { name } }', leaver.as);
      expect(revoked.status).toBe(429);
      expect(revoked.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(QueryCounter.count).toBe(0);
    });
  });

  it('does not throttle a busy desk with the defaults', async () => {
    const t = await startTestApp();
    try {
      const researcher = (await t.userWithRole('RESEARCHER')).as;
      const answers = await Promise.all(Array.from({ length: 300 }, () => post(t.url, '{ claims(first: 1) { totalCount } }', researcher)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
