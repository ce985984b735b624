import { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';

/**
 * Text search over one column. Each database gets its own implementation behind this
 * interface; callers never branch on the driver.
 */
export interface TextSearch {
  /** Narrows `qb` to rows whose `column` contains every word of `query`. */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T>;
  /**
   * The ids of the claims whose statements may contain every word of `query` (all that `apply` keeps
   * on claim.statement, perhaps more), found through the database's substring index: a subquery and
   * its parameters, for the claims list to start from when they are few. Null when no word is long
   * enough for the index (three characters), or when the database's planner finds them without help.
   */
  statementCandidates(query: string): Candidates | null;
  /**
   * Ids of the claims (deleted ones too; the caller filters) whose statements are nearest to
   * `words`, best first, by the database's own text search: candidates for claim matching, which
   * scores them itself (claims/matching/match-score.ts) so that both databases rank alike.
   */
  similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]>;
  /** similarClaimIds for each list of words, in as few statements as the database allows (an import's possibleDuplicates). */
  similarClaimIdsEach(manager: EntityManager, wordLists: string[][], limit: number): Promise<string[][]>;
}

/** A subquery selecting claim ids, with its named parameters. */
export interface Candidates {
  sql: string;
  parameters: Record<string, unknown>;
}

/** Trigram indexes find a substring of three characters or more; a shorter word is left to apply's own condition. */
const MIN_INDEXED_WORD = 3;

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

/** A word found in more claims than this is too common to find candidates by. */
const COMMON_WORD_ROWS = 1000;

/** SQLite: LIKE is case-insensitive for ASCII; lower() both sides so the rule is explicit. */
export class SqliteTextSearch implements TextSearch {
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`lower(${column}) LIKE lower(:ts${i}) ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }

  /**
   * claim_trigram (migration ClaimStatementTrigrams): each word as an FTS5 phrase of trigrams, which the
   * tokenizer folds to lower case as lower() does (and further, for letters beyond ASCII: a superset).
   */
  statementCandidates(query: string): Candidates | null {
    const long = words(query).filter((w) => [...w].length >= MIN_INDEXED_WORD);
    if (!long.length) return null;
    return {
      sql: 'SELECT claim_id FROM claim_trigram WHERE claim_trigram MATCH :tsTrigrams',
      parameters: { tsTrigrams: long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ') },
    };
  }

  /**
   * FTS5 (migration ClaimTextMatching): statements sharing the most telling words, by bm25. As on
   * PostgreSQL, words in more than COMMON_WORD_ROWS statements are left out (counted by the index itself,
   * migration ClaimFtsVocab): ranking the statements that share "killed" costs a pass over much of the table.
   */
  async similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]> {
    const distinct = [...new Set(words)].slice(0, 24);
    if (!distinct.length) return [];
    const counts: Array<{ term: string; doc: number }> = await manager.query(
      `SELECT term, doc FROM claim_fts_vocab WHERE term IN (${distinct.map(() => '?').join(', ')})`,
      distinct,
    );
    const common = new Set(counts.filter((c) => Number(c.doc) > COMMON_WORD_ROWS).map((c) => c.term));
    const telling = distinct.filter((w) => !common.has(w));
    if (!telling.length) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT claim_id AS id FROM claim_fts WHERE claim_fts MATCH ? ORDER BY bm25(claim_fts) LIMIT ?`,
      [ftsAnyOf(telling), limit],
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

/** At most this many telling words are paired for "at least two of them" (28 pairs). */
const TWO_OF_WORDS = 8;
/** The statistics change only when the table is analysed; read them again after this long. */
const WORD_STATS_TTL_MS = 5 * 60_000;

/** A tsquery that matches a document holding at least two of `words` (each pair, OR-ed). */
function twoOf(words: string[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(`(${words[i]} & ${words[j]})`);
  return pairs.join(' | ');
}

export class PostgresTextSearch implements TextSearch {
  private common: { at: number; words: Set<string> } | null = null;

  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, query: string): SelectQueryBuilder<T> {
    words(query).forEach((word, i) => {
      qb.andWhere(`${column} ILIKE :ts${i} ESCAPE '\\'`, { [`ts${i}`]: likePattern(word) });
    });
    return qb;
  }

  /**
   * None: the statement's trigram GIN index (migration ClaimStatementTrigrams) answers apply's ILIKE
   * conditions, and the planner's statistics on the statement column tell a rare word (start from the
   * index) from a common one (walk the newest claims). Counting a common word's claims first would cost
   * more than the page.
   */
  statementCandidates(): Candidates | null {
    return null;
  }

  /**
   * Full-text search (migration ClaimStatementSearch): the statements holding any of the telling
   * words, those that are not common in the table, ranked by ts_rank. A common word ("killed",
   * "civilians") would put a large share of the table on the candidate list, to be ranked one by
   * one; the place names and rarer words that tell one report from another are what finds it.
   * A statement of common words only finds no text candidates (figures and place still do).
   *
   * Ranking is the cost: ts_rank parses each matching statement again (the index holds no positions
   * to rank by), about 15 microseconds a row, and at 1M claims a draft's telling words can match
   * thousands of statements. So the statements sharing at least two telling words are ranked first;
   * only when they are fewer than `limit` are those sharing one ranked too. Both rank by the same
   * any-word query, so the order is unchanged; the set differs from ranking every match only where a
   * statement holding one telling word, repeated, outranked one holding two.
   */
  async similarClaimIds(manager: EntityManager, words: string[], limit: number): Promise<string[]> {
    const common = await this.commonWords(manager);
    // One draft: its words as constants, so that the planner sees how rare they are (the batch form cannot).
    const [found] = await this.twoTiers([this.tellingWords(words, common)], limit, async (searches) => {
      const rows: Array<{ n: number; id: string }> = [];
      for (const { n, anyWord, match } of searches) {
        const ids: Array<{ id: string }> = await manager.query(
          `SELECT id FROM claim, to_tsquery('simple', $1) AS q, to_tsquery('simple', $2) AS m
            WHERE to_tsvector('simple', statement) @@ m
            ORDER BY ts_rank(to_tsvector('simple', statement), q) DESC, id DESC LIMIT $3`,
          [anyWord, match, limit],
        );
        rows.push(...ids.map(({ id }) => ({ n, id })));
      }
      return rows;
    });
    return found;
  }

  /**
   * similarClaimIds for many drafts, with the same two tiers, each tier one statement: the ranked
   * query run for each search by a LATERAL join over the list (an import's possibleDuplicates).
   */
  async similarClaimIdsEach(manager: EntityManager, wordLists: string[][], limit: number): Promise<string[][]> {
    const common = await this.commonWords(manager);
    return this.twoTiers(
      wordLists.map((words) => this.tellingWords(words, common)),
      limit,
      async (searches) => {
        if (!searches.length) return [];
        const rows: Array<{ n: number; id: string }> = await manager.query(
          `SELECT s.n, r.id FROM unnest($1::text[], $2::text[], $3::int[]) AS s(a, t, n)
            CROSS JOIN LATERAL (
              SELECT id FROM claim, to_tsquery('simple', s.a) AS q, to_tsquery('simple', s.t) AS m
               WHERE to_tsvector('simple', statement) @@ m
               ORDER BY ts_rank(to_tsvector('simple', statement), q) DESC, id DESC LIMIT $4) AS r`,
          [searches.map((x) => x.anyWord), searches.map((x) => x.match), searches.map((x) => x.n), limit],
        );
        return rows.map((r) => ({ n: Number(r.n), id: r.id }));
      },
    );
  }

  /** The draft's words that tell it apart: letters and digits only, not among the index's common words, at most 16. */
  private tellingWords(words: string[], common: Set<string>): string[] {
    return [...new Set(words.map((w) => w.replace(/[^\p{L}\p{N}]+/gu, '')).filter((w) => w && !common.has(w)))].slice(0, 16);
  }

  /**
   * The two-tier ranking for each search (see similarClaimIds): statements sharing two telling words
   * first, and all sharing one only for the searches that found fewer than `limit` that way. `run`
   * answers a list of searches at once, so an import's searches cost two statements in all.
   */
  private async twoTiers(
    tellings: string[][],
    limit: number,
    run: (searches: Array<{ n: number; anyWord: string; match: string }>) => Promise<Array<{ n: number; id: string }>>,
  ): Promise<string[][]> {
    const found: string[][] = tellings.map(() => []);
    const collect = (rows: Array<{ n: number; id: string }>) => {
      const by = new Map<number, string[]>();
      for (const r of rows) by.set(r.n, [...(by.get(r.n) ?? []), r.id]);
      return by;
    };
    const pairs = collect(await run(tellings.flatMap((t, n) => (t.length >= 2 ? [{ n, anyWord: t.join(' | '), match: twoOf(t.slice(0, TWO_OF_WORDS)) }] : []))));
    const rest = tellings.flatMap((t, n) => {
      const two = pairs.get(n) ?? [];
      if (two.length >= limit) {
        found[n] = two;
        return [];
      }
      return t.length ? [{ n, anyWord: t.join(' | '), match: t.join(' | ') }] : [];
    });
    for (const [n, ids] of collect(await run(rest))) found[n] = ids;
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
