import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DataSource, DataSourceOptions } from 'typeorm';
import { QueryCounter } from './query-counter';
import { withStartupLock } from './startup-lock';
import { TransactionRunner } from './transaction-runner';

/** Connects to SQLite or PostgreSQL from the environment and applies pending migrations on start, one instance at a time. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        ...dataSourceOptions(process.env),
        logging: ['query', 'error', 'warn'],
        logger: new QueryCounter(),
      }),
      // Migrations under the startup lock: two instances starting together on one PostgreSQL database take turns.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        await withStartupLock(dataSource, () => dataSource.runMigrations({ transaction: 'all' }));
        return dataSource;
      },
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
