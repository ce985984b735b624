import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService } from '../src/access/access.service';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { Role } from '../src/core/role';
import { AppModule } from '../src/app.module';
import { storageFault } from '../src/database/storage-faults';
import { logClaimInput } from './factories';
import { GraphQLResponse, errorOf, expectData, startTestApp } from './support/app';
import { createTestDatabase, onPostgres } from './support/database';
import { baseUrl, postImport } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
const ROOT = join(__dirname, '..');

async function boot(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const app = await NestFactory.create(AppModule, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    return { app, url: `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1') };
  } finally {
    process.env = saved;
  }
}

async function gql(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return { ...((await response.json()) as any), status: response.status };
}

/** Root ignores file modes, so as root the file is made immutable instead. */
function setReadOnly(file: string, readOnly: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [readOnly ? '+i' : '-i', file]);
  else chmodSync(file, readOnly ? 0o444 : 0o644);
}

describe('storage faults', () => {
  it('a read-only database serves reads (authentication does not need its write) and refuses writes with DATABASE_READ_ONLY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-ro-'));
    const db = onPostgres ? await createTestDatabase() : null;
    const env: Record<string, string> = onPostgres ? { ...(db!.env as Record<string, string>) } : { SQLITE_PATH: join(dir, 'desk.sqlite'), DEMO_DATA: 'false' };
    try {
      // Write some data while the database is writable.
      let { app, url } = await boot(env);
      const user = await app.get(AccessService).createUser({ name: 'Reader', role: Role.EDITOR }, SYSTEM_ACTOR);
      const { key } = await app.get(AccessService).createKey({ userId: user.id, name: 'ro' }, SYSTEM_ACTOR);
      expectData(await gql(url, key, LOG, { input: logClaimInput() }));
      await app.close();

      if (onPostgres) {
        const admin = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
        await admin.query(`ALTER DATABASE ${new URL(env.DATABASE_URL).pathname.slice(1)} SET default_transaction_read_only = on`);
        await admin.destroy();
      } else {
        setReadOnly(env.SQLITE_PATH, true);
      }
      ({ app, url } = await boot(env));
      try {
        // The key has never been used by this process, so authenticating it tries to record last_used_at.
        expect(expectData(await gql(url, key, `{ claims { totalCount nodes { statement } } }`)).claims.totalCount).toBe(1);
        expect(expectData(await gql(url, key, `{ me { id } sources { totalCount } }`)).sources.totalCount).toBe(3);
        const refused = errorOf(await gql(url, key, LOG, { input: logClaimInput() }));
        expect(refused.code).toBe('DATABASE_READ_ONLY');
        expect(refused.message).toMatch(/read-only: nothing was written/);
        const imported = await postImport(baseUrl(url), JSON.stringify({ claim_id: 'ro-1', statement: 'x' }) + '\n', 'application/x-ndjson', '', { authorization: `Bearer ${key}` });
        expect({ status: imported.status, code: imported.body.code }).toEqual({ status: 503, code: 'DATABASE_READ_ONLY' });
        expect(expectData(await gql(url, key, `{ claims { totalCount } }`)).claims.totalCount).toBe(1);
      } finally {
        await app.close();
      }
    } finally {
      if (!onPostgres) setReadOnly(env.SQLITE_PATH, false);
      rmSync(dir, { recursive: true, force: true });
      await db?.drop();
    }
  });

  it('starting on a read-only SQLite file with the demo on says so in one line, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-ro-start-'));
    const file = join(dir, 'desk.sqlite');
    execFileSync('touch', [file]);
    setReadOnly(file, true);
    try {
      const { DATABASE_URL: _url, DEMO_DATA: _demo, ...env } = process.env;
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: ROOT, env: { ...env, SQLITE_PATH: file, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain(`The SQLite file ${file} (SQLITE_PATH) is read-only`);
      expect(output).toContain('DEMO_DATA=false');
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      setReadOnly(file, false);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a full disk during an import answers DATABASE_FULL (HTTP 507), with nothing written', async () => {
    if (onPostgres) {
      // PostgreSQL's disk cannot be filled from a test; its disk_full state maps to the same code.
      expect(storageFault({ driverError: { code: '53100' } })?.code).toBe('DATABASE_FULL');
      expect(storageFault({ driverError: { code: '25006' } })?.code).toBe('DATABASE_READ_ONLY');
    }
    const t = await startTestApp();
    try {
      const ds = t.app.get(DataSource);
      const claimsBefore = Number((await ds.query(`SELECT COUNT(*) AS n FROM claim`))[0].n);
      if (!onPostgres) {
        const [{ page_count }] = await ds.query('PRAGMA page_count');
        await ds.query(`PRAGMA max_page_count = ${Number(page_count) + 5}`);
      }
      const file = Array.from({ length: 400 }, (_, i) => JSON.stringify({ claim_id: `full-${i}`, statement: `Claim ${i} ${'padding '.repeat(40)}`, source_name: `Agency ${i}` })).join('\n');
      const imported = await postImport(baseUrl(t.url), file, 'application/x-ndjson');
      if (onPostgres) {
        expect(imported.status).toBe(200);
      } else {
        expect({ status: imported.status, code: imported.body.code }).toEqual({ status: 507, code: 'DATABASE_FULL' });
        expect(imported.body.message).toMatch(/no space left: nothing was written/);
        expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM claim`))[0].n)).toBe(claimsBefore);
      }
    } finally {
      await t.close();
    }
  });
});
