/**
 * A row: column name to value. The generator writes each table's rows as object literals of one shape, and a
 * sink takes the column list from a table's first row (the COPY or INSERT column list), so a new column is one
 * line in generate.ts. Timestamps are ISO strings, booleans booleans.
 */
export type Row = Record<string, string | number | boolean | null>;

/**
 * Rows that share most of their values (a figure's figure_span rows differ only in kind and node): one row per
 * `each`, its own columns first, then `common`'s. Encoded once instead of once per row.
 */
export interface RowFamily {
  each: Row[];
  common: Row;
}

export type Rows = Array<Row | RowFamily>;

export function isFamily(item: Row | RowFamily): item is RowFamily {
  return Array.isArray(item.each);
}

/** The rows a batch stands for. */
export function rowCount(items: Rows): number {
  let n = 0;
  for (const item of items) n += isFamily(item) ? item.each.length : 1;
  return n;
}

/** The tables the generator fills, parents before children. */
export const TABLE_NAMES = ['source', 'source_alias', 'article', 'claim', 'claim_quantity', 'attribution', 'relay_hop', 'citation', 'claim_source', 'figure_span'];

/** Where the generated rows go: a PostgreSQL database (postgres-sink.ts) or a SQLite file (sqlite-sink.ts). */
export interface DataSink {
  open(): Promise<void>;
  /** Rows of one table, every one with the columns of the table's first row, in that order. */
  write(table: string, rows: Rows): Promise<void>;
  /** After the last row: indexes and constraints, planner statistics. */
  finish(log: (line: string) => void): Promise<void>;
  /** After a failure: close what is open. */
  abort(): Promise<void>;
}

/** The column list of a table's rows, checked against a later batch's first row (a mistake in generate.ts would shift columns). */
export function columnsOf(table: string, item: Row | RowFamily, known?: string[]): string[] {
  const columns = isFamily(item) ? [...Object.keys(item.each[0]), ...Object.keys(item.common)] : Object.keys(item);
  if (known && (known.length !== columns.length || known.some((c, i) => c !== columns[i]))) {
    throw new Error(`${table}: a row with columns ${columns.join(', ')} after rows with ${known.join(', ')}`);
  }
  return columns;
}

export function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
