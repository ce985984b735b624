import { accessSync, constants, existsSync } from 'node:fs';
import { ConfigValidationError } from '../config/env.validation';
import { DEFAULT_SQLITE_PATH, databaseKind } from '../config/settings';

/** The SQLite file this environment names, or null for PostgreSQL and in-memory databases. */
export function sqliteFile(env: NodeJS.ProcessEnv): string | null {
  const path = env.SQLITE_PATH || DEFAULT_SQLITE_PATH;
  return databaseKind(env) === 'sqlite' && path !== ':memory:' ? path : null;
}

/** An existing SQLite file this process may not write: it is then opened read-only and serves reads. */
export function sqliteFileIsReadOnly(env: NodeJS.ProcessEnv): boolean {
  const path = sqliteFile(env);
  if (!path || !existsSync(path)) return false;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Checked before the application starts, so the operator reads one plain sentence instead of a
 * stack trace: the demo writes at every start, so a read-only file can only be served without it.
 */
export function assertDatabaseUsable(env: NodeJS.ProcessEnv): void {
  if (sqliteFileIsReadOnly(env) && env.DEMO_DATA !== 'false') {
    throw new ConfigValidationError(
      `The SQLite file ${sqliteFile(env)} (SQLITE_PATH) is read-only. Make it writable, or start with DEMO_DATA=false to serve reads from it; writes are then refused with DATABASE_READ_ONLY.`,
    );
  }
}
