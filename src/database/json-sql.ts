/**
 * The few JSON-building SQL functions that differ between the databases. The tree compiler
 * (tree-compiler.ts) writes its queries against this interface, never against a driver.
 */
export interface JsonSql {
  /** An object from `[key, sqlExpression]` pairs. */
  object(pairs: [string, string][]): string;
  /** One row's object from a correlated subquery, embedded as JSON (null when no row). */
  one(select: string): string;
  /** The rows' objects as an array, in `orderBy` order; `[]` when there are none. */
  many(element: string, fromWhere: string, orderBy: string): string;
  /** A timestamp column as an ISO 8601 UTC string with milliseconds, as Date#toISOString writes it. */
  timestamp(column: string): string;
  /** A `simple-json` text column, embedded as JSON rather than as a string. */
  jsonText(column: string): string;
  /** The finished expression as text, for the client to JSON.parse. */
  text(expression: string): string;
  /** A boolean column as JSON true or false (SQLite stores 0 and 1). */
  boolean(column: string): string;
  /** A decimal column as a JSON number, written as JavaScript would write it (no trailing zeros). */
  float(column: string): string;
}

export class PostgresJsonSql implements JsonSql {
  object(pairs: [string, string][]): string {
    // json_build_object takes at most 100 arguments.
    if (pairs.length > 50) throw new Error(`json_build_object with ${pairs.length} keys`);
    return `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
  }

  one(select: string): string {
    return `(${select})`;
  }

  many(element: string, fromWhere: string, orderBy: string): string {
    return `(SELECT coalesce(json_agg(${element} ORDER BY ${orderBy}), '[]'::json) ${fromWhere})`;
  }

  timestamp(column: string): string {
    return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }

  jsonText(column: string): string {
    return `(${column})::json`;
  }

  text(expression: string): string {
    return `(${expression})::text`;
  }

  boolean(column: string): string {
    return column;
  }

  float(column: string): string {
    return `(${column})::float8`;
  }
}

/** SQLite's JSON functions; a subquery's result loses its JSON subtype, so json() restores it. */
export class SqliteJsonSql implements JsonSql {
  object(pairs: [string, string][]): string {
    return `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
  }

  one(select: string): string {
    return `json((${select}))`;
  }

  many(element: string, fromWhere: string, orderBy: string): string {
    return `json((SELECT json_group_array(${element} ORDER BY ${orderBy}) ${fromWhere}))`;
  }

  timestamp(column: string): string {
    return `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
  }

  jsonText(column: string): string {
    return `json(${column})`;
  }

  text(expression: string): string {
    return expression;
  }

  boolean(column: string): string {
    return `CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} THEN json('true') ELSE json('false') END`;
  }

  float(column: string): string {
    return `CAST(${column} AS REAL)`;
  }
}

export function jsonSqlFor(driver: string): JsonSql {
  return driver === 'postgres' ? new PostgresJsonSql() : new SqliteJsonSql();
}
