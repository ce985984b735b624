import { DataSource } from 'typeorm';
import { AccessService } from '../src/access/access.service';
import { AppLog } from '../src/observability/app-log';
import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, getText, postImport } from './support/http';

const CLAIMS = `query DeskPage($first: Int) { claims(first: $first) { totalCount nodes { id statement } } }`;
const LOG = `mutation LogOne($input: LogClaimInput!) { logClaim(input: $input) { id } }`;

function post(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The value of one series in Prometheus text, or 0 when it has none yet. */
function series(text: string, name: string, labels: Record<string, string> = {}): number {
  const lines = text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  const line = lines.find((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('health, metrics and request logs', () => {
  let t: TestApp;
  let base: string;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' });
    base = baseUrl(t.url);
    t.app.get(AppLog).writeTo({ write: (line: string) => lines.push(JSON.parse(line)) });
  });
  afterAll(() => t.close());

  /** The log line of the request whose id is `id`, once its response has closed. */
  async function lineOf(id: string): Promise<Record<string, any>> {
    for (let i = 0; i < 50; i++) {
      const found = lines.filter((l) => l.reqId === id);
      if (found.length) {
        expect(found).toHaveLength(1);
        return found[0];
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no log line for request ${id}`);
  }

  describe('health', () => {
    it('answers liveness and readiness without a key, readiness checking the database and the migrations', async () => {
      const live = await getText(`${base}/health/live`, {});
      expect(live.status).toBe(200);
      expect(JSON.parse(live.text).status).toBe('ok');
      const ready = await getText(`${base}/health/ready`, {});
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text).info).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' }, accepting: { status: 'up' } });
    });

    it('reports not ready while a migration this build knows is not applied', async () => {
      const dataSource = t.app.get(DataSource);
      const [last] = await dataSource.query('SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1');
      await dataSource.query(`DELETE FROM migrations WHERE name = '${last.name}'`);
      try {
        const ready = await getText(`${base}/health/ready`, {});
        expect(ready.status).toBe(503);
        expect(JSON.parse(ready.text).error.migrations).toEqual({ status: 'down', pending: [last.name] });
      } finally {
        await dataSource.query(`INSERT INTO migrations (id, timestamp, name) VALUES (${last.id}, ${last.timestamp}, '${last.name}')`);
      }
      expect((await getText(`${base}/health/ready`, {})).status).toBe(200);
    });
  });

  describe('/metrics', () => {
    it('needs an ADMIN key when no METRICS_TOKEN is set', async () => {
      expect((await getText(`${base}/metrics`, {})).status).toBe(401);
      const researcher = await t.userWithRole('RESEARCHER');
      const refused = await getText(`${base}/metrics`, researcher.as);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).code).toBe('FORBIDDEN');
      const ok = await getText(`${base}/metrics`, { authorization: `Bearer ${t.adminKey}` });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    });

    it('counts requests by path and operation, errors by code, direct-path declines, pool use and export and import rows', async () => {
      const admin = { authorization: `Bearer ${t.adminKey}` };
      const before = (await getText(`${base}/metrics`, admin)).text;
      expectData(await t.gql(LOG, { input: logClaimInput() }));
      // Direct path: every field is a column.
      expect((await post(t.url, { query: CLAIMS, variables: { first: 5 }, operationName: 'DeskPage' }, admin)).status).toBe(200);
      // Apollo: `statusHistory` has a resolver of its own, so the direct path declines it.
      await post(t.url, { query: `query Conflicts { claims(first: 2) { nodes { statusHistory { toStatus } } } }` }, admin);
      // An error: a researcher may not write.
      const researcher = await t.userWithRole('RESEARCHER');
      await post(t.url, { query: `mutation Write { createSource(input: { name: "X", kind: MEDIA_OUTLET }) { id } }` }, researcher.as);
      await post(t.url, { query: `{ claims { totalCount } }` }, { authorization: 'Bearer cdk_wrong' });
      expect((await getText(`${base}/exports/claims.csv`, admin)).status).toBe(200);
      const jsonl = (await getText(`${base}/exports/claims.jsonl`, admin)).text;
      const rows = jsonl.split('\n').filter(Boolean).length - 1;
      const imported = await postImport(base, jsonl.split('\n').slice(0, -2).join('\n') + '\n', 'application/x-ndjson', '?dryRun=true', admin);
      expect(imported.status).toBe(200);

      const after = (await getText(`${base}/metrics`, admin)).text;
      const grew = (name: string, labels: Record<string, string> = {}) => series(after, name, labels) - series(before, name, labels);
      expect(grew('claimdesk_requests_total', { path: 'direct', operation: 'DeskPage', outcome: 'OK' })).toBe(1);
      expect(grew('claimdesk_requests_total', { path: 'apollo', operation: 'LogOne', outcome: 'OK' })).toBe(1);
      expect(grew('claimdesk_requests_total', { path: 'apollo', operation: 'Conflicts', outcome: 'OK' })).toBe(1);
      expect(grew('claimdesk_requests_total', { path: 'http', operation: 'GET /exports/claims.csv', outcome: 'OK' })).toBe(1);
      expect(grew('claimdesk_request_duration_seconds_count', { path: 'direct', operation: 'DeskPage' })).toBe(1);
      expect(grew('claimdesk_errors_total', { code: 'FORBIDDEN' })).toBe(1);
      expect(grew('claimdesk_requests_total', { path: 'apollo', operation: 'Write', outcome: 'FORBIDDEN' })).toBe(1);
      expect(grew('claimdesk_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
      expect(grew('claimdesk_direct_declines_total', { reason: 'resolver:Claim.statusHistory' })).toBe(1);
      expect(grew('claimdesk_direct_declines_total', { reason: 'mutation' })).toBe(2);
      expect(grew('claimdesk_direct_declines_total', { reason: 'unknown_key' })).toBe(1);
      expect(grew('claimdesk_export_rows_total', { format: 'jsonl' })).toBe(rows);
      expect(grew('claimdesk_export_rows_total', { format: 'csv' })).toBe(rows);
      expect(grew('claimdesk_import_rows_total', { mode: 'dry_run' })).toBe(rows);
      expect(series(after, 'claimdesk_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(series(after, 'claimdesk_db_pool_connections', { state: 'max' })).toBeGreaterThanOrEqual(1);
      expect(series(after, 'claimdesk_requests_in_flight')).toBe(1);
    });
  });

  describe('direct path declines', () => {
    it('counts each by its reason and logs it once per document and reason, at debug, without the query or its values', async () => {
      const admin = { authorization: `Bearer ${t.adminKey}` };
      const { id } = expectData(await t.gql(LOG, { input: logClaimInput() })).logClaim;
      const logger = t.app.get(AppLog).logger;
      const level = logger.level;
      logger.level = 'debug';
      try {
        const query = `query History($id: ID!) { claim(id: $id) { id statusHistory { toStatus } } }`;
        const before = (await getText(`${base}/metrics`, admin)).text;
        for (let i = 0; i < 3; i++) expect((await post(t.url, { query, variables: { id }, operationName: 'History' }, admin)).status).toBe(200);
        const after = (await getText(`${base}/metrics`, admin)).text;
        const reason = 'resolver:Claim.statusHistory';
        expect(series(after, 'claimdesk_direct_declines_total', { reason }) - series(before, 'claimdesk_direct_declines_total', { reason })).toBe(3);
        await new Promise((r) => setTimeout(r, 50)); // the log's writes are asynchronous
        const said = lines.filter((l) => l.operation === 'History' && String(l.msg).startsWith('direct path'));
        expect(said).toHaveLength(1);
        expect(said[0]).toMatchObject({ level: 'debug', reason, shape: expect.stringMatching(/^[0-9a-f]{12}$/) });
        expect(JSON.stringify(said[0])).not.toContain(id);
        expect(JSON.stringify(said[0])).not.toContain('toStatus');

        // A document the path answers, declined for one request's sake: a missing claim, whose error Apollo words.
        const missing = '018cc252-3af4-7000-839e-000000000000';
        const lookup = `query Lookup($id: ID!) { claim(id: $id) { id statement } }`;
        const beforeMissing = (await getText(`${base}/metrics`, admin)).text;
        for (let i = 0; i < 2; i++) await post(t.url, { query: lookup, variables: { id: missing }, operationName: 'Lookup' }, admin);
        const afterMissing = (await getText(`${base}/metrics`, admin)).text;
        const notFound = { reason: 'not_found' };
        expect(series(afterMissing, 'claimdesk_direct_declines_total', notFound) - series(beforeMissing, 'claimdesk_direct_declines_total', notFound)).toBe(2);
        await new Promise((r) => setTimeout(r, 50));
        const missed = lines.filter((l) => l.operation === 'Lookup' && String(l.msg).startsWith('direct path'));
        expect(missed).toHaveLength(1);
        expect(missed[0]).toMatchObject({ level: 'debug', reason: 'not_found' });
        expect(JSON.stringify(missed[0])).not.toContain(missing);
      } finally {
        logger.level = level;
      }
    });
  });

  describe('request log', () => {
    it('writes one JSON line per request with its id, operation, duration, outcome and key id, on both paths', async () => {
      const researcher = await t.userWithRole('RESEARCHER');
      const [key] = await t.app.get(AccessService).keysOf([researcher.id]);
      const secret = 'SECRET-SEARCH-TERM-4711';

      const direct = await post(t.url, { query: CLAIMS, variables: { first: 3 }, operationName: 'DeskPage' }, { ...researcher.as, 'x-request-id': 'desk-req-1' });
      expect(direct.status).toBe(200);
      expect(direct.headers.get('x-request-id')).toBe('desk-req-1');
      const apollo = await post(
        t.url,
        { query: `query Search($s: String) { claims(filter: { search: $s }) { nodes { id statusHistory { toStatus } } } }`, variables: { s: secret } },
        researcher.as,
      );
      const apolloId = apollo.headers.get('x-request-id') as string;
      expect(apolloId).toMatch(/^[0-9a-f-]{36}$/);
      const refused = await post(t.url, { query: `mutation { createSource(input: { name: "${secret}", kind: MEDIA_OUTLET }) { id } }` }, { ...researcher.as, 'x-request-id': 'bad id with spaces' });
      const refusedId = refused.headers.get('x-request-id') as string;
      expect(refusedId).not.toBe('bad id with spaces');

      expect(await lineOf('desk-req-1')).toMatchObject({
        level: 'info', msg: 'request', method: 'POST', path: '/graphql', servedBy: 'direct', operation: 'DeskPage', status: 200, outcome: 'OK', keyId: key.id,
      });
      expect(await lineOf(apolloId)).toMatchObject({ path: '/graphql', servedBy: 'apollo', operation: 'Search', outcome: 'OK', keyId: key.id });
      expect(await lineOf(refusedId)).toMatchObject({ servedBy: 'apollo', operation: null, outcome: 'FORBIDDEN', keyId: key.id });
      for (const id of ['desk-req-1', apolloId, refusedId]) expect(typeof (await lineOf(id)).durationMs).toBe('number');

      const exported = await fetch(`${base}/exports/claims.csv?search=${secret}`, { headers: researcher.as });
      await exported.text();
      expect(await lineOf(exported.headers.get('x-request-id') as string)).toMatchObject({
        servedBy: 'http', operation: 'GET /exports/claims.csv', path: '/exports/claims.csv', status: 200, outcome: 'OK', keyId: key.id,
      });

      // A body that cannot be read is logged with the code it was answered with, not guessed from its status.
      const unreadable = [
        ['bad-body-json', 'application/json', '{"query":'],
        ['bad-body-charset', 'application/json; charset=latin7', '{"query":"{ __typename }"}'],
        ['bad-body-no-query', 'application/json', '{"foo":1}'],
      ];
      for (const [id, contentType, body] of unreadable) {
        const answer = await fetch(t.url, { method: 'POST', headers: { ...researcher.as, 'content-type': contentType, 'x-request-id': id }, body });
        const json = (await answer.json()) as { errors: Array<{ extensions: { code: string } }> };
        expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(await lineOf(id)).toMatchObject({ path: '/graphql', outcome: 'BAD_REQUEST' });
      }

      // Never the key, the variables, the query string or the query text.
      const all = JSON.stringify(lines);
      expect(all).not.toContain(researcher.key);
      expect(all).not.toContain(t.adminKey);
      expect(all).not.toContain(secret);
      expect(all).not.toContain('conflictsWith');
    });
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  const token = 'scrape-token-0123456789abcdef';
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: token });
  });
  afterAll(() => t.close());

  it('takes that token and nothing else, not even an admin key', async () => {
    const base = baseUrl(t.url);
    const ok = await getText(`${base}/metrics`, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('claimdesk_requests_total');
    expect((await getText(`${base}/metrics`, { authorization: `Bearer ${t.adminKey}` })).status).toBe(401);
    expect((await getText(`${base}/metrics`, {})).status).toBe(401);
  });
});

describe('the plan cache on /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PLAN_CACHE_SIZE: '3' });
  });
  afterAll(() => t.close());

  it('holds at most PLAN_CACHE_SIZE plans of both paths, least recently used dropped first, and counts hits, misses and evictions', async () => {
    const base = baseUrl(t.url);
    const admin = { authorization: `Bearer ${t.adminKey}` };
    expectData(await t.gql(LOG, { input: logClaimInput() }));
    const scrape = async () => (await getText(`${base}/metrics`, admin)).text;
    const send = async (query: string) => expect((await post(t.url, { query }, admin)).status).toBe(200);
    const before = await scrape();

    // Five documents the direct path answers, each compiled once; the last sent again is found.
    for (let i = 1; i <= 5; i++) await send(`query Page${i} { claims(first: ${i}) { nodes { id } } }`);
    await send(`query Page5 { claims(first: 5) { nodes { id } } }`);
    // A document the direct path declines (its decline is a plan too), whose claim tree Apollo compiles and then finds.
    const apollo = `query History { claims(first: 2) { nodes { id statusHistory { toStatus } } } }`;
    await send(apollo);
    await send(apollo);

    const after = await scrape();
    const grew = (name: string, labels: Record<string, string> = {}) => series(after, name, labels) - series(before, name, labels);
    expect(series(after, 'claimdesk_plan_cache_entries', { of: 'capacity' })).toBe(3);
    expect(series(after, 'claimdesk_plan_cache_entries', { of: 'size' })).toBe(3);
    expect(grew('claimdesk_plan_cache_lookups_total', { kind: 'direct_document', result: 'miss' })).toBe(6);
    expect(grew('claimdesk_plan_cache_lookups_total', { kind: 'direct_document', result: 'hit' })).toBe(2);
    expect(grew('claimdesk_plan_cache_lookups_total', { kind: 'claims_page_tree', result: 'miss' })).toBe(1);
    expect(grew('claimdesk_plan_cache_lookups_total', { kind: 'claims_page_tree', result: 'hit' })).toBe(1);
    // The plain list's query text is a plan too (one per shape), made again whenever the tiny cache has pushed it out.
    const pageQueries = grew('claimdesk_plan_cache_lookups_total', { kind: 'claims_page_query', result: 'miss' });
    expect(pageQueries).toBeGreaterThanOrEqual(1);
    // 7 plans made (6 documents, 1 tree) and the page queries, besides those already kept (the mutation's): all but 3 pushed out.
    const kept = series(before, 'claimdesk_plan_cache_entries', { of: 'size' });
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(grew('claimdesk_plan_cache_evictions_total')).toBe(kept + 7 + pageQueries - 3);

    // The help a Prometheus user reads names every kind the counter reports.
    const help = after.split('\n').find((l) => l.startsWith('# HELP claimdesk_plan_cache_lookups_total')) ?? '';
    const kinds = [...new Set([...after.matchAll(/^claimdesk_plan_cache_lookups_total\{kind="([^"]+)"/gm)].map((m) => m[1]))];
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const kind of kinds) expect([kind, help]).toEqual([kind, expect.stringContaining(kind)]);

    // The first page's plan was dropped: it is compiled again.
    await send(`query Page1 { claims(first: 1) { nodes { id } } }`);
    expect(series(await scrape(), 'claimdesk_plan_cache_lookups_total', { kind: 'direct_document', result: 'miss' }) - series(after, 'claimdesk_plan_cache_lookups_total', { kind: 'direct_document', result: 'miss' })).toBe(1);
  });
});
