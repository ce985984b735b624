import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DEFAULT_SQLITE_PATH, databaseKind, processEnvironment } from './config/settings';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './database/migrations/postgres';
import { SQLITE_MIGRATIONS } from './database/migrations/sqlite';
import { POSTGRES_SESSION_OPTIONS } from './database/postgres-session';
import { SafeSqlLogger } from './database/safe-sql-logger';
import { SnakeNamingStrategy } from './database/snake-naming.strategy';
import { sqliteFileIsReadOnly } from './database/sqlite-file';

/**
 * One place that turns the environment into TypeORM options, used by the app, the CLI
 * (ormconfig.ts) and the test harness alike. `synchronize` is never on: migrations only.
 */
export function dataSourceOptions(env: NodeJS.ProcessEnv = processEnvironment()): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // Prints SQL without its parameter values (safe-sql-logger.ts).
    logger: new SafeSqlLogger(env.TYPEORM_LOGGING === 'true'),
  } as const;

  if (databaseKind(env) === 'postgres') {
    return { ...common, type: 'postgres', url: env.DATABASE_URL, migrations: POSTGRES_MIGRATIONS, extra: { options: POSTGRES_SESSION_OPTIONS } };
  }
  const path = env.SQLITE_PATH || DEFAULT_SQLITE_PATH;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // A read-only file is opened read-only (the journal mode cannot be set on it): reads work, writes get DATABASE_READ_ONLY.
  const readonly = sqliteFileIsReadOnly(env);
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    readonly,
    enableWAL: path !== ':memory:' && !readonly,
    migrations: SQLITE_MIGRATIONS,
  };
}
