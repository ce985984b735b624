import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { flushInsertsAtCommit } from './deferred-inserts';

/**
 * Runs work in one transaction. TypeORM's better-sqlite3 driver shares a single connection,
 * so two overlapping transactions would silently nest as savepoints; on SQLite we queue them.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const withFlush = async (manager: EntityManager): Promise<T> => {
      const result = await work(manager);
      await flushInsertsAtCommit(manager);
      return result;
    };
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(withFlush);
    const result = this.queue.then(() => this.dataSource.transaction(withFlush));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
