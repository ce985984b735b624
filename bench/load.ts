import { requestHeaders } from './auth';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number; // connection errors + timeouts + non-2xx (+ GraphQL errors where checked)
  /** The server process's own CPU time (user + system) per request of the timed run, in ms. */
  cpuMsPerRequest?: number;
}

export interface LoadOptions {
  connections: number;
  duration: number;
}

function summarise(r: autocannon.Result, extraErrors = 0): LoadResult {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx + extraErrors,
  };
}

/**
 * Fixed-concurrency load of one request, repeated: warm-up first (discarded), then the timed run.
 * With the server's pid, also its CPU time per request: unlike req/s it barely moves when other
 * work shares the machine.
 */
export async function loadRead(url: string, body: string, options: LoadOptions & { warmup: number }, pid?: number): Promise<LoadResult> {
  const base = { url, method: 'POST' as const, headers: requestHeaders(), body, connections: options.connections };
  if (options.warmup > 0) await autocannon({ ...base, duration: options.warmup });
  const before = pid ? cpuMs(pid) : null;
  const result = summarise(await autocannon({ ...base, duration: options.duration }));
  if (before !== null && pid && result.requests > 0) result.cpuMsPerRequest = (cpuMs(pid) - before) / result.requests;
  return result;
}

/** utime + stime of a Linux process, in ms (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Load where each request's body is made fresh (a unique article URL per write); counts GraphQL errors too. */
export async function loadWrite(url: string, makeBody: () => string, options: LoadOptions, pid?: number): Promise<LoadResult & { firstError: string | null }> {
  let graphqlErrors = 0;
  const before = pid ? cpuMs(pid) : null;
  let firstError: string | null = null;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: 'POST',
        headers: requestHeaders(),
        setupRequest: (req) => ({ ...req, body: makeBody() }),
        onResponse: (status, body) => {
          if (status === 200 && !String(body).includes('"errors"')) return;
          graphqlErrors += status === 200 ? 1 : 0;
          firstError ??= String(body).slice(0, 300);
        },
      },
    ],
  });
  const summary: LoadResult = summarise(result, graphqlErrors);
  if (before !== null && pid && summary.requests > 0) summary.cpuMsPerRequest = (cpuMs(pid) - before) / summary.requests;
  return { ...summary, firstError };
}
