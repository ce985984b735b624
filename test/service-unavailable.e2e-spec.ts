import { DataSource } from 'typeorm';
import { claimInput } from './factories';
import { TestApp, errorOf, startTestApp } from './support/app';
import { loseDatabase } from './support/database-faults';
import { baseUrl, getText } from './support/http';

describe('a database that cannot be reached', () => {
  let t: TestApp;
  let restore = () => undefined as void;
  beforeAll(async () => {
    t = await startTestApp();
    // Authenticate once, so the key is cached and the requests below reach the database themselves.
    expect((await t.gql('{ claims(first: 1) { totalCount } }')).status).toBe(200);
    restore = await loseDatabase(t.app.get(DataSource));
  });
  afterAll(async () => {
    restore();
    await t.close().catch(() => undefined);
  });

  it('answers writes and reads with the retryable SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const write = await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: claimInput() });
    expect(errorOf(write)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', extensions: { retryable: true } });
    expect(errorOf(write).message).not.toMatch(/ECONNREFUSED|SELECT|INSERT|not open/);
    const read = await t.gql(`{ claims(first: 1) { totalCount nodes { conflictsWith { id } } } }`);
    expect(errorOf(read).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers HTTP routes with 503, Retry-After and the same code', async () => {
    const res = await getText(`${baseUrl(t.url)}/exports/claims.csv`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(JSON.parse(res.text)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });
});
