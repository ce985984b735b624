import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/data-source-options';

/**
 * A fresh database per suite: an in-memory SQLite file, or a new PostgreSQL database created
 * from DATABASE_URL's server and dropped afterwards, so suites never see each other's rows.
 */
export interface TestDatabase {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    return { env: { ...process.env, SQLITE_PATH: ':memory:', DEMO_DATA: 'false' }, drop: async () => undefined };
  }
  const base = new URL(process.env.DATABASE_URL as string);
  const name = `claimdesk_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    env: { ...process.env, DATABASE_URL: url.toString(), DEMO_DATA: 'false' },
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(base: URL, sql: string): Promise<void> {
  const client = new Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated DataSource on a fresh database, for service-tier tests. */
export async function openMigratedDataSource(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions(db.env));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
