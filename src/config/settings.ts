import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Which database this process talks to. Decided once from the environment, because column types depend on it. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** The process's environment: read here and nowhere else, so that every setting has one place and one default. */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}

/** Development shows stack traces in error responses; nothing else does. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'development';
}

/** The HTTP port the API and the desk listen on. */
export function listenPort(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.PORT ?? DEFAULT_PORT);
}

/** Benchmarks only: an x-sql-statements header on each response (bench/README.md). */
export function countSqlPerResponse(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BENCH_COUNT_SQL === '1';
}

/** For commands and scripts that must never load the demo story into the database they open. */
export function withoutDemoData(env: NodeJS.ProcessEnv = process.env): void {
  env.DEMO_DATA = 'false';
}

/** For writing schema.gql: an empty in-memory SQLite database, whatever DATABASE_URL says, and no demo story. */
export function useThrowawayDatabase(env: NodeJS.ProcessEnv = process.env): void {
  delete env.DATABASE_URL;
  env.SQLITE_PATH = ':memory:';
  withoutDemoData(env);
}

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

export const DEFAULT_PLAN_CACHE_SIZE = 1000;

/** Compiled read plans kept (database/plan-cache.ts): query documents of the direct path and claim trees of Apollo's. */
export function planCacheSize(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.PLAN_CACHE_SIZE || DEFAULT_PLAN_CACHE_SIZE);
}

/** The largest JSON body POST /graphql accepts: room for an article text of 1,000,000 characters, escaped. */
export const DEFAULT_GRAPHQL_MAX_BODY_BYTES = 4 * 1024 * 1024;

export function graphqlMaxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.GRAPHQL_MAX_BODY_BYTES ?? DEFAULT_GRAPHQL_MAX_BODY_BYTES);
}

/** Limits on one GraphQL request, checked before any resolver or SQL runs (src/limits/query-limits.ts). */
export interface QueryLimitSettings {
  /** Lexical tokens in the query text; counted before it is parsed. */
  maxTokens: number;
  /** Nesting of fields below the operation (introspection fields not counted). */
  maxDepth: number;
  /** Estimated objects in the answer, list sizes multiplied (`first`, or a list's bound). */
  maxCost: number;
  /** Aliased fields in the document. */
  maxAliases: number;
  /** Root fields of a mutation: each is a write. */
  maxRootMutations: number;
  /** `suggestAttributions` calls in one request, counted across aliases and fragments. */
  maxExtractions: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimitSettings = {
  maxTokens: 3000,
  maxDepth: 12,
  maxCost: 250_000,
  maxAliases: 30,
  maxRootMutations: 20,
  maxExtractions: 3,
};

/** The environment variable of each query limit, for the configuration table and its validation. */
export const QUERY_LIMIT_VARIABLES: Record<keyof QueryLimitSettings, string> = {
  maxTokens: 'QUERY_MAX_TOKENS',
  maxDepth: 'QUERY_MAX_DEPTH',
  maxCost: 'QUERY_MAX_COST',
  maxAliases: 'QUERY_MAX_ALIASES',
  maxRootMutations: 'QUERY_MAX_ROOT_MUTATIONS',
  maxExtractions: 'QUERY_MAX_SUGGESTIONS',
};

export function queryLimits(env: NodeJS.ProcessEnv = process.env): QueryLimitSettings {
  const entries = Object.entries(QUERY_LIMIT_VARIABLES).map(([limit, variable]) => {
    const raw = env[variable];
    return [limit, raw === undefined || raw === '' ? DEFAULT_QUERY_LIMITS[limit as keyof QueryLimitSettings] : Number(raw)];
  });
  return Object.fromEntries(entries) as QueryLimitSettings;
}

/** Request budgets per client, per instance (src/limits/rate-limits.ts). 0 turns a budget off. */
export interface RateLimitSettings {
  windowSeconds: number;
  perKey: number;
  perAddress: number;
  failedAuthPerAddress: number;
  /** Hashes of recently authenticated keys let past the failed-authentication budget (limits/known-good-keys.ts). */
  knownGoodKeys: number;
  /** Take the client address from the first X-Forwarded-For entry (behind the newsroom's own proxy). */
  trustProxy: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  windowSeconds: 60,
  perKey: 6000,
  perAddress: 12000,
  failedAuthPerAddress: 30,
  knownGoodKeys: 10_000,
  trustProxy: false,
};

export function rateLimits(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  const number = (name: string, fallback: number) => (env[name] === undefined || env[name] === '' ? fallback : Number(env[name]));
  return {
    windowSeconds: number('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds),
    perKey: number('RATE_LIMIT_PER_KEY', DEFAULT_RATE_LIMITS.perKey),
    perAddress: number('RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress),
    failedAuthPerAddress: number('RATE_LIMIT_FAILED_AUTH', DEFAULT_RATE_LIMITS.failedAuthPerAddress),
    knownGoodKeys: number('RATE_LIMIT_KNOWN_KEYS', DEFAULT_RATE_LIMITS.knownGoodKeys),
    trustProxy: env.TRUST_PROXY === 'true',
  };
}

/** Characters of `text` that suggestAttributions reads in one call. */
export const SUGGEST_MAX_TEXT_CHARS = 50_000;

/** Worker threads that run extraction, off the event loop that serves every other request. */
export function extractionThreads(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.EXTRACTION_THREADS ?? 1);
}

/** Whether to offer the demo story (DEMO_DATA; on by default on the embedded database only). */
export function demoDataWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEMO_DATA ?? (databaseKind(env) === 'postgres' ? 'false' : 'true')) === 'true';
}

/**
 * The built desk (web/dist), found from this file upwards to the package root, so it is the same
 * from src/ (ts-node) and from dist/src/ (the build).
 */
export function deskDirectory(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'web', 'dist');
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
