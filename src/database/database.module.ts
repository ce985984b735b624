import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { QueryCounter } from './query-counter';
import { TransactionRunner } from './transaction-runner';

/** Connects to SQLite or PostgreSQL from the environment and applies pending migrations on start. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        ...dataSourceOptions(process.env),
        migrationsRun: true,
        logger: new QueryCounter(),
      }),
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
