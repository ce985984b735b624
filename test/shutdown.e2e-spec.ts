import { mkdtempSync, rmSync } from 'node:fs';
import { ClientRequest, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/data-source-options';
import { ChildServer, startChildServer } from './support/child-server';
import { TestDatabase, createTestDatabase } from './support/database';

/** Opens an import and sends the first part of its body; the rest is sent when asked. */
function slowImport(base: string, key: string, rows: string[]): { finish(): void; response: Promise<{ status: number; body: string }>; req: ClientRequest } {
  let req!: ClientRequest;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req = request(`${base}/imports`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const half = Math.floor(rows.length / 2);
  req.write(rows.slice(0, half).join('\n') + '\n');
  return { req, response, finish: () => req.end(rows.slice(half).join('\n') + '\n') };
}

const row = (id: string) => JSON.stringify({ claim_id: id, statement: `Claim ${id} from the slow import.`, quantities_json: [] });

describe('graceful shutdown on SIGTERM', () => {
  let db: TestDatabase;
  let dir: string;
  let server: ChildServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-shutdown-'));
    const env = { ...db.env, SQLITE_PATH: join(dir, 'shutdown.sqlite'), DEMO_DATA: 'true', SHUTDOWN_DRAIN_SECONDS: '4', LOG_LEVEL: 'info' };
    server = await startChildServer(env);
  }, 120_000);
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops accepting, lets the import in flight finish, cuts one that outlives the drain time, closes the database and logs each step', async () => {
    const key = (await server.waitFor(/ADMIN\s+(cdk_\S+)/))[1];
    const rows = Array.from({ length: 40 }, (_, i) => row(`shutdown-${i}`));
    const finishing = slowImport(server.base, key, rows);
    const stuck = slowImport(server.base, key, [row('never-1'), row('never-2')]);
    const stuckOutcome = stuck.response.then(
      () => 'answered',
      () => 'cut',
    );
    // Both requests are in flight once the server has their headers.
    await new Promise((r) => setTimeout(r, 500));

    server.child.kill('SIGTERM');
    await server.waitFor(/shutdown: stopped accepting connections/);
    expect(server.logLines().find((l) => l.msg.startsWith('shutdown: stopped'))).toMatchObject({ signal: 'SIGTERM', inFlight: 2, drainSeconds: 4 });
    // No new connections...
    await expect(fetch(`${server.base}/health/live`)).rejects.toThrow();
    // ...but the import in flight completes.
    finishing.finish();
    const done = await finishing.response;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ rows: 40, claimsCreated: 40 });

    expect(await stuckOutcome).toBe('cut');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const log = server.logLines();
    expect(log.find((l) => l.msg.startsWith('shutdown: drain time over'))).toMatchObject({ level: 'warn', cut: 1 });
    const closed = log.findIndex((l) => l.msg === 'shutdown: database closed');
    expect(closed).toBeGreaterThan(log.findIndex((l) => l.msg.startsWith('shutdown: drain time over')));
    expect(log.filter((l) => l.msg === 'request' && l.path === '/imports').map((l) => l.outcome).sort()).toEqual(['CUT_AT_SHUTDOWN', 'OK']);

    // What the finished import wrote is stored.
    const check = new DataSource(dataSourceOptions({ ...db.env, SQLITE_PATH: join(dir, 'shutdown.sqlite') }));
    await check.initialize();
    const [{ n }] = await check.query(`SELECT COUNT(*) AS n FROM claim WHERE statement LIKE '%from the slow import.'`);
    await check.destroy();
    expect(Number(n)).toBe(40);
  }, 120_000);
});
