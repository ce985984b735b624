import { APPROXIMATE_TOLERANCE_PERCENT, QuantityShape } from '../quantity';
import { EventWindow, probeKeys, storedRange } from './figure-spans';
import { arrayText } from '../../database/insert-statement';

/**
 * The discrepancy rule of src/claims/quantity.ts (quantityRange + rangesConflict) written as SQL: pairwise over
 * claim_quantity aliases (conflictSql, the rule as first written, which the benchmark's data generator applies to a
 * whole data set at once), and as index probes over figure_span (figure-spans.ts), which the app maintains.
 */
function rangeSql(q: string) {
  const boundless = `(${q}.lower IS NULL AND ${q}.upper IS NULL)`;
  // In double precision, as JavaScript computes quantityRange: PostgreSQL's exact numeric would put a touching
  // bound on the other side of the line ("about 400" against "more than 440").
  const bound = (column: string) => `CAST((CASE WHEN ${boundless} THEN ${q}.value ELSE ${q}.${column} END) AS DOUBLE PRECISION)`;
  const widened = (column: string, dir: -1 | 1) =>
    `(CASE WHEN ${q}.approximate THEN ${bound(column)} * ${100 + dir * APPROXIMATE_TOLERANCE_PERCENT} / 100 ELSE ${bound(column)} END)`;
  return {
    low: widened('lower', -1),
    lowInclusive: `(${boundless} OR ${q}.lower_inclusive OR ${q}.approximate)`,
    high: widened('upper', 1),
    highInclusive: `(${boundless} OR ${q}.upper_inclusive OR ${q}.approximate)`,
  };
}

/** SQL that is true when quantities `a` and `b` (two claim_quantity aliases) cannot both be true: rangesConflict in SQL. */
export function conflictSql(a: string, b: string): string {
  const left = rangeSql(a);
  const right = rangeSql(b);
  const separated = (l: typeof left, r: typeof right) => `(${l.high} < ${r.low} OR (${l.high} = ${r.low} AND NOT (${l.highInclusive} AND ${r.lowInclusive})))`;
  return `(${separated(left, right)} OR ${separated(right, left)})`;
}

/** SQL that is true when claims `a` and `b` (claim aliases) have overlapping event windows, or either has none. */
export function windowsOverlapSql(a: string, b: string): string {
  return `(${a}.event_time_start IS NULL OR ${b}.event_time_start IS NULL OR (${b}.event_time_start <= COALESCE(${a}.event_time_end, ${a}.event_time_start) AND COALESCE(${b}.event_time_end, ${b}.event_time_start) >= ${a}.event_time_start))`;
}

/** The kind of row `m`'s row meets in other figures' rows (figure-spans.ts SWAPPED_KIND, in SQL). */
const swappedKind = (m: string) => `(CASE ${m}.kind WHEN 'C' THEN 'S' WHEN 'S' THEN 'C' WHEN 'A' THEN 'T' ELSE 'A' END)`;

/**
 * figure_span `o` lies wholly on one side of span `m`: below it ("high") or above it ("low"). Each side is one
 * range on one index (variable, kind, node, flagged, bound), so a probe reads only contradicting rows.
 */
function sideSql(m: string, o: string, side: 'high' | 'low'): string {
  return side === 'high'
    ? `${o}.high <= ${m}.low AND (${o}.high < ${m}.low OR NOT (${o}.high_inclusive AND ${m}.low_inclusive))`
    : `${o}.low >= ${m}.high AND (${o}.low > ${m}.high OR NOT (${o}.low_inclusive AND ${m}.high_inclusive))`;
}

/** Row `o` meets row `m` on the event-day tree, contradicts it on `side`, and its flag is `flagged`. */
function meetsSql(m: string, o: string, side: 'high' | 'low', flagged: boolean): string {
  return `${o}.variable = ${m}.variable AND ${o}.kind = ${swappedKind(m)} AND ${o}.node = ${m}.node AND ${o}.flagged = ${flagged}
    AND ${sideSql(m, o, side)} AND ${o}.claim_id <> ${m}.claim_id`;
}

/**
 * The live claim `co` of row `o`, when its exact window overlaps that of `cm`: the day tree is wider than the
 * windows (two instants on one day share a node), so the rule's own test follows.
 */
const liveOverlapping = (o: string, exact = true) =>
  `claim c${o} ON c${o}.id = ${o}.claim_id AND c${o}.deleted_at IS NULL${exact ? ` AND ${windowsOverlapSql('cm', `c${o}`)}` : ''}`;

/** SQL true when the live claim whose id is `claimId` (an expression) has a contradiction: four probes per row. */
export function hasContradictionSql(claimId: string): string {
  // Flagged rows first: on a busy variable they are most of the rows, and the first match ends the probe.
  const probes = [true, false].flatMap((flagged) =>
    (['high', 'low'] as const).map((side) => `EXISTS (SELECT 1 FROM figure_span o JOIN ${liveOverlapping('o')} WHERE ${meetsSql('m', 'o', side, flagged)})`),
  );
  return `EXISTS (SELECT 1 FROM figure_span m JOIN claim cm ON cm.id = m.claim_id WHERE m.claim_id = ${claimId} AND (${probes.join(' OR ')}))`;
}

/**
 * Pairs (mine, theirs) of contradicting claims, `mine` in the parameter list :...ids, `theirs` with the flag
 * given (or either): one index range per row of `mine`, side and flag. Without `exactWindows`, the pairs
 * whose days meet on the tree, a superset: what `mine`'s rows were filed under before its time was edited.
 */
export function contradictingPairsSql(flagged: boolean | null, exactWindows = true, mine = ':...ids'): string {
  const flags = flagged === null ? [false, true] : [flagged];
  return (['high', 'low'] as const)
    .flatMap((side) =>
      flags.map(
        (f) => `SELECT m.claim_id AS mine, o.claim_id AS theirs FROM figure_span m JOIN claim cm ON cm.id = m.claim_id
          JOIN figure_span o ON ${meetsSql('m', 'o', side, f)} JOIN ${liveOverlapping('o', exactWindows)}
          WHERE m.claim_id IN (${mine})`,
      ),
    )
    .join(' UNION ');
}

/** The most claims `conflictsWith` lists for one claim (also its bound in the query cost estimate). */
export const CONFLICTS_LIMIT = 100;

/**
 * `conflictsWith` of the claim whose id is the SQL expression `claimId`, as the claim tree reads it in the page's own
 * statement (claims/claim-tree.ts): the ids of the first CONFLICTS_LIMIT live claims that contradict it, by id, as
 * AnalysisQueriesService.conflictsOfMany finds them for the resolver.
 */
export function conflictingClaimIdsSql(claimId: string): string {
  return `SELECT d.theirs FROM (${contradictingPairsSql(null, true, claimId)}) d ORDER BY d.theirs LIMIT ${CONFLICTS_LIMIT}`;
}

/**
 * The parts of a probe for figure `q` (with event window `window`) over figure_span `o` of live claims `co`: the
 * rows it would meet on the tree, by kind, and the two sides on which they contradict it, with the exact window
 * test. Parameter names end in `tag`, so that the probes of several figures share one statement.
 */
function figureProbe(q: QuantityShape & { variable: string }, window: EventWindow | null, tag: string) {
  const range = storedRange(q);
  const keys = probeKeys(window?.start ? window : null);
  const params: Record<string, unknown> = { [`variable${tag}`]: q.variable };
  const kinds = [...new Set(keys.map((k) => k.kind))].map((kind) => {
    params[`nodes${kind}${tag}`] = keys.filter((x) => x.kind === kind).map((x) => x.node);
    return `(o.kind = '${kind}' AND o.node IN (:...nodes${kind}${tag}))`;
  });
  const sides: string[] = [];
  if (range.low !== null) {
    Object.assign(params, { [`low${tag}`]: range.low, [`lowInclusive${tag}`]: range.lowInclusive });
    sides.push(`(o.high <= :low${tag} AND (o.high < :low${tag} OR NOT (o.high_inclusive AND :lowInclusive${tag})))`);
  }
  if (range.high !== null) {
    Object.assign(params, { [`high${tag}`]: range.high, [`highInclusive${tag}`]: range.highInclusive });
    sides.push(`(o.low >= :high${tag} AND (o.low > :high${tag} OR NOT (o.low_inclusive AND :highInclusive${tag})))`);
  }
  let overlap = '';
  if (window?.start) {
    Object.assign(params, { [`start${tag}`]: window.start, [`end${tag}`]: window.end ?? window.start });
    overlap = ` AND (co.event_time_start IS NULL OR (co.event_time_start <= :end${tag} AND COALESCE(co.event_time_end, co.event_time_start) >= :start${tag}))`;
  }
  const from = `figure_span o JOIN claim co ON co.id = o.claim_id AND co.deleted_at IS NULL${overlap} WHERE o.variable = :variable${tag}`;
  return { from, kinds, sides, params };
}

/**
 * Ids of live claims other than :claimId with a figure that contradicts `q` (with event window `window`), as one
 * statement over figure_span: the rows `q` would meet on the tree, then the exact window test.
 */
export function contradictingFigureSql(q: QuantityShape & { variable: string }, window: EventWindow | null): { sql: string; params: Record<string, unknown> } {
  const { from, kinds, sides, params } = figureProbe(q, window, '');
  const sql = `SELECT DISTINCT o.claim_id FROM ${from} AND o.claim_id <> :claimId AND (${kinds.join(' OR ')})
      AND (${sides.length ? sides.join(' OR ') : '1 = 0'})`;
  return { sql, params };
}

/**
 * For figures not filed yet (new claims'), one statement of rows (figure, claim_id, flagged): every unflagged
 * live claim that contradicts a figure (it is to be flagged; in a settled archive there are few, since a claim
 * with any contradiction is flagged already), and at most one flagged claim per figure, kind of row and side,
 * which is enough to know that the figure's claim is flagged. Each member is one range of one index
 * (variable, kind, node, flagged, bound), so the cost follows the contradictions found, not the variable's size.
 * `figure` is the figure's position in `figures`; `claimId` is excluded (a restored claim's own rows).
 */
export function newFigureProbesSql(figures: Array<{ q: QuantityShape & { variable: string }; window: EventWindow | null; claimId: string }>): {
  sql: string;
  params: Record<string, unknown>;
} {
  const members: string[] = [];
  const params: Record<string, unknown> = {};
  figures.forEach(({ q, window, claimId }, f) => {
    const probe = figureProbe(q, window, `_${f}`);
    Object.assign(params, probe.params, { [`claimId_${f}`]: claimId });
    for (const kind of probe.kinds) {
      for (const side of probe.sides) {
        for (const flagged of [false, true]) {
          const select = `SELECT ${f} AS figure, o.claim_id AS claim_id, ${flagged ? 1 : 0} AS flagged FROM ${probe.from} AND o.claim_id <> :claimId_${f}
            AND ${kind} AND o.flagged = ${flagged} AND ${side}${flagged ? ' LIMIT 1' : ''}`;
          members.push(`SELECT * FROM (${select}) p${members.length}`);
        }
      }
    }
  });
  return { sql: members.join(' UNION ALL '), params };
}

type NewFigure = { q: QuantityShape & { variable: string }; window: EventWindow | null; claimId: string };
/** Takes one probe of a new figure: (figure, variable, kind, node, side, bound, inclusive, start, end, claim id). */
type ProbeSink<D, B> = (figure: number, variable: string, kind: string, node: number, side: 'high' | 'low', bound: number, inclusive: B, start: D | null, end: D | null, claimId: string) => void;

/**
 * The probe rows of each figure, handed to `sink` one by one (a batch has about 20 per figure, so no array is made
 * for each), its window's times written by `date` and its flags by `bool` once per figure, not once per row.
 */
function probeRows<D, B>(figures: NewFigure[], date: (d: Date) => D, bool: (b: boolean) => B, sink: ProbeSink<D, B>): void {
  figures.forEach(({ q, window, claimId }, f) => {
    const range = storedRange(q);
    const timed = window?.start ? window : null;
    const start = timed ? date(new Date(timed.start as Date)) : null;
    const end = timed ? date(new Date((timed.end ?? timed.start) as Date)) : null;
    const sides: Array<['high' | 'low', number, B]> = [];
    if (range.low !== null) sides.push(['high', range.low, bool(range.lowInclusive)]);
    if (range.high !== null) sides.push(['low', range.high, bool(range.highInclusive)]);
    for (const key of probeKeys(timed)) for (const [side, bound, inclusive] of sides) sink(f, q.variable, key.kind, key.node, side, bound, inclusive, start, end, claimId);
  });
}

/** The contradiction test of a probe row `p` on figure_span `o`, on one side: one range of one index. */
function probeSideSql(side: 'high' | 'low'): string {
  return side === 'high'
    ? `p.side = 'high' AND o.high <= p.bound AND (o.high < p.bound OR NOT (o.high_inclusive AND p.inclusive))`
    : `p.side = 'low' AND o.low >= p.bound AND (o.low > p.bound OR NOT (o.low_inclusive AND p.inclusive))`;
}

/** Row `o` is one the probe row `p` meets, of a live claim `co` (not p's) whose exact window overlaps p's. */
const probeMeetsSql = (flagged: string) => `o.variable = p.variable AND o.kind = p.kind AND o.node = p.node AND o.flagged = ${flagged} AND o.claim_id <> p.claim_id`;
const probeClaimSql = `co.id = o.claim_id AND co.deleted_at IS NULL
  AND (p.start_at IS NULL OR co.event_time_start IS NULL OR (co.event_time_start <= p.end_at AND COALESCE(co.event_time_end, co.event_time_start) >= p.start_at))`;

/**
 * newFigureProbesSql's answer for many figures in one PostgreSQL statement whose text does not depend on them: one
 * row per (figure, row it would meet on the tree, side), passed as arrays and unnested, each probing the same index
 * ranges as a member of newFigureProbesSql (every unflagged contradicting row, and at most one flagged one). A
 * UNION ALL of a few hundred figures' members costs PostgreSQL more to plan than to run (half a second for 100
 * figures); this is planned once. Rows (figure, claim_id, flagged), `figure` being the position in `figures`.
 */
export function newFigureProbesUnnest(figures: NewFigure[]): { sql: string; values: unknown[] } {
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  probeRows(figures, (d) => d.toISOString(), (b) => b, (...row) => {
    for (let c = 0; c < 10; c++) columns[c].push(row[c]);
  });
  const member = (side: 'high' | 'low', flagged: boolean) => {
    return `(SELECT o.claim_id, ${flagged} AS flagged FROM figure_span o JOIN claim co ON ${probeClaimSql}
      WHERE ${probeSideSql(side)} AND ${probeMeetsSql(String(flagged))}${flagged ? ' LIMIT 1' : ''})`;
  };
  const sql = `SELECT p.figure AS figure, x.claim_id AS claim_id, x.flagged AS flagged
    FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::float8[], $7::bool[], $8::timestamptz[], $9::timestamptz[], $10::text[])
      AS p(figure, variable, kind, node, side, bound, inclusive, start_at, end_at, claim_id)
    CROSS JOIN LATERAL (${member('high', false)} UNION ALL ${member('high', true)} UNION ALL ${member('low', false)} UNION ALL ${member('low', true)}) x`;
  return { sql, values: columns.map(arrayText) };
}

/**
 * newFigureProbesUnnest for SQLite: the probe rows as one JSON parameter read by json_each, so that the statement's
 * text is the same for every batch (prepared once) where newFigureProbesSql's members would exceed SQLite's 500 terms
 * of a compound SELECT for more than 40 figures. CROSS JOIN keeps the probe rows the outer loop, so that each is an
 * index range on figure_span; a flagged contradiction is asked with EXISTS (the first one found is enough). Rows
 * (figure, claim_id, flagged), claim_id null for flagged ones. `datetime` writes a Date as the driver stores it.
 */
export function newFigureProbesJson(figures: NewFigure[], datetime: (d: Date) => string): { sql: string; values: unknown[] } {
  // Written as JSON text row by row: the strings of a figure are encoded once, with its times.
  const rows: string[] = [];
  const encoded = new Map<string, string>();
  const json = (text: string | null) => {
    if (text === null) return 'null';
    let found = encoded.get(text);
    if (found === undefined) encoded.set(text, (found = JSON.stringify(text)));
    return found;
  };
  probeRows(figures, datetime, Number, (f, variable, kind, node, side, bound, inclusive, start, end, claimId) =>
    rows.push(`[${f},${json(variable)},${json(kind)},${node},"${side}",${JSON.stringify(bound)},${inclusive},${json(start)},${json(end)},${json(claimId)}]`),
  );
  const field = (n: number, name: string) => `json_extract(j.value, '$[${n}]') AS ${name}`;
  const names = ['figure', 'variable', 'kind', 'node', 'side', 'bound', 'inclusive', 'start_at', 'end_at', 'claim_id'];
  const exists = (side: 'high' | 'low') => `EXISTS (SELECT 1 FROM figure_span o JOIN claim co ON ${probeClaimSql} WHERE ${probeMeetsSql('1')} AND ${probeSideSql(side)})`;
  const sql = `WITH p AS MATERIALIZED (SELECT ${names.map((n, i) => field(i, n)).join(', ')} FROM json_each(?) j)
    ${(['high', 'low'] as const)
      .map((side) => `SELECT p.figure AS figure, o.claim_id AS claim_id, 0 AS flagged FROM p CROSS JOIN figure_span o JOIN claim co ON ${probeClaimSql} WHERE ${probeMeetsSql('0')} AND ${probeSideSql(side)}`)
      .join(' UNION ALL ')}
    UNION ALL
    SELECT DISTINCT p.figure AS figure, NULL AS claim_id, 1 AS flagged FROM p WHERE (p.side = 'high' AND ${exists('high')}) OR (p.side = 'low' AND ${exists('low')})`;
  return { sql, values: [`[${rows.join(',')}]`] };
}
