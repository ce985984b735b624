import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { QueryCounter } from './query-counter';

/**
 * Runs the read statements a busy desk sends over and over (claim trees), with placeholders in
 * the driver's own style as TypeORM's getQueryAndParameters writes them. One implementation per
 * database, like TextSearch.
 */
export interface PreparedReads {
  /** `planPerRun`: plan for these values every time (an unnamed statement on PostgreSQL). */
  run<T>(text: string, values: unknown[], options?: { planPerRun?: boolean }): Promise<T[]>;
  /** The driver's placeholder for the value at `position` (1-based). */
  placeholder(position: number): string;
}

/**
 * Distinct statements a connection may keep prepared; past this, statements run unnamed. Texts
 * vary with the query's selection and the filters used, and PostgreSQL keeps each plan per
 * connection, so the cap bounds the server's memory.
 */
const MAX_PREPARED = 100;

// One name per text for the whole process: two texts under one name would fail on a connection
// that has prepared the other.
const names = new Map<string, string>();

/**
 * PostgreSQL parses and plans an unnamed statement on every run: for a claim tree that was most
 * of the database's time per request (0.8 of 1.0 ms in the benchmark's workload c). A named
 * statement is parsed and planned once per connection. TypeORM has no way to name one, so these
 * go to its pg pool directly; they are still counted by QueryCounter.
 */
export class PostgresPreparedReads implements PreparedReads {
  constructor(private readonly dataSource: DataSource) {}

  placeholder(position: number): string {
    return `$${position}`;
  }

  async run<T>(text: string, values: unknown[], { planPerRun = false } = {}): Promise<T[]> {
    QueryCounter.count += 1;
    const pool = (this.dataSource.driver as PostgresDriver).master as { query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    return (await pool.query({ name: planPerRun ? undefined : statementName(text), text, values })).rows;
  }
}

/** The process-wide name of a statement's text, or none once MAX_PREPARED texts have names (it then runs unnamed). */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_PREPARED) {
    name = `claimdesk_${names.size}`;
    names.set(text, name);
  }
  return name;
}

/** better-sqlite3 prepares in process and TypeORM caches the statements already. */
export class SqlitePreparedReads implements PreparedReads {
  constructor(private readonly dataSource: DataSource) {}

  placeholder(): string {
    return '?';
  }

  run<T>(text: string, values: unknown[]): Promise<T[]> {
    return this.dataSource.query(text, values);
  }
}

export function preparedReadsFor(dataSource: DataSource): PreparedReads {
  return dataSource.options.type === 'postgres' ? new PostgresPreparedReads(dataSource) : new SqlitePreparedReads(dataSource);
}
