/** Which database this process talks to. Decided once from the environment, because column types depend on it. */
export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  return env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export const DEFAULT_SQLITE_PATH = 'data/claimdesk.sqlite';
export const DEFAULT_PORT = 3000;
