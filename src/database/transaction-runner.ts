import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors';
import { flushInsertsAtCommit } from './deferred-inserts';
import { runAsWriter } from './sqlite-reads';
import { storageFault } from './storage-faults';
import { refreshPlannerStatistics } from './planner-statistics';
import { isUniqueViolation } from './unique-violation';

/** Attempts of a transaction that lost a find-or-create race; each retry sees what the winner committed. */
const ATTEMPTS = 4;

/**
 * Runs work in one transaction. TypeORM's better-sqlite3 driver shares a single connection,
 * so two overlapping transactions would silently nest as savepoints; on SQLite we queue them.
 *
 * Find-or-create (articles by URL, sources by name, imported claims by external id) reads, then
 * inserts; two transactions can both miss and both insert. The unique index lets one win and the
 * other fail with a unique violation, after which the whole work runs again from the start, as if
 * it had come second, and finds the winner's row. `work` must therefore only touch the database.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!isUniqueViolation(error)) throw storageFault(error) ?? error;
        if (attempt >= ATTEMPTS) throw new ConflictError('Another request was writing the same record at the same moment; send this one again');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  /** After a bulk write has committed: the planner learns the tables' new sizes (planner-statistics.ts). */
  refreshStatistics(tables: readonly string[]): Promise<void> {
    return refreshPlannerStatistics(this.dataSource, tables);
  }

  private runOnce<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const withFlush = async (manager: EntityManager): Promise<T> => {
      const result = await work(manager);
      await flushInsertsAtCommit(manager);
      return result;
    };
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(withFlush);
    const result = this.queue.then(() => runAsWriter(() => this.dataSource.transaction(withFlush)));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
