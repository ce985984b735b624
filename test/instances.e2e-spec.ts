import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService } from '../src/access/access.service';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { Role } from '../src/core/role';
import { AppModule } from '../src/app.module';
import { DEMO_CLAIMS } from '../src/demo/demo-story';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { TestDatabase, createTestDatabase, onPostgres } from './support/database';

const CAN_READ = `{ claims(first: 1) { totalCount } }`;
const CAN_WRITE = `mutation { createSource(input: { name: "Instance check", kind: MEDIA_OUTLET }) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { id revokedAt } }`;
const DEMOTE = `mutation($id: ID!) { updateUser(input: { id: $id, role: RESEARCHER }) { id role } }`;

async function gql(app: INestApplication, query: string, key: string, variables?: Record<string, unknown>) {
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: any[] }) };
}

/** Polls until `check` holds, and returns how long that took; fails after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

async function userWithKey(app: INestApplication, role: Role): Promise<{ userId: string; keyId: string; key: string }> {
  const access = app.get(AccessService);
  const user = await access.createUser({ name: `Instances ${role}`, role }, SYSTEM_ACTOR);
  const { key, apiKey } = await access.createKey({ userId: user.id, name: 'instances' }, SYSTEM_ACTOR);
  return { userId: user.id, keyId: apiKey.id, key };
}

describe('several instances on one database', () => {
  if (onPostgres) {
    let db: TestDatabase;
    let a: INestApplication;
    let b: INestApplication;
    const bootErrors: string[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      const saved = { ...process.env };
      // A fresh database, demo data on: both instances migrate and load the demo at the same moment.
      Object.assign(process.env, db.env, { DEMO_DATA: 'true', LOG_LEVEL: 'silent' });
      const boot = async () => {
        // Nest's TypeORM module retries a failed start after 3 s; a race must not need that, so errors are collected.
        const logger = { log() {}, warn() {}, debug() {}, verbose() {}, error: (message: unknown) => bootErrors.push(String(message)) };
        const app = await NestFactory.create(AppModule, { logger });
        await app.listen(0, '127.0.0.1');
        return app;
      };
      try {
        [a, b] = await Promise.all([boot(), boot()]);
      } finally {
        process.env = saved;
      }
    }, 120_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await db.drop();
    });

    it('start together on a fresh database: migrations run once and the demo is loaded once', async () => {
      expect(bootErrors).toEqual([]);
      const dataSource = a.get(DataSource);
      const migrations = await dataSource.query('SELECT name FROM migrations');
      expect(migrations).toHaveLength(dataSource.migrations.length);
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM claim');
      expect(Number(n)).toBe(DEMO_CLAIMS.length);
    });

    it('a key revoked on one instance is refused by the other within a second', async () => {
      const admin = await userWithKey(a, Role.ADMIN);
      const reader = await userWithKey(a, Role.RESEARCHER);
      // The other instance has the key in its cache (API_KEY_CACHE_SECONDS is 10 s).
      expect(expectData(await gql(b, CAN_READ, reader.key))).toBeTruthy();
      expectData(await gql(a, REVOKE, admin.key, { id: reader.keyId }));
      const took = await within(1000, async () => (await gql(b, CAN_READ, reader.key)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
      expect(took).toBeLessThan(1000);
    });

    it('a role changed on one instance applies on the other within a second', async () => {
      const admin = await userWithKey(b, Role.ADMIN);
      const reporter = await userWithKey(b, Role.REPORTER);
      expectData(await gql(a, CAN_WRITE, reporter.key));
      expectData(await gql(b, DEMOTE, admin.key, { id: reporter.userId }));
      await within(1000, async () => (await gql(a, CAN_WRITE, reporter.key)).errors?.[0]?.extensions?.code === 'FORBIDDEN');
    });
  } else {
    // SQLite is one process: a revocation applies at once there, and the startup lock has nothing to order.
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('refuses a revoked key at once in the one process there is', async () => {
      const reader = await userWithKey(t.app, Role.RESEARCHER);
      expect(expectData(await gql(t.app, CAN_READ, reader.key))).toBeTruthy();
      expectData(await t.gql(REVOKE, { id: reader.keyId }));
      expect(errorOf(await gql(t.app, CAN_READ, reader.key)).code).toBe('UNAUTHENTICATED');
    });

    it('applies a role change at once', async () => {
      const reporter = await userWithKey(t.app, Role.REPORTER);
      expectData(await gql(t.app, CAN_WRITE, reporter.key));
      expectData(await t.gql(DEMOTE, { id: reporter.userId }));
      expect(errorOf(await gql(t.app, CAN_WRITE, reporter.key)).code).toBe('FORBIDDEN');
    });
  }
});
