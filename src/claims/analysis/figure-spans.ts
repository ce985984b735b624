import { NumericRange, QuantityShape, quantityRange } from '../quantity';

/**
 * Where a figure is filed in `figure_span` so that "which figures could contradict this one" is a handful of
 * index probes instead of a pass over every figure on the variable.
 *
 * Event windows are filed by UTC day on a segment tree over the days from 1900-01-01 (2^16 days, to 2079;
 * days outside are clamped to the ends, which keeps every overlap an overlap). Two day ranges overlap exactly
 * when one contains the other's first day, so a timed figure is filed under:
 *   COVER: the tree nodes that together cover its days (at most 32, one for an instant);
 *   START: the 17 nodes above its first day;
 *   ANY:   once, so that a figure without event time meets it.
 * A figure without event time is filed under TIMELESS and ANY. A figure meets another when one of its rows
 * and one of the other's share a node with swapped kinds (COVER-START, ANY-TIMELESS). The day test is wider
 * than the rule's overlap of instants, so every probe still checks the exact windows (discrepancy-sql.ts).
 */
export const SPAN_KINDS = { COVER: 'C', START: 'S', ANY: 'A', TIMELESS: 'T' } as const;
export type SpanKind = (typeof SPAN_KINDS)[keyof typeof SPAN_KINDS];

const LEVELS = 16;
const LAST_DAY = (1 << LEVELS) - 1;
const FIRST_DAY_MS = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;

export interface SpanKey {
  kind: SpanKind;
  node: number;
}

export interface EventWindow {
  start: Date | null;
  end: Date | null;
}

/** The day number of an instant on the tree's line, clamped to it. */
export function spanDay(at: Date): number {
  return Math.min(LAST_DAY, Math.max(0, Math.floor((at.getTime() - FIRST_DAY_MS) / DAY_MS)));
}

/** A node's number: its level in the top bits, its index at that level below. */
function node(level: number, index: number): number {
  return level * (LAST_DAY + 1) + index;
}

/** The nodes whose days contain `day`, from the leaf to the root. */
export function ancestorNodes(day: number): number[] {
  return Array.from({ length: LEVELS + 1 }, (_, level) => node(level, day >> level));
}

/** The fewest nodes whose days are exactly first..last (bottom-up canonical cover). */
export function coverNodes(first: number, last: number): number[] {
  const nodes: number[] = [];
  for (let level = 0, a = first, b = last; a <= b; level++, a >>= 1, b >>= 1) {
    if (a & 1) nodes.push(node(level, a++));
    if (!(b & 1)) nodes.push(node(level, b--));
  }
  return nodes;
}

/** The rows a figure with this event window is filed under. */
export function spanKeys(window: EventWindow | null): SpanKey[] {
  if (!window?.start) return [{ kind: SPAN_KINDS.TIMELESS, node: 0 }, { kind: SPAN_KINDS.ANY, node: 0 }];
  const first = spanDay(window.start);
  const last = Math.max(first, spanDay(window.end ?? window.start));
  return [
    { kind: SPAN_KINDS.ANY, node: 0 },
    ...coverNodes(first, last).map((n) => ({ kind: SPAN_KINDS.COVER, node: n })),
    ...ancestorNodes(first).map((n) => ({ kind: SPAN_KINDS.START, node: n })),
  ];
}

/** The kind a row meets in other figures' rows at the same node. */
export const SWAPPED_KIND: Record<SpanKind, SpanKind> = { C: 'S', S: 'C', A: 'T', T: 'A' };

/** The rows of other figures that a figure with this window meets: its own keys with swapped kinds. */
export function probeKeys(window: EventWindow | null): SpanKey[] {
  return spanKeys(window).map((k) => ({ kind: SWAPPED_KIND[k.kind], node: k.node }));
}

/** A figure's range as stored: open ends as NULL, so that no comparison with them holds. */
export interface StoredRange {
  low: number | null;
  lowInclusive: boolean;
  high: number | null;
  highInclusive: boolean;
}

export function storedRange(q: QuantityShape): StoredRange {
  const r: NumericRange = quantityRange(q);
  return {
    low: Number.isFinite(r.low) ? r.low : null,
    lowInclusive: r.lowInclusive,
    high: Number.isFinite(r.high) ? r.high : null,
    highInclusive: r.highInclusive,
  };
}
