import { ServiceUnavailableError } from './errors';

/** PostgreSQL SQLSTATEs meaning the connection, not the statement, failed: class 08, shutdowns, "starting up", too many connections. */
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
/** Node socket errors met while (re)connecting. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * What node-postgres and better-sqlite3 throw, without a code, when the connection is gone; and TypeORM's error
 * for a transaction whose connection it released when that connection failed between two statements.
 */
const NAMES = new Set(['QueryRunnerAlreadyReleasedError']);
/** What node-postgres and better-sqlite3 throw, without a code, when the connection is gone. */
const MESSAGES = [/^Connection terminated/, /connection error and is not queryable/, /timeout exceeded when trying to connect/, /database connection is not open/];

/**
 * A ServiceUnavailableError when `error` (or the driver error TypeORM wraps in it) says the database
 * could not be reached, else null. Such an error is retryable; INTERNAL_SERVER_ERROR is not.
 */
export function unavailableFrom(error: unknown): ServiceUnavailableError | null {
  for (let e = error as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    const name = typeof e.name === 'string' ? e.name : '';
    if (PG_UNAVAILABLE.test(code) || NETWORK.has(code) || NAMES.has(name) || MESSAGES.some((m) => m.test(message))) return new ServiceUnavailableError();
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return null;
}
