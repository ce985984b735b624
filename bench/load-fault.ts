import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { requestHeaders } from './auth';
import { claimsPageRequest } from './workloads';
import { logClaimBody } from './write';

/**
 * `npm run bench:load`: claimdesk under many connections on PostgreSQL, then through a database
 * restart. Not a test: it prints figures (and appends them to BENCHMARKS.md unless --no-record).
 *
 * 1. Mixed load: claims pages (3 connections in 4) and logClaim writes (1 in 4) at once, for
 *    --duration seconds; errors by code and latency percentiles for each.
 * 2. Fault: logClaim writes for --fault-duration seconds with a PostgreSQL restart a few seconds
 *    in; every acknowledged claim id is then looked up, so lost acknowledged writes would show.
 *    The restart stops the whole server (every database on it): other users of it see it too.
 */
interface Options {
  connections: number;
  duration: number;
  faultConnections: number;
  faultDuration: number;
  restart: boolean;
  scale: number;
  reuseDb: boolean;
  record: boolean;
  build: boolean;
  pgUrl: string;
  dbName: string;
}

const HELP = `npm run bench:load -- [flags]
  --connections N        connections of the mixed load (default 200; 3 in 4 read, 1 in 4 write)
  --duration S           seconds of mixed load (default 30)
  --fault-connections N  write connections during the restart run (default 50)
  --fault-duration S     seconds of the restart run (default 20; the restart comes 5 s in)
  --no-restart           skip the restart run
  --scale X              data set size as in npm run bench (default 0.02: 2,000 claims)
  --reuse-db             keep an existing claimdesk_bench_load of the same scale
  --no-record            do not append to BENCHMARKS.md
  --no-build             do not run npm run build first
  env BENCH_PG_URL       server URL (default postgres://postgres@127.0.0.1:5432); BENCH_LOAD_DB (default claimdesk_bench_load)
  env BENCH_PG_RESTART   the restart command (default: pg_ctlcluster --skip-systemctl-redirect <version> main restart)`;

function parse(argv: string[]): Options {
  if (argv.includes('--help')) {
    console.log(HELP);
    process.exit(0);
  }
  const num = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  return {
    connections: num('--connections', 200),
    duration: num('--duration', 30),
    faultConnections: num('--fault-connections', 50),
    faultDuration: num('--fault-duration', 20),
    restart: !argv.includes('--no-restart'),
    scale: num('--scale', 0.02),
    reuseDb: argv.includes('--reuse-db'),
    record: !argv.includes('--no-record'),
    build: !argv.includes('--no-build'),
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
    dbName: process.env.BENCH_LOAD_DB ?? 'claimdesk_bench_load',
  };
}

const log = (line: string) => console.log(`[bench:load ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Tally {
  requests: number;
  ok: number;
  /** Error answers by code: GraphQL extensions.code, HTTP_<status>, or the socket error. */
  codes: Record<string, number>;
  p50: number;
  p99: number;
  rps: number;
}

function codeOf(status: number, body: string): string | null {
  if (status === 200 && !body.includes('"errors"')) return null;
  try {
    const parsed = JSON.parse(body);
    return parsed.errors?.[0]?.extensions?.code ?? `HTTP_${status}`;
  } catch {
    return `HTTP_${status}`;
  }
}

/** One autocannon run whose request bodies come from `next`, with answers sorted by error code. */
async function run(url: string, connections: number, seconds: number, next: () => string, onOk?: (body: string) => void): Promise<Tally> {
  const codes: Record<string, number> = {};
  let ok = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: requestHeaders(),
        setupRequest: (req) => ({ ...req, body: next() }),
        onResponse: (status, body) => {
          const code = codeOf(status, String(body));
          if (code) codes[code] = (codes[code] ?? 0) + 1;
          else {
            ok += 1;
            onOk?.(String(body));
          }
        },
      },
    ],
  });
  if (result.errors) codes.SOCKET_ERROR = result.errors;
  if (result.timeouts) codes.TIMEOUT = result.timeouts;
  return { requests: result.requests.total, ok, codes, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function restartCommand(): string {
  if (process.env.BENCH_PG_RESTART) return process.env.BENCH_PG_RESTART;
  const version = execSync('ls /etc/postgresql', { encoding: 'utf8' }).trim().split(/\s+/)[0];
  return `pg_ctlcluster --skip-systemctl-redirect ${version} main restart`;
}

const codes = (t: Tally) =>
  Object.entries(t.codes)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || 'none';

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const url = `${options.pgUrl.replace(/\/+$/, '')}/${options.dbName}`;
  if (options.build) {
    log('npm run build');
    execSync('npm run build', { cwd: join(__dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  }
  process.env.DATABASE_URL = url;
  const { readMarker, recreateDatabase, writeMarker } = await import('./database');
  const marker = `claimdesk bench:load data set: scale=${options.scale}`;
  if (options.reuseDb && (await readMarker(url)) === marker) {
    log(`reusing ${options.dbName}`);
  } else {
    log(`creating ${options.dbName} (scale ${options.scale})`);
    await recreateDatabase(options.pgUrl, options.dbName, url);
    const { generateDataSet } = await import('./generate');
    await generateDataSet(url, options.scale, 42, log);
    await writeMarker(url, marker);
  }
  const { createBenchKey, useBenchKey } = await import('./auth');
  useBenchKey(await createBenchKey(url));

  const { startServer, stopServer } = await import('./servers');
  const server = await startServer('claimdesk', url, null, await freePort());
  const graphql = `${server.base}/graphql`;
  log(`claimdesk at ${server.base}, log in ${server.logFile}`);
  const lines: string[] = [];
  try {
    // Cursors of the first pages, so that reads spread over several pages as a desk's do.
    const pages: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 8; i++) {
      const body = claimsPageRequest('claimdesk', 25, after).body;
      pages.push(body);
      const res = await fetch(graphql, { method: 'POST', headers: requestHeaders(), body });
      after = ((await res.json()) as any).data?.claims?.pageInfo?.endCursor ?? null;
      if (!after) break;
    }
    const runId = `load-${Date.now().toString(36)}`;
    let n = 0;
    let p = 0;
    const readConnections = Math.round(options.connections * 0.75);
    const writeConnections = options.connections - readConnections;
    log(`mixed load: ${readConnections} read + ${writeConnections} write connections for ${options.duration} s`);
    const [reads, writes] = await Promise.all([
      run(graphql, readConnections, options.duration, () => pages[p++ % pages.length]),
      run(graphql, writeConnections, options.duration, () => logClaimBody(runId, n++)),
    ]);
    lines.push(
      `| mixed: claims pages (25, nested) | ${readConnections} | ${reads.requests} | ${reads.rps.toFixed(0)} | ${reads.p50} | ${reads.p99} | ${codes(reads)} |`,
      `| mixed: logClaim | ${writeConnections} | ${writes.requests} | ${writes.rps.toFixed(0)} | ${writes.p50} | ${writes.p99} | ${codes(writes)} |`,
    );
    log(`reads: ${reads.requests} answers, p50 ${reads.p50} ms, p99 ${reads.p99} ms, errors: ${codes(reads)}`);
    log(`writes: ${writes.requests} answers, p50 ${writes.p50} ms, p99 ${writes.p99} ms, errors: ${codes(writes)}`);

    let fault = '';
    if (options.restart) {
      const faultId = `fault-${Date.now().toString(36)}`;
      const acknowledged: string[] = [];
      let m = 0;
      const command = restartCommand();
      log(`restart run: ${options.faultConnections} write connections for ${options.faultDuration} s; \`${command}\` 5 s in`);
      let outageMs = 0;
      const restart = new Promise<void>((resolve) =>
        setTimeout(() => {
          const t0 = Date.now();
          try {
            execSync(command, { stdio: 'ignore', timeout: 60_000 });
          } finally {
            outageMs = Date.now() - t0;
            resolve();
          }
        }, 5000),
      );
      const writesDuringFault = await run(graphql, options.faultConnections, options.faultDuration, () => logClaimBody(faultId, m++), (body) => {
        const id = JSON.parse(body).data?.logClaim?.id;
        if (id) acknowledged.push(id);
      });
      await restart;
      const client = new Client({ connectionString: url });
      await client.connect();
      const stored = await client.query('SELECT COUNT(*)::int AS n FROM claim WHERE id::text = ANY($1::text[])', [acknowledged]);
      const all = await client.query(`SELECT COUNT(*)::int AS n FROM claim WHERE statement LIKE $1`, [`%(bench ${faultId}-%`]);
      await client.end();
      const found = stored.rows[0].n as number;
      const total = all.rows[0].n as number;
      fault =
        `| logClaim through a PostgreSQL restart (command took ${(outageMs / 1000).toFixed(1)} s) | ${options.faultConnections} | ${writesDuringFault.requests} | ` +
        `${acknowledged.length} | ${found} | ${acknowledged.length - found} | ${total - found} | ${writesDuringFault.p99} | ${codes(writesDuringFault)} |`;
      log(
        `restart run: ${acknowledged.length} writes acknowledged, ${found} of them stored (${acknowledged.length - found} lost); ` +
          `${total} stored in all (${total - found} stored whose answer was not received: in flight when the run ended, or cut at commit); errors: ${codes(writesDuringFault)}`,
      );
    }

    const entry = [
      '',
      `### bench:load ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, scale ${options.scale}`,
      '',
      `- machine: ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
      `- command: \`npm run bench:load -- ${process.argv.slice(2).join(' ')}\`; one claimdesk process (pool of 10), PostgreSQL on the same machine`,
      '',
      '| run | connections | answers | req/s | p50 ms | p99 ms | error answers by code |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...lines,
      ...(fault
        ? [
            '',
            '| fault run | connections | answers | acknowledged writes | of them stored | lost | stored, answer not received | p99 ms | error answers by code |',
            '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
            fault,
          ]
        : []),
      '',
    ].join('\n');
    console.log(entry);
    if (options.record) appendFileSync(join(__dirname, '..', 'BENCHMARKS.md'), entry);
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
