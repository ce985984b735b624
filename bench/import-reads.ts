/**
 * Read latency while a SQLite import runs: `npm run bench:import-reads [-- --rows 10000 --dry-run false]`.
 *
 * Starts claimdesk as `npm start` would (a child process on a fresh SQLite file with the demo story, on
 * a free port), posts a generated N-row JSON Lines file to /imports (a dry run by default) and, for as
 * long as the import takes, sends one small claims query after another from this process, timing each.
 * Prints p50/p99/max read latency before and during the import, and how long the import took.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..');
const READ = JSON.stringify({ query: '{ claims(first: 10) { totalCount nodes { id statement sourcing attributions { source { name } } } } }' });

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, 'dry-run': { type: 'string', default: 'true' } } });
  const rows = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-reads-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, key } = await startServer(join(dir, 'desk.sqlite'), port);
  try {
    const before = await readsFor(base, key, () => new Promise((resolve) => setTimeout(resolve, 2000)));
    const file = generateFile(rows);
    let importMs = 0;
    let status = 0;
    const during = await readsFor(base, key, async () => {
      const started = performance.now();
      status = await post(`${base}/imports${values['dry-run'] === 'true' ? '?dryRun=true' : ''}`, key, 'application/x-ndjson', file);
      importMs = performance.now() - started;
    });
    console.log(`import of ${rows} rows (${values['dry-run'] === 'true' ? 'dry run' : 'written'}): HTTP ${status} in ${(importMs / 1000).toFixed(2)} s`);
    console.log(`reads before the import: ${summary(before)}`);
    console.log(`reads during the import: ${summary(during)}`);
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `${sorted.length} reads, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`;
}

/** Sends reads one after another until `during` settles; returns each read's latency in ms. */
async function readsFor(base: string, key: string, during: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  const work = during().finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const status = await post(`${base}/graphql`, key, 'application/json', READ);
    if (status !== 200) throw new Error(`read answered HTTP ${status}`);
    latencies.push(performance.now() - started);
  }
  await work;
  return latencies;
}

function generateFile(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      JSON.stringify({
        claim_id: `bench-${i}`,
        statement: `At least ${i} people were displaced from district ${i % 97}, the monitor said.`,
        quantity_variable: `people_displaced_${i % 200}`,
        quantity_low: i,
        source_name: `Monitor ${i % 50}`,
        source_kind: 'MONITORING_GROUP',
        cue: 'said',
        article_url: `https://wire.example.org/story/${i % 400}`,
      }),
    );
  }
  return lines.join('\n');
}

function post(url: string, key: string, contentType: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request: a kept-alive socket the server times out during a long import would be reset under us.
    const req = request(url, { agent: false, method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** claimdesk on a fresh SQLite file with the demo story; the ADMIN demo key is read from its output. */
async function startServer(file: string, port: number): Promise<{ child: ChildProcess; key: string }> {
  const { DATABASE_URL: _url, ...env } = process.env;
  const child = spawn(process.execPath, [...(process.env.IMPORT_READS_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.IMPORT_READS_PROF] : []), '--heap-growing-percent=50', '-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...env, SQLITE_PATH: file, PORT: String(port), DEMO_DATA: 'true', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const key = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /ADMIN\s+(cdk_\S+)/.exec(output);
      if (match && output.includes('GraphQL API at')) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, key };
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
