/**
 * similarClaims benchmark: `npm run bench:matching [-- --claims N --queries Q]` (default 100,000 claims,
 * 200 queries). SQLite by default (a temporary file); with DATABASE_URL=postgres://... a scratch
 * database on that server. Generates wire-style claims (place, day, figure, variable), then times
 * ClaimMatchingService.similar for drafts reworded from stored claims, in this process (no HTTP),
 * and prints p50 / p95 / mean and how often the reworded claim came back as the best match.
 * The issue's 1M-claim run is `--claims 1000000` with DATABASE_URL. `--db NAME` names the scratch
 * database (PostgreSQL) or file (SQLite) and keeps it: a second run with the same name and claim count
 * skips the generation and only times the queries. On PostgreSQL the claim table's secondary indexes
 * are dropped for the load and built again after it (as a bulk load would), which is much faster than
 * keeping a trigram index up to date row by row, and the tables are vacuumed after it. Besides wall-clock times it prints the CPU time of
 * this process and, on PostgreSQL, of the database's server processes (read from /proc), per query,
 * since the shared machine's wall clock includes other helpers' work.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { newId } from '../src/common/ids';
import { Prng } from './prng';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, queries: { type: 'string', default: '200' }, db: { type: 'string' } } });
const CLAIMS = Number(values.claims);
const QUERIES = Number(values.queries);
const KEPT = values.db;
if (KEPT !== undefined && !/^[a-z][a-z0-9_]{0,40}$/.test(KEPT)) throw new Error('--db: lower-case letters, digits and _ only');
const postgresUrl = process.env.DATABASE_URL;

const CAUSES = ['an air strike on a market', 'shelling of the old quarter', 'a car bomb near the bridge', 'a raid on the neighbourhood', 'fighting around the port', 'a drone strike on a convoy', 'an attack on a checkpoint', 'barrel bombs on the town'];
const FIGURES: Array<[string, string, string]> = [
  ['civilians', 'were killed', 'deaths_civilians'],
  ['fighters', 'were killed', 'deaths_combatants'],
  ['people', 'were displaced', 'people_displaced'],
  ['men', 'were detained', 'people_detained'],
  ['prisoners', 'were released', 'people_released'],
  ['people', 'were wounded', 'people_injured'],
];
const SYLLABLES = ['kaf', 'tel', 'am', 'ra', 'sab', 'il', 'wa', 'di', 'har', 'un', 'ba', 'qas', 'jis', 'ma', 'run', 'dar', 'ain', 'sar'];

async function main(): Promise<void> {
  const scratch = await scratchDatabase();
  process.env.DEMO_DATA = 'false';
  process.env.RATE_LIMIT_PER_KEY = '0';
  process.env.RATE_LIMIT_PER_ADDRESS = '0';
  const { AppModule } = await import('../src/app.module');
  const { ClaimMatchingService } = await import('../src/claims/matching/matching.service');
  const { TransactionRunner } = await import('../src/database/transaction-runner');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const ds = app.get(DataSource);
    const prng = new Prng(16);
    const random = () => prng.next();
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const places = Array.from({ length: 2000 }, () => {
      const word = () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
      const w = `${word()} ${word()}`;
      return w.replace(/\b\w/g, (c) => c.toUpperCase());
    });
    const pg = ds.options.type === 'postgres';
    const stamp = (d: Date) => (pg ? d.toISOString() : d.toISOString().replace('T', ' ').replace('Z', ''));
    const now = stamp(new Date());
    const made: Array<{ place: string; day: Date; n: number; fig: [string, string, string]; cause: string }> = [];
    const started = performance.now();
    const stored = Number((await ds.query('SELECT count(*) AS n FROM claim'))[0].n);
    if (stored !== 0 && stored !== CLAIMS) throw new Error(`--db ${KEPT} holds ${stored} claims, not ${CLAIMS}: drop it or give another name`);
    const reuse = stored === CLAIMS;
    const rebuild = pg && !reuse ? await dropSecondaryIndexes(ds) : [];
    for (let i = 0; i < CLAIMS; i += 1000) {
      const claims: unknown[][] = [];
      const quantities: unknown[][] = [];
      for (let k = i; k < Math.min(CLAIMS, i + 1000); k++) {
        const c = { place: pick(places), day: new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000), n: 1 + Math.floor(random() * 500), fig: pick(FIGURES), cause: pick(CAUSES) };
        if (made.length < QUERIES * 5) made.push(c);
        if (reuse) continue;
        const id = newId();
        const statement = `${c.n} ${c.fig[0]} ${c.fig[1]} in ${c.cause} in ${c.place}, a monitor said.`;
        claims.push([id, now, now, 1, statement, '[]', c.place, stamp(c.day), stamp(c.day), 'DAY']);
        quantities.push([newId(), id, 0, c.fig[2], c.n]);
      }
      if (reuse) continue;
      await app.get(TransactionRunner).run(async (m) => {
        await insert(m.query.bind(m), pg, 'claim', ['id', 'created_at', 'updated_at', 'version', 'statement', 'tags', 'place_name', 'event_time_start', 'event_time_end', 'event_time_precision'], claims);
        await insert(m.query.bind(m), pg, 'claim_quantity', ['id', 'claim_id', 'position', 'variable', 'value'], quantities);
      });
    }
    for (const definition of rebuild) await ds.query(definition);
    // As the app does after a large import (database/planner-statistics.ts): without statistics SQLite starts the
    // same-variable candidates from the variable (a sixth of the table) instead of the event window.
    if (!reuse) await app.get(TransactionRunner).refreshStatistics(['claim', 'claim_quantity']);
    // A freshly loaded PostgreSQL table has no visibility map (index-only scans read the heap) and no hint bits
    // (the first query to read each page writes it); a database in use has been vacuumed. This server runs no
    // autovacuum, so the bench does it, to time the queries on a settled database rather than on first reads.
    if (pg && !reuse) for (const table of ['claim', 'claim_quantity']) await ds.query(`VACUUM (ANALYZE) ${table}`);
    const what = reuse ? 'reused' : 'generated';
    console.log(`${what} ${CLAIMS.toLocaleString('en-US')} claims on ${pg ? 'PostgreSQL' : 'SQLite'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const matching = app.get(ClaimMatchingService);
    const times: number[] = [];
    let found = 0;
    let cpu = { node: process.cpuUsage(), server: pg ? await serverCpuMs(ds) : 0 };
    for (let q = 0; q < QUERIES + 10; q++) {
      const c = made[(q * 5) % made.length];
      const draft = {
        statement: `${c.cause.charAt(0).toUpperCase()}${c.cause.slice(1)} in ${c.place} left ${c.n} ${c.fig[0]} ${c.fig[1].replace('were ', '')}, witnesses said.`,
        place: { name: c.place },
        eventTime: { start: c.day },
        quantities: [{ variable: c.fig[2], value: c.n }],
      };
      const t0 = performance.now();
      const matches = await matching.similar({ draft: draft as never, first: 5 }, SYSTEM_ACTOR);
      const ms = performance.now() - t0;
      if (q < 10) {
        // warm-up
        if (q === 9) cpu = { node: process.cpuUsage(), server: pg ? await serverCpuMs(ds) : 0 };
        continue;
      }
      times.push(ms);
      if (matches[0]?.tier === 'LIKELY') found++;
    }
    const nodeCpu = process.cpuUsage(cpu.node);
    const serverCpu = pg ? (await serverCpuMs(ds)) - cpu.server : null;
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`similarClaims(draft) over ${CLAIMS.toLocaleString('en-US')} claims, ${QUERIES} queries: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms; reworded claim found LIKELY first in ${found}/${QUERIES}`);
    const perQuery = (ms: number) => (ms / QUERIES).toFixed(1);
    console.log(`CPU per query: this process ${perQuery((nodeCpu.user + nodeCpu.system) / 1000)} ms` + (serverCpu === null ? '' : `, PostgreSQL server processes ${perQuery(serverCpu)} ms`));
  } finally {
    await app.close();
    if (KEPT === undefined) await scratch.drop();
  }
}

async function insert(query: (sql: string, params: unknown[]) => Promise<unknown>, pg: boolean, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const per = Math.floor(30000 / cols.length);
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    let n = 0;
    const tuples = slice.map((r) => `(${r.map(() => (pg ? `$${++n}` : '?')).join(', ')})`).join(', ');
    await query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples}`, slice.flat());
  }
}

/** Drops the claim tables' secondary indexes and answers their definitions, to build them again after a bulk load. */
async function dropSecondaryIndexes(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string; definition: string }> = await ds.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('claim', 'claim_quantity')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const r of rows) await ds.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.definition);
}

/** CPU time (user + system, ms) of the server processes connected to this database, from /proc (Linux, same machine). */
async function serverCpuMs(ds: DataSource): Promise<number> {
  const rows: Array<{ pid: number }> = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
  let total = 0;
  for (const { pid } of rows) {
    const stat = `/proc/${pid}/stat`;
    if (!existsSync(stat)) continue;
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    total += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return total;
}

async function scratchDatabase(): Promise<{ drop: () => Promise<void> }> {
  if (!postgresUrl) {
    const path = join(tmpdir(), `claimdesk-bench-matching-${KEPT ?? process.pid}.sqlite`);
    process.env.SQLITE_PATH = path;
    return { drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${path}${s}`, { force: true })) };
  }
  const name = KEPT ?? `claimdesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    return client.query(sql).finally(() => client.end());
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount;
  if (!exists) await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return { drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
