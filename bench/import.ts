/**
 * Import benchmark: `npm run bench:import [-- --rows N]` (default 10,000 claim-attribution rows).
 * Generates one CSV file in the export's layout (valid by the app's rules: 2 attributions per claim
 * over 40 named sources, a relay on every fourth, 100 articles, a quantity each), then loads the
 * same file twice on the same machine and database:
 *
 * - claimdesk: ImportService.run, as POST /imports and the CLI do (full validation, audit,
 *   matching of sources and articles, derived values), in a fresh scratch database;
 * - the floor: on PostgreSQL, `\copy` of the file into a table generated from the same column
 *   declarations (postgres-ddl.ts), run by psql; on SQLite, better-sqlite3 multi-row INSERTs of the
 *   parsed rows into a table of the same columns, in one transaction.
 *
 * It prints rows/s for both, their ratio, claimdesk's CPU seconds (Node's; on PostgreSQL also the
 * benchmark database's backends', from /proc) and peak RSS (sampled every 20 ms and the kernel's VmHWM). SQLite by default (a temporary file); DATABASE_URL=postgres://... for PostgreSQL.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { csvChunk } from '../src/exports/csv-writer';
import { FULL_COLUMNS } from '../src/exports/export-columns';
import { ExportRow } from '../src/exports/export-rows';
import { createTableSql } from '../src/exports/postgres-ddl';
import { ImportService } from '../src/imports/import.service';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' } } });
const ROWS = Number(values.rows);
const postgresUrl = process.env.DATABASE_URL;
/** Rows generated and written to the file at a time. */
const FILE_SLICE = 10_000;

/** Rows `from` to `to` (excluded) of the file: row r is attribution r % 2 of claim r / 2. */
function rowsOfFile(from: number, to: number): ExportRow[] {
  const rows: ExportRow[] = [];
  for (let r = from; r < to; r++) {
    const i = Math.floor(r / 2);
    const j = r % 2;
    const s = (i * 7 + j) % 40;
    const relayed = r % 4 === 0;
    const speaker = { source_id: null, name: `Bench Source ${s}`, kind: 'MONITORING_GROUP', cue: 'said' };
    rows.push({
      claim_id: `bench-${i}`,
      statement: `Claim ${i}: more than ${i % 500} fighters remain in the old quarter.`,
      status: 'UNVERIFIED',
      tags: ['siege', 'bench'],
      quantities_json: [{ variable: 'fighters_remaining', value: null, lower: i % 500, lower_inclusive: false, upper: null, upper_inclusive: true, approximate: false, qualifier: 'more than', unit: 'fighters', currency: null }],
      place_name: 'Tell Hamra',
      place_country: 'SY',
      place_precision: 'NEAR',
      event_start: '2019-02-18T00:00:00.000Z',
      event_end: '2019-02-18T00:00:00.000Z',
      event_precision: 'DAY',
      source_name: speaker.name,
      source_kind: speaker.kind,
      stance: 'ASSERTS',
      cue: 'said',
      mode: 'PARAPHRASE',
      relay_chain: relayed ? [{ source_id: null, name: `Bench Outlet ${s % 10}`, kind: 'MEDIA_OUTLET', cue: 'quoting' }, speaker] : [speaker],
      conditions: [],
      quote: `words of claim ${i}, attribution ${j}`,
      article_url: `https://bench.example.org/story/${i % 100}`,
      article_headline: `Headline ${i % 100}`,
      article_publisher: 'Bench Wire',
      article_published_at: '2019-02-18T12:00:00.000Z',
      created_at: '2019-02-18T13:00:00.000Z',
    });
  }
  return rows;
}

/** CPU seconds (user + system) the kernel has counted for a process: PostgreSQL's backends run on this machine. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssMb(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field)) ?? '0';
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function main(): Promise<void> {
  const file = join(tmpdir(), `claimdesk-bench-import-${process.pid}.csv`);
  // Written in slices, so that the benchmark itself holds no more of a large file than claimdesk does.
  let bytes = 0;
  for (let at = 0; at < ROWS; at += FILE_SLICE) {
    const text = csvChunk(FULL_COLUMNS, rowsOfFile(at, Math.min(ROWS, at + FILE_SLICE)), at === 0);
    writeFileSync(file, text, { flag: at === 0 ? 'w' : 'a' });
    bytes += Buffer.byteLength(text);
  }
  console.log(`file: ${ROWS} rows, ${(bytes / 1e6).toFixed(1)} MB, ${postgresUrl ? 'PostgreSQL' : 'SQLite'}`);
  const name = `import_bench_${randomBytes(4).toString('hex')}`;
  const sqlitePath = join(tmpdir(), `${name}.sqlite`);
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  let url = '';
  if (postgresUrl) {
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(postgresUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    process.env.DATABASE_URL = url;
  } else {
    process.env.SQLITE_PATH = sqlitePath;
  }
  process.env.DEMO_DATA = 'false';
  try {
    const { AppModule } = await import('../src/app.module');
    const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
    // PostgreSQL's share of the work, which wall time on a loaded machine does not separate from the neighbours': the CPU
    // time of the benchmark database's backends (the app's pool, opened by now), read from /proc.
    const backends = async (): Promise<number[]> => {
      if (!postgresUrl) return [];
      const client = new Client({ connectionString: postgresUrl });
      await client.connect();
      const rows = (await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]).finally(() => client.end())).rows as Array<{ pid: number }>;
      return rows.map((r) => r.pid);
    };
    const backendCpu = (pids: Map<number, number>) => [...pids.keys()].reduce((sum, pid) => sum + cpuSecondsOf(pid) - (pids.get(pid) ?? 0), 0);
    const backendsAtStart = new Map((await backends()).map((pid) => [pid, cpuSecondsOf(pid)]));
    let peak = rssMb('VmRSS');
    const base = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb('VmRSS'))), 20);
    const started = Date.now();
    // Node's own CPU time (and SQLite's, which runs in this process): under a loaded machine, wall time measures the neighbours too.
    const cpuAtStart = process.cpuUsage();
    let written = 0;
    let derived = 0;
    // Streamed from disk, as the CLI does: the file is never held whole.
    const report = await app.get(ImportService).run(() => createReadStream(file), {
      format: 'csv',
      actor: SYSTEM_ACTOR,
      onDeriving: () => (written = Date.now()),
      onMatching: () => (derived = Date.now()),
    });
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // Backends opened during the import started from nothing.
    for (const pid of await backends()) if (!backendsAtStart.has(pid)) backendsAtStart.set(pid, 0);
    const postgresCpu = backendCpu(backendsAtStart);
    const phase = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(`phases: reading, validating and writing (discrepancy flags included, batch by batch) ${phase(started, written)} s, statistics ${phase(written, derived)} s, possibleDuplicates ${phase(derived, Date.now())} s`);
    clearInterval(sampler);
    peak = Math.max(peak, rssMb('VmHWM'));
    await app.close();
    const ours = ROWS / seconds;
    console.log(`claimdesk import: ${report.claimsCreated} claims, ${report.attributionsCreated} attributions in ${seconds.toFixed(1)} s = ${Math.round(ours)} rows/s; CPU ${cpuSeconds.toFixed(1)} s = ${Math.round(ROWS / cpuSeconds)} rows per CPU second; RSS ${base.toFixed(0)} -> peak ${peak.toFixed(0)} MB`);
    if (postgresUrl) console.log(`PostgreSQL backends' CPU during the import: ${postgresCpu.toFixed(1)} s; Node + PostgreSQL ${(cpuSeconds + postgresCpu).toFixed(1)} CPU s = ${Math.round(ROWS / (cpuSeconds + postgresCpu))} rows per CPU second`);

    let floorSeconds: number;
    let floorName: string;
    if (postgresUrl) {
      const script = join(tmpdir(), `${name}.sql`);
      writeFileSync(script, `${createTableSql('copy_claims', FULL_COLUMNS, { constraints: false })}\\copy copy_claims FROM '${file}' WITH (FORMAT csv, HEADER true)\n`);
      const t = Date.now();
      execFileSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', script]);
      floorSeconds = (Date.now() - t) / 1000;
      floorName = 'COPY FROM (psql \\copy, table from postgres-ddl.ts)';
      rmSync(script, { force: true });
    } else {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(sqlitePath);
      const t = Date.now();
      const records = parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
      const names = FULL_COLUMNS.map((c) => c.name);
      db.exec(`CREATE TABLE raw_claims (${names.map((n) => `"${n}"`).join(', ')})`);
      const perStatement = Math.floor(32000 / names.length);
      db.transaction(() => {
        for (let i = 0; i < records.length; i += perStatement) {
          const slice = records.slice(i, i + perStatement);
          const sql = `INSERT INTO raw_claims VALUES ${slice.map(() => `(${names.map(() => '?').join(',')})`).join(',')}`;
          db.prepare(sql).run(slice.flatMap((r) => names.map((n) => (r[n] === '' || r[n] === undefined ? null : r[n]))));
        }
      })();
      floorSeconds = (Date.now() - t) / 1000;
      floorName = 'raw multi-row INSERT (better-sqlite3, parsed CSV, one transaction)';
      db.close();
    }
    const floor = ROWS / floorSeconds;
    console.log(`${floorName}: ${floorSeconds.toFixed(2)} s = ${Math.round(floor)} rows/s`);
    console.log(`claimdesk / floor: ${(ours / floor).toFixed(3)} (target >= 0.1)`);
  } finally {
    rmSync(file, { force: true });
    if (postgresUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
