import { execSync } from 'node:child_process';
import { Client } from 'pg';
import { sourceNameKey } from '../src/sources/source-name';
import { databaseUrl, parseOptions } from './options';
import { loadRead, loadWrite } from './load';
import { machine, readTable, record, WorkloadResult, writeTable } from './report';
import { RunningServer, send, startServer, stopServer } from './servers';
import { canonical, firstDifference, summary } from './verify';
import { claimsPageRequest, DEEP_PAGE, DEEP_PAGE_NUMBER, SERVERS, ServerName, WorkloadParams, WORKLOADS } from './workloads';
import { FILTER_SOURCE_NAME } from './generate';
import { logClaimBody } from './write';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

class Disagreement extends Error {}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const url = databaseUrl(options);
  const sqlite = options.sqlite;
  // PostGraphile and the floor are PostgreSQL programs: on SQLite claimdesk runs alone.
  const serverNames: readonly ServerName[] = sqlite ? ['claimdesk'] : SERVERS;
  log(`scale ${options.scale}, ${options.connections} connections, ${options.duration} s per workload after ${options.warmup} s warm-up, database ${sqlite ?? options.dbName}`);

  if (options.build && !options.generateOnly) {
    log('npm run build');
    execSync('npm run build', { cwd: `${__dirname}/..`, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  // Entity column types are read from the environment at import: point it at the bench database first.
  if (sqlite) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  const { readMarker, recreateDatabase, writeMarker } = await import('./database');
  const { createSqliteBenchKey, readSqliteMarker, recreateSqlite, writeSqliteMarker } = await import('./sqlite-target');
  const marker = `claimdesk bench data set: scale=${options.scale} seed=${options.seed}`;
  const markWith = (text: string) => (sqlite ? writeSqliteMarker(sqlite, text) : writeMarker(url, text));
  if (options.reuseDb && (sqlite ? readSqliteMarker(sqlite) : await readMarker(url)) === marker) {
    log(`reusing ${sqlite ?? options.dbName} (${marker})`);
  } else {
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    log(`creating ${sqlite ?? options.dbName} through the app's migrations`);
    if (sqlite) await recreateSqlite(sqlite);
    else await recreateDatabase(options.pgUrl, options.dbName, url);
    const { generateDataSet } = await import('./generate');
    const { SqliteSink } = await import('./sqlite-sink');
    const counts = await generateDataSet(sqlite ? new SqliteSink(sqlite) : url, options.scale, options.seed, log);
    await markWith(marker);
    const cpu = process.cpuUsage(cpu0);
    log(
      `generated in ${((Date.now() - t0) / 1000).toFixed(1)} s (this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s): ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  }

  if (options.generateOnly) return;

  const { createBenchKey, useBenchKey } = await import('./auth');
  useBenchKey(sqlite ? createSqliteBenchKey(sqlite) : await createBenchKey(url));

  log(`starting ${serverNames.join(', ')}`);
  const servers: Partial<Record<ServerName, RunningServer>> = {};
  const stopAll = () => Promise.all(Object.values(servers).map((s) => stopServer(s as RunningServer)));
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    await Promise.all(serverNames.map(async (name) => (servers[name] = await startServer(name, url, options.cpuProf, undefined, sqlite ?? undefined))));
    const server = (name: ServerName) => servers[name] as RunningServer;

    const params = await prepareParams(url, sqlite, serverNames, server);
    log(`claim for c: ${params.claimId}; source for b: "${params.sourceName}" (key "${params.sourceKey}")`);

    const workloads = WORKLOADS.filter((w) => !options.only || options.only.includes(w.key));
    const rows: WorkloadResult[] = [];
    // Check before timing: the three must give the same answer, or the benchmark is void.
    for (const workload of workloads) {
      const answers = [] as { name: ServerName; value: unknown }[];
      let sqlStatements: number | null = null;
      for (const name of serverNames) {
        const req = workload.request(name, params);
        const res = await send(server(name), req.path, req.body);
        if (res.status !== 200) throw new Disagreement(`${workload.title}: ${name} answered HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
        let value: unknown;
        try {
          value = canonical(workload.root, res.body, workload.shape);
        } catch (error) {
          throw new Disagreement(`${workload.title}: ${name}: ${(error as Error).message}`);
        }
        answers.push({ name, value });
        if (name === 'claimdesk') sqlStatements = res.sqlStatements;
      }
      for (const other of answers.slice(1)) {
        const difference = firstDifference(answers[0].value, other.value);
        if (difference) throw new Disagreement(`${workload.title}: claimdesk and ${other.name} disagree at ${difference}`);
      }
      const digest = summary(workload.root, answers[0].value);
      if (digest.startsWith('0 claims')) throw new Disagreement(`${workload.title}: every server returned nothing; the data set is too small for this workload`);
      log(`${workload.title}: ${sqlite ? 'claimdesk answered' : 'all three agree'} (${digest}); claimdesk ran ${sqlStatements ?? '?'} SQL statements`);
      rows.push({ workload, results: {}, sqlStatements });
    }

    for (const row of rows) {
      for (const name of serverNames) {
        const req = row.workload.request(name, params);
        const result = await loadRead(server(name).base + req.path, req.body, options, server(name).child.pid);
        row.results[name] = result;
        log(`${row.workload.key} ${name.padEnd(12)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  CPU ${result.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/request`);
        if (server(name).child.exitCode !== null) throw new Error(`${name} died during the run; see ${server(name).logFile}`);
      }
    }

    let write = '';
    if (!options.noWrite && (!options.only || options.only.includes('w'))) {
      const runId = Date.now().toString(36);
      let n = 0;
      const first = await send(server('claimdesk'), '/graphql', logClaimBody(runId, n++));
      if (first.body.errors) throw new Error(`logClaim failed: ${JSON.stringify(first.body.errors).slice(0, 500)}`);
      const result = await loadWrite(`${server('claimdesk').base}/graphql`, () => logClaimBody(runId, n++), options, server('claimdesk').child.pid);
      log(`w claimdesk     ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  CPU ${result.cpuMsPerRequest?.toFixed(2) ?? '?'} ms/request${result.firstError ? ` (first: ${result.firstError})` : ''}`);
      write = writeTable(result, first.sqlStatements);
      // The data set now holds the written claims: a later --reuse-db must not take it for a fresh one.
      await markWith(`${marker} + logClaim writes`);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
    const section = [
      `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, scale ${options.scale}${sqlite ? ', SQLite (claimdesk alone)' : ''}`,
      '',
      `- machine: ${machine()}`,
      `- command: \`${command}\` (${options.connections} connections, ${options.duration} s per workload after ${options.warmup} s warm-up; whole run ${seconds} s)`,
      '',
      readTable(rows),
      ...(write ? ['', write] : []),
    ].join('\n');
    console.log(`\n${section}\n`);
    if (options.record) log(`recorded in ${record(section)}`);
  } finally {
    await stopAll();
  }
}

/** Inputs for the workloads: a well-populated claim for c, the folded name for b, and each server's cursor for d. */
async function prepareParams(
  url: string,
  sqlite: string | null,
  serverNames: readonly ServerName[],
  server: (name: ServerName) => RunningServer,
): Promise<WorkloadParams> {
  let claimId: string;
  // Portable SQL: the same claim on either database.
  const sql = `
      SELECT c.id FROM claim c
       WHERE c.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM claim_quantity q WHERE q.claim_id = c.id)
         AND (SELECT count(*) FROM attribution a WHERE a.claim_id = c.id AND a.deleted_at IS NULL) >= 3
         AND EXISTS (SELECT 1 FROM attribution a JOIN relay_hop h ON h.attribution_id = a.id WHERE a.claim_id = c.id AND a.deleted_at IS NULL)
         AND EXISTS (SELECT 1 FROM attribution a JOIN citation ci ON ci.attribution_id = a.id WHERE a.claim_id = c.id AND a.deleted_at IS NULL)
       ORDER BY c.id LIMIT 1`;
  const client = new Client({ connectionString: url });
  if (!sqlite) await client.connect();
  try {
    const rows = sqlite ? (await import('./sqlite-target')).sqliteRows<{ id: string }>(sqlite, sql) : (await client.query(sql)).rows;
    if (!rows.length) throw new Error('no claim with quantities, 3 attributions, a relay chain and a citation; use a larger --scale');
    claimId = rows[0].id;
  } finally {
    if (!sqlite) await client.end();
  }
  const cursors = {} as Record<ServerName, string | null>;
  for (const name of serverNames) {
    let after: string | null = null;
    for (let page = 1; page < DEEP_PAGE_NUMBER; page++) {
      const req = claimsPageRequest(name, DEEP_PAGE, after, false);
      const res = await send(server(name), req.path, req.body);
      const info = res.body?.data?.claims?.pageInfo;
      if (!info?.hasNextPage) throw new Error(`${name}: no page ${page + 1} (${JSON.stringify(res.body).slice(0, 300)})`);
      after = info.endCursor;
    }
    cursors[name] = after;
  }
  return { claimId, sourceName: FILTER_SOURCE_NAME, sourceKey: sourceNameKey(FILTER_SOURCE_NAME), cursors };
}

main().catch((error) => {
  if (error instanceof Disagreement) console.error(`\nBENCHMARK VOID: the servers disagree.\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
