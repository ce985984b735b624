import { ColumnDef, ColumnType } from './export-columns';

/**
 * A PostgreSQL table that `\copy ... FROM 'claims.csv' (FORMAT csv, HEADER)` loads as is, generated
 * from the column declarations (as the data package is): list columns are jsonb, because every list
 * cell is a JSON array; an empty cell is NULL. Offered to researchers in docs/exports.md and the bundle.
 */
const PG_TYPE: Record<ColumnType, string> = {
  text: 'text',
  enum: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  datetime: 'timestamptz',
  date: 'date',
  list: 'jsonb',
};

/** `constraints: false` leaves out NOT NULL and CHECK, for a staging table of files that are not exports (import files). */
export function createTableSql(table: string, columns: readonly ColumnDef[], { constraints = true } = {}): string {
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const lines = columns.map((c) => {
    if (!constraints) return `  ${ident(c.name)} ${PG_TYPE[c.type]}`;
    const checks = c.values ? ` CHECK (${ident(c.name)} IN (${c.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}))` : '';
    return `  ${ident(c.name)} ${PG_TYPE[c.type]}${c.required ? ' NOT NULL' : ''}${checks}`;
  });
  return `CREATE TABLE ${ident(table)} (\n${lines.join(',\n')}\n);\n`;
}
