import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { completeRow } from './insert-new';
import { insertStatement, positionalInsertStatement, unnestInsertStatement } from './insert-statement';
import { queryPrepared } from './prepared-in-transaction';

/** Rows of one table to insert; parents come before the tables that refer to them. */
export interface InsertSet<T extends ObjectLiteral = ObjectLiteral> {
  target: EntityTarget<T>;
  rows: T[];
}

/**
 * Rows the caller inserts with a statement of its own (an INSERT ... SELECT that expands compact values in SQL), in the
 * database's dialect: sent in its place among the sets, in the same statement as they are on PostgreSQL.
 */
export interface InsertStatementSet {
  statement: [string, unknown[]];
}

/**
 * Bound parameters per statement: well under PostgreSQL's 65,535 and SQLite's 32,766, and small
 * enough that a statement's text and parameters stay a few megabytes.
 */
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * A statement up to this size (a logClaim's, about 300 parameters) runs as a named statement on
 * PostgreSQL: its text repeats from request to request, and parsing and planning it was a cost of
 * each. An import's large and varied statements run unnamed, so as not to fill the names' cap.
 */
const NAMED_UP_TO_PARAMETERS = 1_000;

/**
 * Inserts records created in memory (ids, timestamps and defaults set as insertNew sets them) in as
 * few statements as each database allows. The SQL of each table's rows is TypeORM's own multi-row
 * INSERT (so transformers, JSON columns and each driver's value conversions apply); only how the
 * statements are sent differs per database, behind this one interface:
 *
 * - PostgreSQL: consecutive tables share one statement, each INSERT a data-modifying CTE
 *   (`WITH t0 AS (INSERT ...), t1 AS (INSERT ...) SELECT 1`). PostgreSQL runs every CTE to
 *   completion and checks foreign keys at the end of the statement, so a claim and its attributions
 *   may be inserted side by side. One round trip for a whole logClaim.
 * - SQLite: one multi-row INSERT per table and chunk; statements run in-process, so there is no round
 *   trip to save and SQLite has no data-modifying CTEs.
 *
 * A unique violation fails the statement as a single INSERT would, and TransactionRunner runs the
 * whole work again (find-or-create races, as before).
 */
export interface BulkInserter {
  insert(manager: EntityManager, sets: Array<InsertSet | InsertStatementSet>): Promise<void>;
}

export function bulkInserterFor(type: string): BulkInserter {
  return type === 'postgres' ? new PostgresBulkInserter() : new SqliteBulkInserter();
}

/** The pieces to send: each table's rows cut so that no piece needs more parameters than a statement may hold. */
function pieces(manager: EntityManager, sets: InsertSet[]): Array<{ target: EntityTarget<ObjectLiteral>; rows: ObjectLiteral[]; parameters: number }> {
  const out = [];
  for (const { target, rows } of sets) {
    if (!rows.length) continue;
    const metadata = manager.connection.getMetadata(target);
    for (const row of rows) completeRow(metadata, row);
    const perRow = Math.max(1, metadata.columns.length);
    const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / perRow));
    for (let at = 0; at < rows.length; at += size) {
      const slice = rows.slice(at, at + size);
      out.push({ target, rows: slice, parameters: slice.length * perRow });
    }
  }
  return out;
}

class SqliteBulkInserter implements BulkInserter {
  async insert(manager: EntityManager, sets: Array<InsertSet | InsertStatementSet>): Promise<void> {
    for (const set of sets) {
      if ('statement' in set) {
        await manager.query(...set.statement);
        continue;
      }
      for (const piece of pieces(manager, [set])) {
        const [sql, values] = positionalInsertStatement(manager, piece.target, piece.rows) ?? insertStatement(manager, piece.target, piece.rows);
        await manager.query(sql, values);
      }
    }
  }
}

/** Rows from which a table's rows go to PostgreSQL as column arrays (unnestInsertStatement) rather than a multi-row VALUES list. */
const UNNEST_FROM_ROWS = 20;

class PostgresBulkInserter implements BulkInserter {
  async insert(manager: EntityManager, sets: Array<InsertSet | InsertStatementSet>): Promise<void> {
    let batch: Array<[string, unknown[]]> = [];
    let budget = 0;
    const send = async () => {
      const run = (sql: string, values: unknown[]) => (budget <= NAMED_UP_TO_PARAMETERS ? queryPrepared(manager, sql, values) : manager.query(sql, values));
      if (batch.length === 1) await run(batch[0][0], batch[0][1]);
      else if (batch.length > 1) {
        const parameters: unknown[] = [];
        const ctes = batch.map(([sql, values], i) => {
          // TypeORM numbers each INSERT's parameters from $1; in the shared statement they follow the previous ones.
          const offset = parameters.length;
          parameters.push(...values);
          return `t${i} AS (${sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`)})`;
        });
        await run(`WITH ${ctes.join(', ')} SELECT 1`, parameters);
      }
      batch = [];
      budget = 0;
    };
    for (const set of sets) {
      if ('statement' in set) {
        if (budget + set.statement[1].length > PARAMETERS_PER_STATEMENT) await send();
        batch.push(set.statement);
        budget += set.statement[1].length;
        continue;
      }
      // An import's batch: one statement per table, its columns as arrays. Its text is the table's whatever the
      // rows, so it is parsed and planned as cheaply as a logClaim's, and the values are not expanded into the text.
      // It still shares the statement with the other tables' INSERTs, so a logClaim stays one statement.
      const unnest = set.rows.length >= UNNEST_FROM_ROWS ? completedUnnest(manager, set) : null;
      if (unnest) {
        if (budget + unnest[1].length > PARAMETERS_PER_STATEMENT) await send();
        batch.push(unnest);
        budget += unnest[1].length;
        continue;
      }
      for (const piece of pieces(manager, [set])) {
        if (budget + piece.parameters > PARAMETERS_PER_STATEMENT) await send();
        const [sql, values] = insertStatement(manager, piece.target, piece.rows);
        batch.push([sql, values]);
        budget += piece.parameters;
      }
    }
    await send();
  }
}

function completedUnnest(manager: EntityManager, set: InsertSet): [string, unknown[]] | null {
  const metadata = manager.connection.getMetadata(set.target);
  for (const row of set.rows) completeRow(metadata, row);
  return unnestInsertStatement(manager, set.target, set.rows);
}
