import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('imports a file, saying when it works out derived values, then exports it', async () => {
    const file = join(dir, 'claims.jsonl');
    const row = (id: string, value: number) => JSON.stringify({ claim_id: id, statement: `Claim ${id}.`, quantities_json: [{ variable: 'killed', value }] });
    writeFileSync(file, [row('a', 10), row('b', 90)].join('\n'));
    const imported = await cli('import', file);
    expect(imported.stderr).toContain('working out sourcing and discrepancies for 2 new claims');
    expect(imported.stderr).toContain('2 rows, 2 claims: 2 created, 0 unchanged');
    const exported = await cli('export', '--format', 'jsonl');
    const claims = exported.stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((r) => !r._summary);
    expect(claims.map((c) => c.statement).sort()).toEqual(['Claim a.', 'Claim b.']);
  }, 60_000);

  it('refuses a file that is not UTF-8, naming its first such line, exits 1 and writes nothing', async () => {
    const file = join(dir, 'latin1.csv');
    // "Alépo" saved as Latin-1 by a spreadsheet, on the third line.
    writeFileSync(file, Buffer.from('claim_id,statement\nl-1,Shelling reported\nl-2,Shelling in Alépo\n', 'latin1'));
    const refused = await cli('import', file).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain(`${file}:3: is not UTF-8 text`);
    const exported = await cli('export', '--format', 'jsonl');
    expect(exported.stdout).not.toContain('Shelling');
  }, 60_000);

  it('takes every filter of the HTTP export, typed: --sourcing, --minIndependentSources, --hasDiscrepancy', async () => {
    // The two claims imported above have no attribution: UNSOURCED, 0 independent sources; their figures (10 and 90 killed) disagree.
    const ids = async (...filter: string[]) => {
      const { stdout } = await cli('export', '--format', 'jsonl', ...filter);
      return stdout.trim().split('\n').map((line) => JSON.parse(line)).filter((r) => !r._summary).map((r) => r.statement).sort();
    };
    expect(await ids('--sourcing', 'UNSOURCED', '--minIndependentSources', '0')).toEqual(['Claim a.', 'Claim b.']);
    expect(await ids('--sourcing', 'CORROBORATED')).toEqual([]);
    expect(await ids('--minIndependentSources', '1')).toEqual([]);
    expect(await ids('--hasDiscrepancy', 'true', '--circular', 'false')).toEqual(['Claim a.', 'Claim b.']);
    await expect(cli('export', '--minIndependentSources', 'two')).rejects.toMatchObject({ stderr: expect.stringContaining('--minIndependentSources: must be an integer number') });
  }, 120_000);
});
