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
  const figures = await figureCandidatesEach(manager, subjects);
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

/** Figure rows read at most by figureCandidatesEach's one statement; past this, each subject's own query is run. */
const FIGURE_ROWS_READ = 20_000;

/**
 * figureCandidates for each subject, with the same answers: an import's subjects share variables and days, and each
 * subject's statement grouped every figure of its variables in its window (for 200 claims of one day, 200 passes over
 * the same thousands of rows, a third of an import's time on SQLite). So the figures of the subjects' variables in the
 * union of their windows are read once, up to FIGURE_ROWS_READ rows, and each subject's query is answered from them
 * in Node: the same filter, the smallest gap per claim, the same order (gap, then claim id descending) and limit. The
 * gap is computed as the database computes it: exactly for integers, and otherwise exactly from PostgreSQL's numeric
 * texts or in double precision as SQLite's REAL. Subjects without an event time or a figure to measure from, and a
 * read past the bound or a figure Node cannot compute as the database does, go through figureCandidates as before.
 */
export async function figureCandidatesEach(manager: EntityManager, subjects: MatchClaim[]): Promise<string[][]> {
  const local = subjects.map((s) => nearWindow(s) !== null && anchorOf(s) !== null);
  const answered = local.some(Boolean) ? await figuresInNode(manager, subjects.filter((_, i) => local[i])) : null;
  const queried = await eachInOne(manager, subjects.filter((_, i) => !answered || !local[i]), figureCandidates);
  let a = 0;
  let q = 0;
  return subjects.map((_, i) => (answered && local[i] ? answered[a++] : queried[q++]));
}

/** The figure figureCandidates measures from: the subject's first with a value, lower or upper bound. */
function anchorOf(subject: MatchClaim): number | null {
  return subject.quantities.map((q) => q.value ?? q.lower ?? q.upper).find((v): v is number => v !== null) ?? null;
}

export async function figuresInNode(manager: EntityManager, subjects: MatchClaim[]): Promise<string[][] | null> {
  const postgres = manager.connection.options.type === 'postgres';
  const windows = subjects.map((s) => nearWindow(s) as { from: Date; to: Date });
  const variables = [...new Set(subjects.flatMap((s) => s.quantities.map((q) => q.variable)))];
  const rows: Array<{ id: string; variable: string; figure: number | string; start: Date | string }> = await manager
    .createQueryBuilder(ClaimQuantity, 'q')
    .innerJoin(Claim, 'c', 'c.id = q.claim_id')
    .select('q.claim_id', 'id')
    .addSelect('q.variable', 'variable')
    .addSelect('coalesce(q.value, q.lower, q.upper, 0)', 'figure')
    .addSelect('c.event_time_start', 'start')
    .where('q.variable IN (:...variables)', { variables })
    .andWhere('c.event_time_start BETWEEN :from AND :to', {
      from: new Date(Math.min(...windows.map((w) => w.from.getTime()))),
      to: new Date(Math.max(...windows.map((w) => w.to.getTime()))),
    })
    .limit(FIGURE_ROWS_READ + 1)
    .getRawMany();
  if (rows.length > FIGURE_ROWS_READ) return null;
  // Times as the statement compares them: PostgreSQL's instants, SQLite's stored text.
  const startColumn = manager.connection.getMetadata(Claim).findColumnWithPropertyPath('eventTime.start');
  const time = (d: Date | string): number | string =>
    typeof d === 'string' ? d : postgres || !startColumn ? d.getTime() : (manager.connection.driver.preparePersistentValue(d, startColumn) as string);
  // Each claim by number, and the figures by variable: a subject looks only at its variables' figures.
  const ids: string[] = [];
  const claimNumber = new Map<string, number>();
  const byVariable = new Map<string, Array<{ claim: number; start: number | string; figure: Figure }>>();
  for (const r of rows) {
    const figure = readFigure(r.figure, postgres);
    if (figure === null) return null;
    let claim = claimNumber.get(r.id);
    if (claim === undefined) {
      claimNumber.set(r.id, (claim = ids.length));
      ids.push(r.id);
    }
    const list = byVariable.get(r.variable) ?? [];
    list.push({ claim, start: time(r.start), figure });
    byVariable.set(r.variable, list);
  }
  // The statement's order: the smaller gap first, then the greater claim id.
  const before = (a: number, ga: Figure, b: number, gb: Figure) => {
    const c = compareFigures(ga, gb);
    return c < 0 || (c === 0 && ids[a] > ids[b]);
  };
  const closest: Array<Figure | undefined> = new Array(ids.length);
  const answers: string[][] = [];
  for (let i = 0; i < subjects.length; i++) {
    const anchor = readFigure(anchorOf(subjects[i]) as number, postgres);
    if (anchor === null) return null;
    const from = time(windows[i].from);
    const to = time(windows[i].to);
    const touched: number[] = [];
    for (const variable of new Set(subjects[i].quantities.map((q) => q.variable))) {
      for (const f of byVariable.get(variable) ?? []) {
        if (f.start < from || f.start > to) continue;
        const gap = gapBetween(f.figure, anchor);
        const known = closest[f.claim];
        if (known === undefined) touched.push(f.claim);
        if (known === undefined || compareFigures(gap, known) < 0) closest[f.claim] = gap;
      }
    }
    // The first CANDIDATES_PER_WAY in that order, kept sorted as the claims are passed once.
    const top: number[] = [];
    for (const claim of touched) {
      const gap = closest[claim] as Figure;
      const last = top.length - 1;
      if (top.length === CANDIDATES_PER_WAY && !before(claim, gap, top[last], closest[top[last]] as Figure)) continue;
      let at = top.length;
      while (at > 0 && before(claim, gap, top[at - 1], closest[top[at - 1]] as Figure)) at--;
      top.splice(at, 0, claim);
      if (top.length > CANDIDATES_PER_WAY) top.pop();
    }
    answers.push(top.map((claim) => ids[claim]));
    for (const claim of touched) closest[claim] = undefined;
  }
  return answers;
}

/** A figure as the database computes with it: a number (an integer, or SQLite's double), or a PostgreSQL numeric as digits and scale. */
type Figure = number | { digits: bigint; scale: number };

/** A figure read back (or a parameter as the driver sends it); null where Node would not compute as the database does. */
function readFigure(raw: number | string, postgres: boolean): Figure | null {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return raw;
    // SQLite computes with a REAL as a double; an integer past 2^53 it keeps exactly, and Node cannot.
    if (!postgres) return Number.isInteger(raw) || !Number.isFinite(raw) ? null : raw;
    // pg sends a number parameter as its text, which PostgreSQL reads as numeric.
    return Number.isFinite(raw) ? decimalOf(String(raw)) : null;
  }
  // numeric's text carries the column's scale ('120.000000'): a whole number is computed with as one.
  if (/^-?\d+(\.0*)?$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  return postgres ? decimalOf(raw) : null;
}

function decimalOf(text: string): Figure | null {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text);
  if (!m || !(m[2] || m[3])) return null;
  const fraction = m[3] ?? '';
  let scale = fraction.length - Number(m[4] ?? 0);
  let digits = BigInt(`${m[2] || '0'}${fraction}`);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: m[1] ? -digits : digits, scale };
}

function asDecimal(x: Figure): { digits: bigint; scale: number } {
  return typeof x === 'number' ? { digits: BigInt(x), scale: 0 } : x;
}

/** |a - b|: in doubles where both are numbers (exact for integers, SQLite's REAL otherwise), else exactly. */
function gapBetween(a: Figure, b: Figure): Figure {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  const x = asDecimal(a);
  const y = asDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const d = x.digits * 10n ** BigInt(scale - x.scale) - y.digits * 10n ** BigInt(scale - y.scale);
  return { digits: d < 0n ? -d : d, scale };
}

function compareFigures(a: Figure, b: Figure): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = asDecimal(a);
  const y = asDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const d = x.digits * 10n ** BigInt(scale - x.scale) - y.digits * 10n ** BigInt(scale - y.scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

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

