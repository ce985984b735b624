import { EntityManager, FindOneOptions } from 'typeorm';

/**
 * Row locks for read-then-write checks (attaching to a claim while another request merges or
 * deletes it). One implementation per database, chosen by driver.
 */
interface RowLock {
  /** The find option that locks the rows read until the transaction ends. */
  forUpdate(): FindOneOptions['lock'];
}

/** PostgreSQL: SELECT ... FOR UPDATE. A row changed meanwhile is read again after the wait, so a row deleted by the other transaction no longer matches. */
const POSTGRES: RowLock = { forUpdate: () => ({ mode: 'pessimistic_write' }) };

/** SQLite: nothing to lock; the transaction runner runs write transactions one at a time (transaction-runner.ts). */
const SQLITE: RowLock = { forUpdate: () => undefined };

/** Find options that lock the row(s) found against concurrent writers until the transaction ends. */
export function lockedForUpdate(manager: EntityManager): Pick<FindOneOptions, 'lock'> {
  const lock = (manager.connection.options.type === 'postgres' ? POSTGRES : SQLITE).forUpdate();
  return lock ? { lock } : {};
}
