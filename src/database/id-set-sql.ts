/**
 * "This id is in that subquery's set", written so that the list starts from the set: used when a
 * filter's set is known to be small (claims/claim-filter.ts resolveClaimFilter). One implementation
 * per database; callers never branch on the driver.
 */
export interface IdSetSql {
  among(column: string, subquery: string): string;
}

/**
 * PostgreSQL turns `IN (subquery)` into a semi-join and, for a page of newest claims, walks the
 * primary key newest first, expecting matches spread evenly; a set that sits among the oldest claims
 * makes that walk cover the table. `= ANY(ARRAY(...))` runs the subquery once, before the scan, and
 * the primary key is then probed for the set's ids only (in descending order, so the page stops early).
 */
export class PostgresIdSetSql implements IdSetSql {
  among(column: string, subquery: string): string {
    return `${column} = ANY(ARRAY(${subquery}))`;
  }
}

/** SQLite reads `IN (subquery)` into an ordered temporary index and looks the primary key up from it. */
export class SqliteIdSetSql implements IdSetSql {
  among(column: string, subquery: string): string {
    return `${column} IN (${subquery})`;
  }
}

export function idSetSqlFor(driver: string): IdSetSql {
  return driver === 'postgres' ? new PostgresIdSetSql() : new SqliteIdSetSql();
}
