import { requestHeaders } from './auth';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number; // connection errors + timeouts + non-2xx (+ GraphQL errors where checked)
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

/** Fixed-concurrency load of one request, repeated: warm-up first (discarded), then the timed run. */
export async function loadRead(url: string, body: string, options: LoadOptions & { warmup: number }): Promise<LoadResult> {
  const base = { url, method: 'POST' as const, headers: requestHeaders(), body, connections: options.connections };
  if (options.warmup > 0) await autocannon({ ...base, duration: options.warmup });
  return summarise(await autocannon({ ...base, duration: options.duration }));
}

/** Load where each request's body is made fresh (a unique article URL per write); counts GraphQL errors too. */
export async function loadWrite(url: string, makeBody: () => string, options: LoadOptions): Promise<LoadResult & { firstError: string | null }> {
  let graphqlErrors = 0;
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
  return { ...summarise(result, graphqlErrors), firstError };
}
