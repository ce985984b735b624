/** Which database this process talks to. Decided once from the environment, because column types depend on it. */
export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  return env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export const DEFAULT_SQLITE_PATH = 'data/claimdesk.sqlite';
export const DEFAULT_PORT = 3000;

/** Where the GraphQL API is served. */
export const GRAPHQL_PATH = '/graphql';

export const DEFAULT_API_KEY_CACHE_SECONDS = 10;

/** How long an authenticated API key is trusted without asking the database again. */
export function apiKeyCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.API_KEY_CACHE_SECONDS ?? DEFAULT_API_KEY_CACHE_SECONDS) * 1000;
}

/** Whether claim reads the database can answer alone skip graphql-js (direct-reads/direct-reads.service.ts). */
export function directReadsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GRAPHQL_DIRECT_READS !== 'false';
}

export const DEFAULT_SHUTDOWN_DRAIN_SECONDS = 25;

/** How long SIGTERM waits for requests in flight (imports and exports included) before cutting them. */
export function shutdownDrainMs(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.SHUTDOWN_DRAIN_SECONDS ?? DEFAULT_SHUTDOWN_DRAIN_SECONDS) * 1000;
}

/** The bearer token that may read /metrics; when unset, an ADMIN API key may. */
export function metricsToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.METRICS_TOKEN || undefined;
}

/** The JSON log's level: `info` writes one line per request, `silent` nothing. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? 'info';
}
