import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const pending = new WeakMap<EntityManager, Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>>();

/** Rows per INSERT when flushing; far below both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 500;

/**
 * Queues a row to be inserted when the transaction of `manager` commits (TransactionRunner
 * flushes before COMMIT), so that write-only rows such as audit events cost one multi-row INSERT
 * per transaction rather than a round trip each. Outside a transaction the row is inserted now.
 */
export async function insertAtCommit<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    await manager.createQueryBuilder().insert().into(target).values(row).updateEntity(false).execute();
    return;
  }
  let byTarget = pending.get(manager);
  if (!byTarget) pending.set(manager, (byTarget = new Map()));
  const rows = byTarget.get(target as EntityTarget<ObjectLiteral>) ?? [];
  rows.push(row);
  byTarget.set(target as EntityTarget<ObjectLiteral>, rows);
}

/** Writes what insertAtCommit queued for this transaction, in the order it was queued. */
export async function flushInsertsAtCommit(manager: EntityManager): Promise<void> {
  const byTarget = pending.get(manager);
  if (!byTarget) return;
  pending.delete(manager);
  for (const [target, rows] of byTarget) {
    for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
      // A large transaction (an import) lets the event loop answer readers between INSERTs; they read elsewhere (sqlite-reads.ts).
      if (at > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await manager.createQueryBuilder().insert().into(target).values(rows.slice(at, at + ROWS_PER_INSERT)).updateEntity(false).execute();
    }
  }
}
