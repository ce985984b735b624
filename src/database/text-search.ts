import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';

/**
 * Text search over one column. Each database gets its own implementation behind this
 * interface; callers never branch on the driver.
 */
export interface TextSearch {
  /** Narrows `qb` to rows whose `column` contains every word of `query`. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T>;
}

function words(query: string): string[] {
  return query.split(/\s+/).filter(Boolean).slice(0, 10);
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQLite: LIKE is case-insensitive for ASCII; lower() both sides so the rule is explicit. */
export class SqliteTextSearch implements TextSearch {
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`lower(${column}) LIKE lower(:ts${i}) ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }
}

export class PostgresTextSearch implements TextSearch {
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`${column} ILIKE :ts${i} ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }
}

export function textSearchFor(driver: string): TextSearch {
  return driver === 'postgres' ? new PostgresTextSearch() : new SqliteTextSearch();
}
