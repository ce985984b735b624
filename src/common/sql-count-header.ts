import type { IncomingMessage, ServerResponse } from 'node:http';
import { QueryCounter } from '../database/query-counter';

/**
 * For benchmarks only (BENCH_COUNT_SQL=1): adds `x-sql-statements`, the number of SQL statements
 * run while the request was served. The counter is process-wide, so the figure is exact only
 * when requests do not overlap; the benchmark reads it from sequential requests.
 */
export function sqlCountHeader(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const start = QueryCounter.count;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!this.headersSent) this.setHeader('x-sql-statements', String(QueryCounter.count - start));
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
  next();
}
