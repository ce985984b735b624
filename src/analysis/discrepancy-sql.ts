import { APPROXIMATE_TOLERANCE_PERCENT, NumericRange } from '../claims/quantity';

/**
 * The discrepancy rule of src/claims/quantity.ts (quantityRange + rangesConflict) written as SQL
 * over a claim_quantity alias, so "which claims contradict this figure" is one query instead
 * of a stored pair per contradiction, which grows with the square of a busy variable.
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

/** SQL that is true when quantity `q` cannot be true together with `range`; `p` prefixes the parameter names. */
export function contradictsSql(q: string, range: NumericRange, p: string): { sql: string; params: Record<string, number> } {
  const other = rangeSql(q);
  const sides: string[] = [];
  const params: Record<string, number> = {};
  if (Number.isFinite(range.low)) {
    params[`${p}low`] = range.low;
    const touching = range.lowInclusive ? `NOT ${other.highInclusive}` : '1 = 1';
    sides.push(`(${other.high} < :${p}low OR (${other.high} = :${p}low AND ${touching}))`);
  }
  if (Number.isFinite(range.high)) {
    params[`${p}high`] = range.high;
    const touching = range.highInclusive ? `NOT ${other.lowInclusive}` : '1 = 1';
    sides.push(`(${other.low} > :${p}high OR (${other.low} = :${p}high AND ${touching}))`);
  }
  return { sql: sides.length ? `(${sides.join(' OR ')})` : '1 = 0', params };
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
