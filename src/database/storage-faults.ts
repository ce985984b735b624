import { StorageError } from '../common/errors';

/**
 * Faults of the storage rather than of the request, on either database: a read-only SQLite file or
 * PostgreSQL in read-only mode, and a full disk (SQLITE_FULL, PostgreSQL's disk_full). They become a
 * coded error saying what happened, instead of INTERNAL with the cause only in the log.
 */
export function storageFault(error: unknown): StorageError | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  if (code.startsWith('SQLITE_READONLY') || code === '25006') {
    return new StorageError('DATABASE_READ_ONLY', 'The database is read-only: nothing was written. Reads still work; an operator must make it writable for changes');
  }
  if (code === 'SQLITE_FULL' || code === '53100') {
    return new StorageError('DATABASE_FULL', 'The database has no space left: nothing was written. An operator must free disk space; then send this again');
  }
  return null;
}
