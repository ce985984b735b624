import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildServer, startChildServer } from './support/child-server';
import { TestDatabase, createTestDatabase } from './support/database';

/**
 * What a newcomer sees on the first `npm start`: the demo keys and the address, and no warning. A warning at every
 * start (Nest's "handler has no decorator metadata" for a resolver method made from a table) teaches people to
 * ignore the start-up log.
 */
describe('the start-up log', () => {
  let db: TestDatabase;
  let dir: string;
  let server: ChildServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-startup-'));
    server = await startChildServer({ ...db.env, SQLITE_PATH: join(dir, 'startup.sqlite'), DEMO_DATA: 'true', LOG_LEVEL: 'info' });
  }, 120_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('prints the demo keys and the address, and no warning', () => {
    const out = server.output();
    expect(out).toMatch(/REPORTER\s+cdk_/);
    expect(out).toMatch(/claimdesk GraphQL API at http:\/\/localhost:\d+\/graphql/);
    // The desk's build is the one warning a test run may see: `npm test` does not build web/.
    const warnings = out.split('\n').filter((line) => /\bWARN\b|"level":"warn"/.test(line) && !/\[Desk\] No desk build/.test(line));
    expect(warnings).toEqual([]);
  });
});
