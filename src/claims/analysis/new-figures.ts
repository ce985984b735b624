import { EntityManager } from 'typeorm';
import { ClaimQuantity } from '../claim-quantity.entity';
import { quantityRange, rangesConflict } from '../quantity';
import { queryPrepared } from '../../database/prepared-in-transaction';
import { DateUtils } from 'typeorm/util/DateUtils';
import { newFigureProbesJson, newFigureProbesSql, newFigureProbesUnnest } from './discrepancy-sql';
import { FigureSpan } from './figure-span.entity';
import { EventWindow, SpanKey, StoredRange, spanKeys, storedRange } from './figure-spans';
import { arrayText } from '../../database/insert-statement';

/**
 * Figures per probe statement: up to 12 members each (3 kinds of row, 2 sides, 2 flags), under SQLite's 500 terms of
 * a compound SELECT.
 */
const FIGURES_PER_PROBE = 40;
/** Figures per batch probe statement (about 20 probe rows each). */
const FIGURES_PER_BATCH_PROBE = 2000;

export interface NewClaimFigures {
  claimId: string;
  eventTime: EventWindow | null;
  quantities: ClaimQuantity[];
}

/** A new figure as figure_span files it: under each of its window's keys, carrying its claim's flag. */
export interface FiledFigure {
  claimId: string;
  quantityId: string;
  variable: string;
  range: StoredRange;
  /** Its window's keys (spanKeys), one array shared by the figures of one window. */
  keys: SpanKey[];
  flagged: boolean;
}

export interface FiledFigures {
  /** The new claims that have a contradiction: their has_discrepancy. */
  flagged: Set<string>;
  /** The new claims' figures, to insert with them as figure_span rows (figureSpanRows, figureSpanInsertUnnest). */
  figures: FiledFigure[];
  /** Recorded live claims not flagged yet that the new figures contradict (flagClaims). */
  contradicted: string[];
}

/**
 * Works out, before they are written, the discrepancy flags of new claims whose figures are in memory (logClaim's
 * batch of one, an import's batch of a few hundred), with the rule that refreshDiscrepancyFlags applies after a write
 * (figure-span-index.ts):
 *
 * - against recorded figures (an import's earlier batches included, whose rows are filed by then): probed in one
 *   statement per FIGURES_PER_PROBE figures (discrepancy-sql.ts newFigureProbesSql), each member one index range;
 * - against each other: in Node, with the rule itself (quantity.ts rangesConflict, and the exact overlap of event
 *   windows, or either without one), since none of them is filed yet.
 *
 * The figure_span rows are built flagged as their claim is. The writer inserts the claims with their flags and the
 * rows in its own statements, so no flag is read back or flipped: that is what keeps the statements few.
 */
export async function planNewFigures(manager: EntityManager, claims: NewClaimFigures[]): Promise<FiledFigures> {
  const windowOf = (c: NewClaimFigures) => (c.eventTime?.start ? c.eventTime : null);
  const figures = claims.flatMap((c) => c.quantities.map((q) => ({ q, window: windowOf(c), claimId: c.claimId })));
  const flagged = new Set<string>();
  const contradicted = new Set<string>();
  const found = (slice: typeof figures, row: { figure: number | string; claim_id: string; flagged: number | boolean }) => {
    flagged.add(slice[Number(row.figure)].claimId);
    if (!Number(row.flagged)) contradicted.add(row.claim_id);
  };
  // A single claim's few figures keep logClaim's statement as it was; a batch's are passed as arrays (PostgreSQL) or
  // JSON (SQLite) to a statement whose text does not depend on them.
  const perStatement = figures.length > FIGURES_PER_PROBE ? FIGURES_PER_BATCH_PROBE : FIGURES_PER_PROBE;
  for (let at = 0; at < figures.length; at += perStatement) {
    const slice = figures.slice(at, at + perStatement);
    if (perStatement === FIGURES_PER_BATCH_PROBE) {
      const { sql, values } =
        manager.connection.options.type === 'postgres' ? newFigureProbesUnnest(slice) : newFigureProbesJson(slice, (d) => DateUtils.mixedDateToUtcDatetimeString(d) as string);
      for (const row of await manager.query(sql, values)) found(slice, row);
      continue;
    }
    const { sql, params } = newFigureProbesSql(slice);
    if (!sql) continue;
    const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    for (const row of await queryPrepared<{ figure: number | string; claim_id: string; flagged: number | boolean }>(manager, query, values)) found(slice, row);
  }
  for (const [a, b] of contradictingPairs(figures)) {
    flagged.add(a);
    flagged.add(b);
  }
  // Nineteen rows for a dated figure, so an import files about 20 per row of its file: kept as one entry per figure
  // with its window's keys (shared by the claims of one window), and expanded by whoever writes them.
  const filed: FiledFigure[] = [];
  const keysOf = new Map<string, SpanKey[]>();
  for (const c of claims) {
    const window = windowOf(c);
    const windowKey = window ? `${new Date(window.start as Date).getTime()} ${window.end ? new Date(window.end).getTime() : ''}` : '';
    let keys = keysOf.get(windowKey);
    if (!keys) keysOf.set(windowKey, (keys = spanKeys(window)));
    const on = flagged.has(c.claimId);
    for (const q of c.quantities) filed.push({ claimId: c.claimId, quantityId: q.id, variable: q.variable, range: storedRange(q), keys, flagged: on });
  }
  return { flagged, figures: filed, contradicted: [...contradicted] };
}

/** The figure_span rows of filed figures, built as the entity's own instances, every column given (what manager.create would make, without its per-row walk of the metadata). */
export function figureSpanRows(figures: FiledFigure[]): FigureSpan[] {
  const spans: FigureSpan[] = [];
  for (const f of figures) {
    const { low, lowInclusive, high, highInclusive } = f.range;
    for (const { kind, node } of f.keys) {
      const span = new FigureSpan();
      span.claimId = f.claimId;
      span.quantityId = f.quantityId;
      span.kind = kind;
      span.node = node;
      span.variable = f.variable;
      span.low = low;
      span.lowInclusive = lowInclusive;
      span.high = high;
      span.highInclusive = highInclusive;
      span.flagged = f.flagged;
      spans.push(span);
    }
  }
  return spans;
}

/**
 * The same rows as figureSpanRows, as one PostgreSQL INSERT ... SELECT: one array element per figure and one per key of
 * each distinct window, joined in SQL. An import's batch sends a twentieth of the values and Node builds no row.
 */
export function figureSpanInsertUnnest(figures: FiledFigure[]): [string, unknown[]] {
  const windows = new Map<SpanKey[], number>();
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], []];
  const keyColumns: unknown[][] = [[], [], []];
  for (const f of figures) {
    let w = windows.get(f.keys);
    if (w === undefined) {
      windows.set(f.keys, (w = windows.size));
      for (const { kind, node } of f.keys) {
        keyColumns[0].push(w);
        keyColumns[1].push(kind);
        keyColumns[2].push(node);
      }
    }
    const row = [f.claimId, f.quantityId, f.variable, f.range.low, f.range.lowInclusive, f.range.high, f.range.highInclusive, f.flagged, w];
    for (let c = 0; c < row.length; c++) columns[c].push(row[c]);
  }
  const sql = `INSERT INTO figure_span (claim_id, quantity_id, kind, node, variable, low, low_inclusive, high, high_inclusive, flagged)
    SELECT f.claim_id, f.quantity_id, k.kind, k.node, f.variable, f.low, f.low_inclusive, f.high, f.high_inclusive, f.flagged
    FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::float8[], $5::bool[], $6::float8[], $7::bool[], $8::bool[], $9::int[])
      AS f(claim_id, quantity_id, variable, low, low_inclusive, high, high_inclusive, flagged, w)
    JOIN unnest($10::int[], $11::varchar[], $12::int[]) AS k(w, kind, node) ON k.w = f.w`;
  return [sql, [...columns, ...keyColumns].map(arrayText)];
}

type NewFigure = { q: ClaimQuantity; window: EventWindow | null; claimId: string };

/** Pairs of different new claims with contradicting figures: same variable, overlapping windows (or either without one), conflicting ranges. */
function contradictingPairs(figures: NewFigure[]): Array<[string, string]> {
  const byVariable = new Map<string, Array<NewFigure & { range: ReturnType<typeof quantityRange>; from: number; to: number }>>();
  for (const f of figures) {
    const from = f.window?.start ? new Date(f.window.start).getTime() : NaN;
    const to = f.window?.start ? new Date(f.window.end ?? f.window.start).getTime() : NaN;
    const list = byVariable.get(f.q.variable) ?? [];
    list.push({ ...f, range: quantityRange(f.q), from, to });
    byVariable.set(f.q.variable, list);
  }
  const pairs: Array<[string, string]> = [];
  for (const list of byVariable.values()) {
    // A batch is a few hundred claims (an import's CLAIMS_PER_BATCH), so comparing each pair is cheaper than an index.
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.claimId === b.claimId) continue;
        const overlap = Number.isNaN(a.from) || Number.isNaN(b.from) || (b.from <= a.to && b.to >= a.from);
        if (overlap && rangesConflict(a.range, b.range)) pairs.push([a.claimId, b.claimId]);
      }
    }
  }
  return pairs;
}
