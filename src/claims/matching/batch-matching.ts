import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { TextSearch } from '../../database/text-search';
import { ClaimQuantity } from '../claim-quantity.entity';
import { Claim } from '../claim.entity';
import { MatchClaim } from './match-claim';
import { loadMatchClaims } from './match-loader';
import { MatchTier, PreparedClaim, prepareClaim, scorePrepared } from './match-score';
import { ClaimMatch } from './matching.service';
import { contentWords } from './text-similarity';

/** As in matching.service.ts: candidates per way, and the days around a claim's window that figures and place look in. */
const CANDIDATES_PER_WAY = 50;
const DAY_MS = 86_400_000;
const WINDOW_DAYS = 2;
/** Subjects per UNION ALL statement, and ids per IN list: well under both databases' bound-parameter limits. */
const SUBJECTS_PER_STATEMENT = 100;
const IDS_PER_STATEMENT = 1000;

/**
 * similarToClaim's LIKELY matches for many recorded claims at once (an import's possibleDuplicates).
 * The candidates are found the same three ways, and scored by the same match-score.ts, but each way
 * is one statement for a hundred claims: the per-claim queries are joined with UNION ALL (each keeps
 * its own ORDER BY and LIMIT), and the text search is the database's own batch form
 * (TextSearch.similarClaimIdsEach). The claims and their candidates are then read in IN lists. So
 * two hundred claims cost about ten statements, where one at a time cost about nine each.
 *
 * Claims are loaded as similarClaims loads them (match-loader.ts). The per-claim candidate queries repeat those of
 * matching.service.ts (candidateIds) with numbered parameters; test/matching-while-logging.e2e-spec.ts compares the
 * answers claim by claim. That service should build its single queries from the builders here, so that they are
 * declared once.
 */
export async function likelyMatchesOfEach(manager: EntityManager, textSearch: TextSearch, claims: Claim[], first: number): Promise<ClaimMatch[][]> {
  if (!claims.length) return [];
  const subjects = await loadMatchClaims(manager, claims);
  const texts = await textSearch.similarClaimIdsEach(manager, subjects.map((s) => contentWords(s.statement)), CANDIDATES_PER_WAY);
  const figures = await eachInOne(manager, subjects, figureCandidates);
  const places = await eachInOne(manager, subjects, placeCandidates);
  const candidateIds = subjects.map((s, i) => [...new Set([...texts[i], ...figures[i], ...places[i]])].filter((id) => id !== s.id));

  const all = [...new Set(candidateIds.flat())];
  const rows: Claim[] = [];
  for (let i = 0; i < all.length; i += IDS_PER_STATEMENT) rows.push(...(await manager.find(Claim, { where: { id: In(all.slice(i, i + IDS_PER_STATEMENT)) } })));
  const candidates = new Map((await loadMatchClaims(manager, rows)).map((c, i) => [c.id as string, { claim: rows[i], match: c, prepared: null as PreparedClaim | null }]));
  // Each statement is folded and split into trigrams once (prepareClaim), not once per pair: a file's claims are
  // each other's candidates, so one claim is scored against most of the 200 subjects.
  return subjects.map((subject, i) => {
    const prepared = prepareClaim(subject);
    return candidateIds[i]
      .flatMap((id) => {
        const candidate = candidates.get(id);
        if (!candidate) return [];
        candidate.prepared ??= prepareClaim(candidate.match);
        return [{ claim: candidate.claim, ...scorePrepared(prepared, candidate.prepared) }];
      })
      .filter((m): m is ClaimMatch => m.tier === MatchTier.LIKELY)
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? 1 : -1))
      .slice(0, first);
  });
}

/** The days around a claim's event window that figure and place candidates come from; null without an event time. */
function nearWindow(subject: MatchClaim): { from: Date; to: Date } | null {
  const start = subject.eventTime?.start ? new Date(subject.eventTime.start).getTime() : null;
  if (start === null) return null;
  const end = subject.eventTime?.end ? new Date(subject.eventTime.end).getTime() : start;
  return { from: new Date(start - WINDOW_DAYS * DAY_MS), to: new Date(end + WINDOW_DAYS * DAY_MS) };
}

export type CandidateQuery = (manager: EntityManager, subject: MatchClaim, n: number) => SelectQueryBuilder<any> | null;

/** Claims with figures of the subject's variables in the nearby days, the closest figure first, then the newest claims. */
export const figureCandidates: CandidateQuery = (manager, subject, n) => {
  const variables = [...new Set(subject.quantities.map((q) => q.variable))];
  if (!variables.length) return null;
  const anchors = subject.quantities.map((q) => q.value ?? q.lower ?? q.upper).filter((v): v is number => v !== null);
  const qb = manager
    .createQueryBuilder(ClaimQuantity, 'q')
    .innerJoin(Claim, 'c', 'c.id = q.claim_id')
    .select('q.claim_id', 'id')
    .where(`q.variable IN (:...variables${n})`, { [`variables${n}`]: variables })
    .limit(CANDIDATES_PER_WAY);
  if (anchors.length) qb.addSelect(`min(abs(coalesce(q.value, q.lower, q.upper, 0) - :anchor${n}))`, 'gap').setParameter(`anchor${n}`, anchors[0]).groupBy('q.claim_id').orderBy('gap', 'ASC');
  else qb.groupBy('q.claim_id');
  qb.addOrderBy('q.claim_id', 'DESC');
  const near = nearWindow(subject);
  if (near) qb.andWhere(`c.event_time_start BETWEEN :from${n} AND :to${n}`, { [`from${n}`]: near.from, [`to${n}`]: near.to });
  return qb;
};

/** Claims (deleted ones too; only live ones are scored) at the same place in the nearby days. */
export const placeCandidates: CandidateQuery = (manager, subject, n) => {
  const near = nearWindow(subject);
  if (!near || !subject.place?.name) return null;
  return manager
    .createQueryBuilder(Claim, 'c')
    .withDeleted()
    .select('c.id', 'id')
    .where(`c.event_time_start BETWEEN :from${n} AND :to${n}`, { [`from${n}`]: near.from, [`to${n}`]: near.to })
    .andWhere(`lower(c.place_name) = lower(:place${n})`, { [`place${n}`]: subject.place.name })
    .limit(CANDIDATES_PER_WAY);
};

/**
 * Runs one candidate query per subject as one statement per SUBJECTS_PER_STATEMENT subjects: each
 * query stays whole (its own order and limit) inside `SELECT * FROM (...)`, tagged with its subject.
 */
async function eachInOne(manager: EntityManager, subjects: MatchClaim[], query: CandidateQuery): Promise<string[][]> {
  const found: string[][] = subjects.map(() => []);
  for (let at = 0; at < subjects.length; at += SUBJECTS_PER_STATEMENT) {
    const parts: string[] = [];
    const parameters: Record<string, unknown> = {};
    subjects.slice(at, at + SUBJECTS_PER_STATEMENT).forEach((subject, k) => {
      const n = at + k;
      const qb = query(manager, subject, n);
      if (!qb) return;
      parts.push(`SELECT ${n} AS n, x${n}.id AS id FROM (${qb.getQuery()}) x${n}`);
      Object.assign(parameters, qb.getParameters());
    });
    if (!parts.length) continue;
    const [sql, values] = manager.connection.driver.escapeQueryWithParameters(parts.join(' UNION ALL '), parameters);
    const rows: Array<{ n: number | string; id: string }> = await manager.query(sql, values);
    for (const r of rows) found[Number(r.n)].push(r.id);
  }
  return found;
}

