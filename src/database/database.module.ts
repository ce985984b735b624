import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { QueryCounter } from './query-counter';
import { sqliteFile, sqliteFileIsReadOnly } from './sqlite-file';
import { TransactionRunner } from './transaction-runner';

/** Connects to SQLite or PostgreSQL from the environment and applies pending migrations on start. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => {
        if (sqliteFileIsReadOnly(process.env)) {
          Logger.warn(`The SQLite file ${sqliteFile(process.env)} is read-only: serving reads; writes are refused with DATABASE_READ_ONLY`, 'Database');
        }
        return {
          ...dataSourceOptions(process.env),
          migrationsRun: true,
          logging: ['query', 'error', 'warn'],
          logger: new QueryCounter(),
        };
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
