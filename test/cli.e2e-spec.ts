import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestDatabase, createTestDatabase, onPostgres } from './support/database';

const run = promisify(execFile);

/** The CLI boots the application without an HTTP server; its commands must work on both databases. */
describe('command line', () => {
  let db: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));
    // An in-memory SQLite database would not outlive one command.
    env = onPostgres ? db.env : { ...db.env, SQLITE_PATH: join(dir, 'cli.sqlite') };
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args], { env, cwd: join(__dirname, '..') });

  it('creates an admin, then exports an empty CSV with its header', async () => {
    const admin = await cli('create-admin', '--name', 'Desk Admin');
    expect(admin.stdout).toMatch(/^cdk_[\w-]+$/m);
    const exported = await cli('export', '--format', 'csv');
    const [header, ...rows] = exported.stdout.trim().split('\n');
    expect(header).toMatch(/^claim_id,/);
    expect(rows).toEqual([]);
  }, 60_000);
});
