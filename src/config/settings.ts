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

/** The largest JSON body POST /graphql accepts: room for an article text of 1,000,000 characters, escaped. */
export const DEFAULT_GRAPHQL_MAX_BODY_BYTES = 4 * 1024 * 1024;

export function graphqlMaxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.GRAPHQL_MAX_BODY_BYTES ?? DEFAULT_GRAPHQL_MAX_BODY_BYTES);
}
