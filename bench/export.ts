/**
 * Export benchmark: `npm run bench:export [-- --rows N]` (default 1,000,000 claim-attribution rows).
 * SQLite by default (a temporary file); with DATABASE_URL=postgres://... it creates a scratch
 * database on that server, and also times PostgreSQL's own COPY over the same rows for comparison.
 *
 * This process only generates the data. Each export is served by a fresh server process started
 * the way `npm start` starts it (the package.json command, after `npm run build`), so that the
 * RSS figures are the serving process's alone: neither the generator's garbage nor its heap is
 * counted. Baseline = the server's VmRSS after start-up and a short warm-up export; peak = the
 * highest of VmRSS sampled every 20 ms and the kernel's high-water mark (VmHWM, reset to the
 * baseline through /proc/<pid>/clear_refs), so a spike between two samples is not missed.
 * The export is read by curl, a third process, so the reader costs the server nothing.
 *
 * `--keep` keeps the scratch database and prints its name; `--db NAME` (a PostgreSQL database on
 * the DATABASE_URL server, or a SQLite file) reuses one without generating. `--node-flags "..."`
 * adds flags to the server's node command, to try V8 settings before putting them in package.json.
 */
import 'reflect-metadata';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessService } from '../src/access/access.service';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { Role } from '../src/core/role';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/ids';
import { freePort } from './free-port';
import { startArguments } from './start-command';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false }, db: { type: 'string' }, 'node-flags': { type: 'string', default: '' } },
});
const ROWS = Number(values.rows);
const ATTRIBUTIONS_PER_CLAIM = 2;
const SOURCES = 500;
const ARTICLES = 2000;
const postgresUrl = process.env.DATABASE_URL;
const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const db = await scratchDatabase();
  process.env.DEMO_DATA = 'false';
  const { AppModule } = await import('../src/app.module');
  const app = await NestFactory.create(AppModule, { logger: ['error'] });
  let key: string;
  try {
    const ds = app.get(DataSource);
    key = await benchKey(app);
    if (!values.db) {
      const t = Date.now();
      const generated = await generate(ds);
      console.log(`generated ${generated.claims} claims, ${generated.attributions} attributions on ${postgresUrl ? 'PostgreSQL' : 'SQLite'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await app.close();
  }
  try {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
    console.log(`server command: ${serverCommand().join(' ')}`);

    const export1 = await measuredExport('csv', key);
    console.log(`HTTP CSV export: ${export1.rows} rows, ${(export1.bytes / 1e6).toFixed(1)} MB in ${export1.seconds.toFixed(2)} s = ${Math.round(export1.rows / export1.seconds)} rows/s; server RSS ${mb(export1.baseline)} before, peak ${mb(export1.peak)}: growth ${mb(export1.peak - export1.baseline)}`);
    const export2 = await measuredExport('jsonl', key);
    console.log(`HTTP JSONL export: ${export2.rows} lines in ${export2.seconds.toFixed(2)} s = ${Math.round(export2.rows / export2.seconds)} rows/s; server RSS ${mb(export2.baseline)} before, peak ${mb(export2.peak)}: growth ${mb(export2.peak - export2.baseline)}`);

    if (postgresUrl) {
      const t = Date.now();
      const copy = spawnSync('psql', [db.url as string, '-q', '-c', `\\copy (${COPY_QUERY}) to '/dev/null' csv header`], { encoding: 'utf8' });
      if (copy.status !== 0) throw new Error(`psql failed: ${copy.stderr}`);
      const copySeconds = (Date.now() - t) / 1000;
      const copyRate = export1.rows / copySeconds;
      console.log(`PostgreSQL COPY (psql \\copy of the same rows, joined in SQL): ${copySeconds.toFixed(2)} s = ${Math.round(copyRate)} rows/s`);
      console.log(`ratio HTTP CSV / COPY throughput: ${(export1.rows / export1.seconds / copyRate).toFixed(2)}`);
    }
  } finally {
    if (values.keep || values.db) console.log(`kept the scratch database: --db ${db.name}`);
    else await db.drop();
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The export's rows (first quantity, live attributions, first citation) computed entirely by PostgreSQL. */
const COPY_QUERY = `SELECT c.id, c.statement, c.hedge, c.status, c.tags, q.variable, q.lower, q.value, q.upper, q.lower_inclusive, q.upper_inclusive, q.approximate, q.unit, q.currency, q.qualifier,
 c.place_name, c.place_admin_area, c.place_country, c.place_precision, c.place_latitude, c.place_longitude, c.event_time_start, c.event_time_end, c.event_time_precision,
 a.id, s.id, s.name, s.kind, s.reliability, a.stance, a.cue, a.mode, a.said_at, a.credibility,
 (SELECT string_agg(hs.name, ' <- ' ORDER BY h.position) FROM relay_hop h JOIN source hs ON hs.id = h.source_id WHERE h.attribution_id = a.id),
 a.anonymity_reason, a.relationship, a.conditions, ci.quote, ar.canonical_url, ar.headline, ar.publisher, ar.published_at, c.created_at, c.updated_at
 FROM claim c LEFT JOIN claim_quantity q ON q.claim_id = c.id AND q.position = 0
 LEFT JOIN attribution a ON a.claim_id = c.id AND a.deleted_at IS NULL LEFT JOIN source s ON s.id = a.source_id
 LEFT JOIN citation ci ON ci.id = (SELECT MIN(c2.id) FROM citation c2 WHERE c2.attribution_id = a.id AND c2.deleted_at IS NULL)
 LEFT JOIN article ar ON ar.id = ci.article_id WHERE c.deleted_at IS NULL ORDER BY c.id, a.id`;

/** Exports need a key: a researcher's, as a real reader would use. */
async function benchKey(app: INestApplication): Promise<string> {
  const access = app.get(AccessService);
  const user = await access.createUser({ name: 'Export bench', role: Role.RESEARCHER }, SYSTEM_ACTOR);
  return (await access.createKey({ userId: user.id, name: 'bench' }, SYSTEM_ACTOR)).key;
}

/** `npm start`'s command with this node and any --node-flags: how the service really runs. */
function serverCommand(): string[] {
  return [process.execPath, ...startArguments(values['node-flags'].split(/\s+/).filter(Boolean))];
}

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const [command, ...args] = serverCommand();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PORT: String(port), DEMO_DATA: 'false' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/exports/codebook`).then((r) => r.ok, () => false);
    if (ok) return { child, base };
  }
  child.kill();
  throw new Error('server did not start within 60 s');
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Exercises both writers (JIT, pools, prepared paths) on a few thousand rows, then hangs up. */
async function warmUp(base: string, key: string): Promise<void> {
  for (const format of ['csv', 'jsonl']) {
    const controller = new AbortController();
    const res = await fetch(`${base}/exports/claims.${format}`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    for (let bytes = 0; bytes < 3e6; ) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    controller.abort();
    await reader.read().catch(() => undefined);
  }
  // Let the server notice the hang-up and finish the page it was reading.
  await new Promise((r) => setTimeout(r, 1000));
}

/** VmRSS or VmHWM of a process, in bytes, from /proc/<pid>/status. */
function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * One export from a fresh server, read with curl in a separate process; curl writes to a scratch
 * file, whose lines are counted after the clock stops.
 */
async function measuredExport(format: 'csv' | 'jsonl', key: string): Promise<{ rows: number; bytes: number; seconds: number; baseline: number; peak: number }> {
  const { child, base } = await startServer();
  const pid = child.pid as number;
  try {
    await warmUp(base, key);
    const baseline = procMemory(pid, 'VmRSS');
    let highWaterMark = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      highWaterMark = false; // not allowed here: the 20 ms samples alone
    }
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, procMemory(pid, 'VmRSS'))), 20);
    const target = join(tmpdir(), `claimdesk-bench-export-${process.pid}`);
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const curl = spawn('curl', ['-sS', '--fail', '-H', `Authorization: Bearer ${key}`, '-o', target, `${base}/exports/claims.${format}`], { stdio: ['ignore', 'ignore', 'inherit'] });
      curl.on('error', reject);
      curl.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited with ${code}`))));
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, procMemory(pid, 'VmRSS'), highWaterMark ? procMemory(pid, 'VmHWM') : 0);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of createReadStream(target)) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      for (let at = buffer.indexOf(0x0a); at !== -1; at = buffer.indexOf(0x0a, at + 1)) lines += 1;
    }
    rmSync(target, { force: true });
    // CSV: minus the header; JSONL: minus the summary line. Synthetic text has no embedded newlines.
    return { rows: lines - 1, bytes, seconds, baseline, peak };
  } finally {
    await stopServer(child);
  }
}

interface Scratch {
  name: string;
  url?: string;
  drop(): Promise<void>;
}

async function scratchDatabase(): Promise<Scratch> {
  if (!postgresUrl) {
    const path = values.db ?? join(tmpdir(), `claimdesk-bench-${process.pid}.sqlite`);
    process.env.SQLITE_PATH = path;
    return { name: path, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${path}${s}`, { force: true })) };
  }
  const name = values.db ?? `claimdesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  if (!values.db) await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Synthetic data with bulk multi-row INSERTs: 2 attributions per claim, a citation each, a relay hop on every fourth. */
async function generate(ds: DataSource): Promise<{ claims: number; attributions: number }> {
  const pg = ds.options.type === 'postgres';
  const now = pg ? new Date().toISOString() : new Date().toISOString().replace('T', ' ').replace('Z', '');
  const kinds = ['MONITORING_GROUP', 'MEDIA_OUTLET', 'ANONYMOUS', 'MILITARY', 'ACTIVIST_COLLECTIVE'];
  const base = ['created_at', 'updated_at', 'version'];
  const stamp = [now, now, 1];
  const sources = Array.from({ length: SOURCES }, (_, i) => [newId(), ...stamp, kinds[i % kinds.length], `Source ${i}`, `source ${i}`, 'B']);
  await insert(ds, 'source', ['id', ...base, 'kind', 'name', 'name_key', 'reliability'], sources);
  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const url = `https://bench.example.org/story/${i}`;
    return [newId(), ...stamp, url, url, `Headline ${i}`, 'Bench Wire', now];
  });
  await insert(ds, 'article', ['id', ...base, 'url', 'canonical_url', 'headline', 'publisher', 'published_at'], articles);

  const claims = Math.ceil(ROWS / ATTRIBUTIONS_PER_CLAIM);
  const CHUNK = 5000;
  let attributionCount = 0;
  for (let start = 0; start < claims; start += CHUNK) {
    const claimRows: unknown[][] = [];
    const quantityRows: unknown[][] = [];
    const attributionRows: unknown[][] = [];
    const citationRows: unknown[][] = [];
    const hopRows: unknown[][] = [];
    for (let i = start; i < Math.min(claims, start + CHUNK); i++) {
      const claimId = newId();
      claimRows.push([claimId, ...stamp, `Claim ${i}: more than ${i % 500} fighters remain in the old quarter, "activists" said.`, '["siege","bench"]', 'UNVERIFIED', 'Tell Hamra', 'SY', 'NEAR', now, now, 'DAY']);
      quantityRows.push([newId(), claimId, 0, 'fighters_remaining', i % 500, false, true, false, 'more than', 'fighters']);
      for (let j = 0; j < ATTRIBUTIONS_PER_CLAIM && attributionCount < ROWS; j++, attributionCount++) {
        const attributionId = newId();
        attributionRows.push([attributionId, ...stamp, claimId, sources[(i * 7 + j) % SOURCES][0], 'ASSERTS', 'said', 'PARAPHRASE', '[]']);
        citationRows.push([newId(), ...stamp, attributionId, articles[i % ARTICLES][0], `words of claim ${i}, attribution ${j}`]);
        if (attributionCount % 4 === 0) hopRows.push([newId(), attributionId, 0, sources[(i * 7 + j + 1) % SOURCES][0], 'quoting']);
      }
    }
    await ds.transaction(async (m) => {
      const run = (table: string, cols: string[], rows: unknown[][]) => insert(m.connection, table, cols, rows, m.queryRunner);
      await run('claim', ['id', ...base, 'statement', 'tags', 'status', 'place_name', 'place_country', 'place_precision', 'event_time_start', 'event_time_end', 'event_time_precision'], claimRows);
      await run('claim_quantity', ['id', 'claim_id', 'position', 'variable', 'lower', 'lower_inclusive', 'upper_inclusive', 'approximate', 'qualifier', 'unit'], quantityRows);
      await run('attribution', ['id', ...base, 'claim_id', 'source_id', 'stance', 'cue', 'mode', 'conditions'], attributionRows);
      await run('citation', ['id', ...base, 'attribution_id', 'article_id', 'quote'], citationRows);
      await run('relay_hop', ['id', 'attribution_id', 'position', 'source_id', 'cue'], hopRows);
    });
    if (process.stdout.isTTY) process.stdout.write(`\rgenerating: ${Math.min(claims, start + CHUNK)}/${claims} claims`);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  if (ds.options.type === 'postgres') await ds.query('ANALYZE');
  return { claims, attributions: attributionCount };
}

/** One multi-row INSERT per slice, sized under SQLite's 32,766 and PostgreSQL's 65,535 bound-parameter limits. */
async function insert(ds: DataSource, table: string, cols: string[], rows: unknown[][], runner?: import('typeorm').QueryRunner): Promise<void> {
  const pg = ds.options.type === 'postgres';
  const perStatement = Math.floor(30000 / cols.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    let n = 0;
    const tuples = slice.map((r) => `(${r.map(() => (pg ? `$${++n}` : '?')).join(',')})`).join(',');
    const params = slice.flat().map((v) => (typeof v === 'boolean' && !pg ? (v ? 1 : 0) : v));
    await ds.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${tuples}`, params, runner);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
