import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';

/** Marks the async context of a transaction started by TransactionRunner (transaction-runner.ts). */
const writer = new AsyncLocalStorage<true>();

export function runAsWriter<T>(work: () => Promise<T>): Promise<T> {
  return writer.run(true, work);
}

/** Prepared statements kept for the reading connection; the writing one keeps TypeORM's own 100. */
const STATEMENT_CACHE = 200;

interface SqliteQueryRunner {
  getStmt(query: string): Promise<Database.Statement>;
}

/**
 * TypeORM gives better-sqlite3 one connection and one query runner for everything, so a read sent
 * while a long write transaction is open (an import) runs inside that transaction: it sees rows
 * that are not committed, and may never be (a dry run). And as the import yields the event loop
 * between chunks so that readers are answered (imports/import.service.ts), such reads become common.
 *
 * So on a SQLite file, a statement that does not belong to a TransactionRunner transaction, sent
 * while one is open, runs on a second, read-only connection instead. In WAL mode it sees the last
 * committed state and never waits for the writer. Call after migrations have run: they use
 * transactions of their own.
 */
export function separateSqliteReads(dataSource: DataSource): (() => void) | null {
  const options = dataSource.options;
  if (options.type !== 'better-sqlite3' || options.database === ':memory:') return null;
  const driver = dataSource.driver as unknown as { databaseConnection: Database.Database; createQueryRunner(mode: string): SqliteQueryRunner };
  const reader = new Database(options.database as string, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const runner = driver.createQueryRunner('master');
  const ownStatement = runner.getStmt.bind(runner);
  runner.getStmt = async (query: string) => {
    if (writer.getStore() || !driver.databaseConnection.inTransaction) return ownStatement(query);
    let statement = statements.get(query);
    if (!statement) {
      statement = reader.prepare(query);
      statements.set(query, statement);
      if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
    }
    return statement;
  };
  return () => {
    runner.getStmt = ownStatement;
    reader.close();
  };
}
