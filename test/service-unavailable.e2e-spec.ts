import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { claimInput } from './factories';
import { TestApp, errorOf, startTestApp } from './support/app';
import { onPostgres } from './support/database';
import { baseUrl, getText } from './support/http';

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Makes the database unreachable for the running app, the way a restart does: on PostgreSQL every
 * connection of the pool is terminated and new ones are refused; on SQLite the connection is closed.
 */
async function loseDatabase(dataSource: DataSource): Promise<() => void> {
  const driver = dataSource.driver as any;
  if (!onPostgres) {
    driver.databaseConnection.close();
    return () => undefined;
  }
  const pool = driver.master;
  const url = pool.options.connectionString as string;
  const unreachable = new URL(url);
  unreachable.port = String(await closedPort());
  pool.options.connectionString = unreachable.toString();
  const other = new DataSource({ type: 'postgres', url });
  await other.initialize();
  await other.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  await other.destroy();
  // Give the pool a moment to drop the clients it just lost.
  await new Promise((r) => setTimeout(r, 200));
  return () => {
    pool.options.connectionString = url;
  };
}

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
