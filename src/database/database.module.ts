import { DynamicModule, Global, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { planCacheSize, processEnvironment } from '../config/settings';
import { DomainEvents } from './domain-events';
import { PlanCache } from './plan-cache';
import { QueryCounter } from './query-counter';
import { sqliteFile, sqliteFileIsReadOnly } from './sqlite-file';
import { separateSqliteReads } from './sqlite-reads';
import { withStartupLock } from './startup-lock';
import { TransactionRunner } from './transaction-runner';

/**
 * Connects to SQLite or PostgreSQL from the environment and applies pending migrations on start, one instance at a time.
 * The options (entities and migrations included) come from the caller, src/data-source-options.ts: this folder sits
 * below the domains whose entities it would otherwise have to import.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forRoot(dataSourceOptions: (env: NodeJS.ProcessEnv) => DataSourceOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            if (sqliteFileIsReadOnly(processEnvironment())) {
              Logger.warn(`The SQLite file ${sqliteFile(processEnvironment())} is read-only: serving reads; writes are refused with DATABASE_READ_ONLY`, 'Database');
            }
            return { ...dataSourceOptions(processEnvironment()), logger: new QueryCounter() };
          },
          // Migrations under the startup lock: two instances starting together on one PostgreSQL database take turns.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            await withStartupLock(dataSource, () => dataSource.runMigrations({ transaction: 'all' }));
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner, DomainEvents, { provide: PlanCache, useFactory: () => new PlanCache(planCacheSize(processEnvironment())) }],
      exports: [TransactionRunner, DomainEvents, PlanCache],
    };
  }

  private closeReader: (() => void) | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Migrations have run by now (the data source factory), so reads may get their own SQLite connection. */
  onApplicationBootstrap(): void {
    this.closeReader = separateSqliteReads(this.dataSource);
  }

  onApplicationShutdown(): void {
    this.closeReader?.();
  }
}
