import type { Server, ServerResponse } from 'node:http';
import { QueryCounter } from './query-counter';
import { putInFront } from '../common/request-front';

/**
 * For benchmarks only (BENCH_COUNT_SQL=1): adds `x-sql-statements`, the number of SQL statements
 * run while the request was served. The counter is process-wide, so the figure is exact only
 * when requests do not overlap; the benchmark reads it from sequential requests. Installed on
 * the HTTP server itself, so it also counts reads answered before Express (direct-reads/).
 */
export function countSqlPerResponse(server: Server): void {
  putInFront(server, (_req, res, pass) => {
    const start = QueryCounter.count;
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      if (!this.headersSent) this.setHeader('x-sql-statements', String(QueryCounter.count - start));
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    pass();
  });
}
