import { SafeSqlLogger } from './safe-sql-logger';

/**
 * Counts SQL statements so tests and benchmarks can prove a page costs the same number
 * of queries whatever its size. Failures are logged as SafeSqlLogger logs them; queries are not printed.
 */
export class QueryCounter extends SafeSqlLogger {
  static count = 0;

  static reset(): void {
    QueryCounter.count = 0;
  }

  logQuery(): void {
    QueryCounter.count += 1;
  }
}
