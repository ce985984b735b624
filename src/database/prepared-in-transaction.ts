import { EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { statementName } from './prepared-reads';
import { QueryCounter } from './query-counter';

/**
 * Runs a statement that a write sends on every request (logClaim's discrepancy probe) inside `manager`'s
 * transaction, with placeholders as the driver's escapeQueryWithParameters writes them. On PostgreSQL it is a
 * named statement on the transaction's own connection, parsed and planned once per connection rather than on
 * every run (prepared-reads.ts; planning was 9-53 ms of the probe under load); it is counted by QueryCounter
 * as reads are. better-sqlite3 prepares in process, so SQLite runs it as any other query.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (manager.connection.options.type !== 'postgres' || !runner?.isTransactionActive) return manager.query(text, values);
  const client = (await (runner as PostgresQueryRunner).connect()) as { query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
  QueryCounter.count += 1;
  return (await client.query({ name: statementName(text), text, values })).rows;
}
