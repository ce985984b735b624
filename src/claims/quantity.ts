import { FieldError } from '../common/errors';

export interface QuantityShape {
  value?: number | null;
  lower?: number | null;
  lowerInclusive?: boolean | null;
  upper?: number | null;
  upperInclusive?: boolean | null;
  approximate?: boolean | null;
}

/** Checks that a quantity describes a possible number; returns errors under `field`. */
export function quantityProblems(q: QuantityShape, field: string): FieldError[] {
  const problems: FieldError[] = [];
  const { value, lower, upper } = q;
  const has = (n?: number | null): n is number => n !== null && n !== undefined;
  if (!has(value) && !has(lower) && !has(upper)) {
    problems.push({ field, message: 'give a value, a lower bound or an upper bound' });
    return problems;
  }
  if (has(lower) && has(upper)) {
    if (lower > upper) problems.push({ field: `${field}.lower`, message: `must not be above upper (${upper})` });
    else if (lower === upper && (q.lowerInclusive === false || q.upperInclusive === false)) {
      problems.push({ field: `${field}.lower`, message: 'equal bounds must both be inclusive' });
    }
  }
  if (has(value) && has(lower) && (value < lower || (value === lower && q.lowerInclusive === false))) {
    problems.push({ field: `${field}.value`, message: `must lie within the lower bound (${lower})` });
  }
  if (has(value) && has(upper) && (value > upper || (value === upper && q.upperInclusive === false))) {
    problems.push({ field: `${field}.value`, message: `must lie within the upper bound (${upper})` });
  }
  return problems;
}

export interface NumericRange {
  low: number;
  lowInclusive: boolean;
  high: number;
  highInclusive: boolean;
}

/**
 * Relative slack granted to an approximate figure: "about 300" is read as 300 ± 10%.
 * Documented in docs/sourcing-rules.md; the discrepancy rule depends on it.
 */
export const APPROXIMATE_TOLERANCE_PERCENT = 10;
export const APPROXIMATE_TOLERANCE = APPROXIMATE_TOLERANCE_PERCENT / 100;

/**
 * `n` widened by the tolerance, down (-1) or up (+1), as n * (100 ± 10) / 100: "about 400" is exactly 360 to 440,
 * where n * 1.1 would give 440.00000000000006. The SQL twin does the same double-precision steps in the same order.
 */
export function widenApproximate(n: number, dir: -1 | 1): number {
  return (n * (100 + dir * APPROXIMATE_TOLERANCE_PERCENT)) / 100;
}

/** The set of numbers a reported quantity allows. */
export function quantityRange(q: QuantityShape): NumericRange {
  const has = (n?: number | null): n is number => n !== null && n !== undefined;
  // Figures are never negative (inputs are validated), so widening is a multiplication, as in the SQL twin.
  const widen = (n: number, dir: -1 | 1) => (q.approximate ? widenApproximate(n, dir) : n);
  if (has(q.value) && !has(q.lower) && !has(q.upper)) {
    return { low: widen(q.value, -1), lowInclusive: true, high: widen(q.value, 1), highInclusive: true };
  }
  return {
    low: has(q.lower) ? widen(q.lower, -1) : -Infinity,
    lowInclusive: has(q.lower) ? q.lowerInclusive !== false || !!q.approximate : false,
    high: has(q.upper) ? widen(q.upper, 1) : Infinity,
    highInclusive: has(q.upper) ? q.upperInclusive !== false || !!q.approximate : false,
  };
}

/** True when no single number satisfies both ranges: the two figures cannot both be right. */
export function rangesConflict(a: NumericRange, b: NumericRange): boolean {
  return separated(a, b) || separated(b, a);
}

function separated(left: NumericRange, right: NumericRange): boolean {
  if (left.high < right.low) return true;
  return left.high === right.low && !(left.highInclusive && right.lowInclusive);
}
