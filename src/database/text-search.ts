import { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';

/**
 * Text search over one column. Each database gets its own implementation behind this
 * interface; callers never branch on the driver.
 */
export interface TextSearch {
  /** Narrows `qb` to rows whose `column` contains every word of `query`. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T>;
  /**
   * Ids of the claims (deleted ones too; the caller filters) whose statements are nearest to
   * `words`, best first, by the database's own text search: candidates for claim matching, which
   * scores them itself (claims/matching/match-score.ts) so that both databases rank alike.
   */
  similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]>;
}

/** FTS5 query syntax: each word quoted (so none is read as an operator), any of them may match. */
function ftsAnyOf(words: string[]): string {
  return words.slice(0, 24).map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
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

  /** FTS5 (migration ClaimTextMatching): statements sharing the most telling words, by bm25. */
  async similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]> {
    if (!words.length) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT claim_id AS id FROM claim_fts WHERE claim_fts MATCH ? ORDER BY bm25(claim_fts) LIMIT ?`,
      [ftsAnyOf(words), limit],
    );
    return rows.map((r) => r.id);
  }
}

export class PostgresTextSearch implements TextSearch {
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`${column} ILIKE :ts${i} ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }

  /** pg_trgm (migration ClaimTextMatching): nearest statements by trigram distance, through the GiST index. */
  async similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]> {
    if (!words.length) return [];
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM claim ORDER BY statement <-> $1 LIMIT $2`, [words.join(' '), limit]);
    return rows.map((r) => r.id);
  }
}

export function textSearchFor(driver: string): TextSearch {
  return driver === 'postgres' ? new PostgresTextSearch() : new SqliteTextSearch();
}
