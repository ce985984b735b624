/**
 * `npm run bench:flood`: starts claimdesk (built, as `npm start` runs it, on a throwaway SQLite
 * database with the demo data), sends the abusive requests of issue 14 with the demo RESEARCHER key,
 * and meanwhile times a side request (`{ me { name } }`) every 20 ms. Prints how each flood was
 * answered and the side request's latency during each. A script that prints figures, not a test.
 *
 * The side requests come from a separate process (this script run with `--side`), on its own
 * kept-alive connection: timed in the flooding process, they also waited for that process to parse
 * the flood's answers, and counted the client's own queue as the server's latency.
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { startArguments } from './start-command';

const ROOT = join(__dirname, '..');
const AT = '2019-02-18T12:00:00Z';
const PARAGRAPH =
  'More than 300 fighters refuse to surrender, the Syrian Observatory for Human Rights said on Monday. ' +
  'A senior military official, speaking on condition of anonymity, told CNN that at least 1,000 fighters had fled. ';
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

interface Flood {
  name: string;
  body: () => unknown;
  copies: number;
}

const FLOODS: Flood[] = [
  {
    name: '500 aliased suggestAttributions, 60 KB text',
    copies: 4,
    body: () => ({ query: `query($t: String, $at: DateTime) { ${repeat(500, (i) => `s${i}: suggestAttributions(text: $t, publishedAt: $at) { confidence }`)} }`, variables: { t: PARAGRAPH.repeat(300), at: AT } }),
  },
  {
    name: '3 suggestAttributions (the allowed most), 30 KB text',
    copies: 4,
    body: () => ({ query: `query($t: String, $at: DateTime) { ${repeat(3, (i) => `s${i}: suggestAttributions(text: $t, publishedAt: $at) { confidence }`)} }`, variables: { t: PARAGRAPH.repeat(150), at: AT } }),
  },
  {
    name: 'depth bomb, 22 levels',
    copies: 4,
    body: () => {
      let inner = 'id';
      for (let i = 0; i < 4; i++) inner = `attributions { source { attributions(first: 100) { nodes { claim { id ${inner} } } } } }`;
      return { query: `{ claims(first: 100) { nodes { ${inner} } } }` };
    },
  },
  { name: 'conflictsWith { conflictsWith } on 100 claims', copies: 4, body: () => ({ query: '{ claims(first: 100) { nodes { conflictsWith { conflictsWith { id } } } } }' }) },
  { name: '1,000 aliases of claims(first: 100) { totalCount }', copies: 4, body: () => ({ query: `{ ${repeat(1000, (i) => `c${i}: claims(first: 100) { totalCount }`)} }` }) },
  { name: '2,001 levels of nesting', copies: 4, body: () => ({ query: `{ claims(first: 1) { nodes { ${'attributions { claim { '.repeat(1000)} id ${'} } '.repeat(1000)} } } }` }) },
  { name: 'wrong keys', copies: 200, body: () => ({ query: '{ claims(first: 1) { totalCount } }' }) },
];

async function main(): Promise<void> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, startArguments(process.env.FLOOD_NODE_FLAGS ? process.env.FLOOD_NODE_FLAGS.split(' ') : []), {
    cwd: ROOT,
    env: { ...withoutDatabaseUrl(process.env), PORT: String(port), SQLITE_PATH: ':memory:', DEMO_DATA: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const key = await researcherKey(server);
    const url = `http://127.0.0.1:${port}/graphql`;
    const send = async (body: unknown, auth = key) => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` }, body: JSON.stringify(body) });
      const json = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      return { status: response.status, code: json.errors?.[0]?.extensions?.code ?? 'ok', ms: performance.now() - started };
    };
    // Warm up: the first extraction starts the worker thread.
    await send(FLOODS[1].body());
    const sideRequests = new SideRequests(url, key);
    await sideRequests.ready;
    console.log('flood | answers | flood ms (max) | side requests | side median ms | side max ms');
    const only = process.env.FLOOD_ONLY;
    const rounds = Number(process.env.FLOOD_ROUNDS ?? 1);
    for (const flood of FLOODS.filter((f) => !only || f.name.includes(only)).flatMap((f) => Array<Flood>(rounds).fill(f))) {
      const wrong = flood.name === 'wrong keys';
      const work = Promise.all(Array.from({ length: flood.copies }, (_, i) => send(flood.body(), wrong ? `cdk_wrong${i}` : key)));
      const side = await sideRequests.during(work);
      const answers = await work;
      const codes = [...new Set(answers.map((a) => `${a.status} ${a.code}`))].join(', ');
      side.sort((a, b) => a - b);
      const max = Math.max(...answers.map((a) => a.ms));
      if (side.length === 0) side.push(NaN);
      console.log(`${flood.name} | ${codes} | ${max.toFixed(0)} | ${side.length} | ${side[Math.floor(side.length / 2)].toFixed(1)} | ${side[side.length - 1].toFixed(1)}`);
    }
    sideRequests.stop();
  } finally {
    server.kill('SIGTERM');
  }
}

/** The side-request process, as the flooding process sees it: start timing, stop and collect. */
class SideRequests {
  private readonly child = fork(__filename, ['--side'], { env: process.env, execArgv: ['-r', 'ts-node/register/transpile-only'] });
  readonly ready: Promise<void>;

  constructor(url: string, key: string) {
    this.ready = new Promise((resolve) => this.child.once('message', () => resolve()));
    this.child.send({ url, key });
  }

  /** The side requests' latencies (ms) while `work` runs: at least one, started with the flood. */
  async during(work: Promise<unknown>): Promise<number[]> {
    const collected = new Promise<number[]>((resolve) => this.child.once('message', (m: { ms: number[] }) => resolve(m.ms)));
    this.child.send('start');
    await work.catch(() => undefined);
    this.child.send('stop');
    return collected;
  }

  stop(): void {
    this.child.kill();
  }
}

/** In the side process: `{ me { name} }` every 20 ms between 'start' and 'stop', over one kept-alive connection. */
function runSide(): void {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let target: { url: string; key: string } | undefined;
  let running = false;
  const once = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: '{ me { name } }' });
      const started = performance.now();
      const req = request(target!.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${target!.key}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - started));
      });
      req.on('error', reject);
      req.end(body);
    });
  process.on('message', async (message: 'start' | 'stop' | { url: string; key: string }) => {
    if (typeof message === 'object') {
      target = message;
      await once(); // opens the connection before any flood
      return process.send!('ready');
    }
    if (message === 'stop') return void (running = false);
    running = true;
    const ms: number[] = [];
    do {
      ms.push(await once());
      if (running) await new Promise((resolve) => setTimeout(resolve, 20));
    } while (running);
    process.send!({ ms });
  });
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

function researcherKey(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`claimdesk did not start:\n${output}`)), 60_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /RESEARCHER\s+(cdk_[A-Za-z0-9_-]+)/.exec(output);
      if (match && /GraphQL API at/.test(output)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', () => reject(new Error(`claimdesk exited:\n${output}`)));
  });
}

if (process.argv.includes('--side')) {
  runSide();
} else {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
