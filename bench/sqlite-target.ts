import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateApiKey, hashApiKey, keyPrefix } from '../src/access/api-keys';
import { newId } from '../src/common/ids';

/**
 * The bench database as a SQLite file (`--sqlite`): created through the app's own SQLite migrations,
 * with its marker in a file beside it (`<file>.marker`) since SQLite has no database comment.
 * Call only with DATABASE_URL unset: entity column types are chosen from the environment at import.
 */
export async function recreateSqlite(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '.marker']) rmSync(`${path}${suffix}`, { force: true });
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('../src/data-source-options');
  const dataSource = new DataSource(dataSourceOptions({ SQLITE_PATH: path }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

export function readSqliteMarker(path: string): string | null {
  return existsSync(path) && existsSync(`${path}.marker`) ? readFileSync(`${path}.marker`, 'utf8') : null;
}

export function writeSqliteMarker(path: string, marker: string): void {
  writeFileSync(`${path}.marker`, marker);
}

/** An admin key in the SQLite file, as createBenchKey does in PostgreSQL. */
export function createSqliteBenchKey(path: string): string {
  const key = generateApiKey();
  const db = new Database(path);
  try {
    const userId = newId();
    const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
    db.prepare(`INSERT INTO app_user (id, created_at, updated_at, version, name, role) VALUES (?, ?, ?, 1, 'Benchmark', 'ADMIN')`).run(userId, now, now);
    db.prepare(`INSERT INTO api_key (id, user_id, name, prefix, hash, created_at) VALUES (?, ?, 'bench', ?, ?, ?)`).run(newId(), userId, keyPrefix(key), hashApiKey(key), now);
  } finally {
    db.close();
  }
  return key;
}

/** Rows of a read-only query on the SQLite file. */
export function sqliteRows<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
