import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * The built desk (web/dist), found from this file upwards to the package root, so it is the same
 * from src/ (ts-node) and from dist/src/ (the build).
 */
export function deskDirectory(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'web', 'dist');
}
