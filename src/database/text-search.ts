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
  /** similarClaimIds for each list of words, in as few statements as the database allows (an import's possibleDuplicates). */
  similarClaimIdsEach(manager: EntityManager, wordLists: string[][], limit: number): Promise<string[][]>;
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

  /** One statement per search: on SQLite a statement is a function call, not a round trip, so there is nothing to fold. */
  async similarClaimIdsEach(manager: EntityManager, wordLists: string[][], limit: number): Promise<string[][]> {
    const found: string[][] = [];
    for (const words of wordLists) found.push(await this.similarClaimIds(manager, words, limit));
    return found;
  }
}

/** A word found in more claims than this (by the planner's statistics) is too common to find candidates by. */
const COMMON_WORD_ROWS = 1000;
/** The statistics change only when the table is analysed; read them again after this long. */
const WORD_STATS_TTL_MS = 5 * 60_000;

export class PostgresTextSearch implements TextSearch {
  private common: { at: number; words: Set<string> } | null = null;

  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`${column} ILIKE :ts${i} ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }

  /**
   * Full-text search (migration ClaimStatementSearch): the statements holding any of the telling
   * words, those that are not common in the table, ranked by ts_rank. A common word ("killed",
   * "civilians") would put a large share of the table on the candidate list, to be ranked one by
   * one; the place names and rarer words that tell one report from another are what finds it.
   * A statement of common words only finds no text candidates (figures and place still do).
   */
  async similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]> {
    return (await this.similarClaimIdsEach(manager, [words], limit))[0];
  }

  /**
   * Every search in one statement: the same ranked query, run for each tsquery by a LATERAL join
   * over the list, so an import's two hundred searches are one round trip.
   */
  async similarClaimIdsEach(manager: EntityManager, wordLists: string[][], limit: number): Promise<string[][]> {
    const common = await this.commonWords(manager);
    const queries = wordLists.map((words) => [...new Set(words.map((w) => w.replace(/[^\p{L}\p{N}]+/gu, '')).filter((w) => w && !common.has(w)))].slice(0, 16).join(' | '));
    const found: string[][] = wordLists.map(() => []);
    const asked = queries.flatMap((q, i) => (q ? [i] : []));
    if (!asked.length) return found;
    const rows: Array<{ n: string; id: string }> = await manager.query(
      `SELECT s.n, m.id FROM unnest($1::text[], $2::int[]) AS s(q, n)
        CROSS JOIN LATERAL (
          SELECT id FROM claim, to_tsquery('simple', s.q) AS q
           WHERE to_tsvector('simple', statement) @@ q
           ORDER BY ts_rank(to_tsvector('simple', statement), q) DESC, id DESC LIMIT $3) AS m`,
      [asked.map((i) => queries[i]), asked, limit],
    );
    for (const r of rows) found[Number(r.n)].push(r.id);
    return found;
  }

  /** Words in more than COMMON_WORD_ROWS claims, from the statistics ANALYZE keeps on the index (most common elements). */
  private async commonWords(manager: EntityManager): Promise<Set<string>> {
    if (!this.common || Date.now() - this.common.at > WORD_STATS_TTL_MS) {
      const rows: Array<{ word: string; n: number }> = await manager.query(
        `SELECT u.word, u.freq * c.reltuples AS n
           FROM pg_stats s
           JOIN pg_class c ON c.oid = 'claim'::regclass
           CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(word, freq)
          WHERE s.schemaname = current_schema() AND s.tablename = 'IDX_claim_statement_fts' AND u.word IS NOT NULL`,
      );
      this.common = { at: Date.now(), words: new Set(rows.filter((r) => Number(r.n) > COMMON_WORD_ROWS).map((r) => r.word)) };
    }
    return this.common.words;
  }
}

export function textSearchFor(driver: string): TextSearch {
  return driver === 'postgres' ? new PostgresTextSearch() : new SqliteTextSearch();
}
