import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { requestHeaders } from './auth';
import { freePort } from './free-port';
import { startArguments } from './start-command';
import { ServerName } from './workloads';

export interface RunningServer {
  name: ServerName;
  base: string; // http://127.0.0.1:port
  child: ChildProcess;
  logFile: string;
}

const ROOT = join(__dirname, '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

function command(name: ServerName, cpuProf: string | null): string[] {
  switch (name) {
    case 'claimdesk':
      // As `npm start` runs it, V8 flags included.
      return startArguments(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []);
    case 'postgraphile':
      return [...TS_NODE, 'bench/postgraphile-server.ts'];
    case 'floor':
      return [...TS_NODE, 'bench/floor-server.ts'];
  }
}

/** Starts one server as a child process and waits until it answers. */
export async function startServer(
  name: ServerName,
  databaseUrl: string,
  cpuProf: string | null,
  chosenPort?: number,
  sqlitePath?: string,
): Promise<RunningServer> {
  const port = chosenPort ?? (await freePort());
  const logFile = join(tmpdir(), `claimdesk-bench-${name}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, command(name, cpuProf), {
    cwd: ROOT,
    env: {
      ...withoutDatabaseUrl(process.env),
      NODE_ENV: 'production',
      // `--sqlite`: claimdesk on the SQLite file (no DATABASE_URL at all, which is what selects SQLite).
      ...(sqlitePath ? { SQLITE_PATH: sqlitePath } : { DATABASE_URL: databaseUrl }),
      DEMO_DATA: 'false',
      PORT: String(port),
      // claimdesk only: x-sql-statements on each response (read from sequential requests), and no request
      // budgets: the load generator is one client at one address sending far more than a newsroom would.
      ...(name === 'claimdesk' ? { BENCH_COUNT_SQL: '1', RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_ADDRESS: '0' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const server = { name, base: `http://127.0.0.1:${port}`, child, logFile };
  await waitUntilReady(server);
  return server;
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = env;
  return rest;
}

async function waitUntilReady(server: RunningServer): Promise<void> {
  const probe = server.name === 'floor' ? { path: '/list', body: '{"first":1}' } : { path: '/graphql', body: '{"query":"{ __typename }"}' };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited with ${server.child.exitCode}; see ${server.logFile}`);
    try {
      const r = await fetch(server.base + probe.path, { method: 'POST', headers: requestHeaders(), body: probe.body });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name} did not answer within 90 s; see ${server.logFile}`);
}

/** Stops a server this script started (SIGINT, so claimdesk's shutdown hooks and --cpu-prof can finish). */
export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGINT');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  sqlStatements: number | null;
}

export async function send(server: RunningServer, path: string, body: string): Promise<Response> {
  const r = await fetch(server.base + path, { method: 'POST', headers: requestHeaders(), body });
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${server.name} ${path}: HTTP ${r.status}, not JSON: ${text.slice(0, 300)}`);
  }
  const header = r.headers.get('x-sql-statements');
  return { status: r.status, body: parsed, sqlStatements: header === null ? null : Number(header) };
}
