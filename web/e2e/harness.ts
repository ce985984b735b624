import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, onPostgres } from '../../test/support/database';

export type Role = 'ADMIN' | 'EDITOR' | 'REPORTER' | 'RESEARCHER';

export interface Desk {
  base: string;
  keys: Record<Role, string>;
  stop(): Promise<void>;
}

/** The Chromium the CI installs from Debian; playwright-core never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the built server (dist/, web/dist/) on a free port with the demo story on a fresh database:
 * a new SQLite file, or a new PostgreSQL database when DATABASE_URL is set. The demo keys are read
 * from its start-up log, as a newcomer would read them.
 */
export async function startDesk(): Promise<Desk> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-web-'));
  const db = await createTestDatabase();
  const env: NodeJS.ProcessEnv = { ...db.env, PORT: String(port), DEMO_DATA: 'true', NODE_ENV: 'production', NO_COLOR: '1' };
  if (!onPostgres) env.SQLITE_PATH = join(dir, 'desk.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keys = await new Promise<Record<Role, string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (!/successfully started/.test(log)) return;
      const found: Partial<Record<Role, string>> = {};
      for (const m of log.matchAll(/^\s+(ADMIN|EDITOR|REPORTER|RESEARCHER)\s+(cdk_\S+?)(\x1b\[\d+m)?$/gm)) found[m[1] as Role] = m[2];
      clearTimeout(timer);
      resolve(found as Record<Role, string>);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    keys,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh profile each run; every request the pages make is recorded for the offline check. */
export async function openBrowser(): Promise<{ context: BrowserContext; requests: string[]; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'claimdesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, acceptDownloads: true, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return {
    context,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs a script (the desk's bench, its screenshots) against a fresh desk in a fresh browser, closing both however it ends; a failure exits with 1. */
export function runWithDesk(script: (desk: Desk, browser: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>): void {
  const run = async () => {
    const desk = await startDesk();
    const browser = await openBrowser();
    try {
      await script(desk, browser);
    } finally {
      await browser.close();
      await desk.stop();
    }
  };
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

export async function signIn(page: Page, desk: Desk, role: Role): Promise<void> {
  await page.goto(desk.base);
  await page.getByLabel('API key').fill(desk.keys[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('viewer').getByText(role, { exact: true }).waitFor();
}

export async function gql<T = any>(desk: Desk, role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${desk.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.keys[role]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** No serious or critical axe violations on the screen as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/** One spec's desk and browser, started before its tests and stopped after them, and pages signed in as a role. */
export interface DeskSuite {
  readonly desk: Desk;
  readonly browser: Awaited<ReturnType<typeof openBrowser>>;
  newPage(role: Role): Promise<Page>;
}

export function deskSuite(): DeskSuite {
  let desk: Desk | undefined;
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  beforeAll(async () => {
    desk = await startDesk();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the desk is started in beforeAll: use it inside a test');
    return value;
  };
  return {
    get desk() {
      return started(desk);
    },
    get browser() {
      return started(browser);
    },
    async newPage(role) {
      const page = await started(browser).context.newPage();
      await signIn(page, started(desk), role);
      return page;
    },
  };
}
