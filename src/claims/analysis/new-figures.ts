import { EntityManager } from 'typeorm';
import { ClaimQuantity } from '../claim-quantity.entity';
import { queryPrepared } from '../../database/prepared-in-transaction';
import { newFigureProbesSql } from './discrepancy-sql';
import { FigureSpan } from './figure-span.entity';
import { EventWindow, spanKeys, storedRange } from './figure-spans';

/** Figures per probe statement: bounds its parameters (up to about 60 a figure) on both databases. */
const FIGURES_PER_PROBE = 100;

export interface NewClaimFigures {
  claimId: string;
  eventTime: EventWindow | null;
  quantities: ClaimQuantity[];
}

export interface FiledFigures {
  /** Whether the new claim has a contradiction: its has_discrepancy. */
  flagged: boolean;
  /** The new claim's figure_span rows, carrying its flag, to insert with it. */
  spans: FigureSpan[];
  /** Recorded live claims not flagged yet that the new figures contradict (flagContradicted). */
  contradicted: string[];
}

/**
 * Works out, before it is written, the discrepancy flag of a new claim whose figures are in memory, with the
 * rule that refreshDiscrepancyFlags applies after a write (figure-span-index.ts): the recorded figures are
 * probed in one statement per FIGURES_PER_PROBE figures (discrepancy-sql.ts newFigureProbesSql), and the
 * figure_span rows are built flagged as the claim is. The writer inserts the claim with its flag and the rows
 * in its own statement, so no flag is read back or flipped: that is what keeps logClaim's statements few.
 * One claim at a time: new claims are not compared with each other here (an import's pass at its end does that).
 */
export async function planNewFigures(manager: EntityManager, claim: NewClaimFigures): Promise<FiledFigures> {
  const window = claim.eventTime?.start ? claim.eventTime : null;
  const figures = claim.quantities.map((q) => ({ q, window, claimId: claim.claimId }));
  let flagged = false;
  const contradicted = new Set<string>();
  for (let at = 0; at < figures.length; at += FIGURES_PER_PROBE) {
    const { sql, params } = newFigureProbesSql(figures.slice(at, at + FIGURES_PER_PROBE));
    if (!sql) continue;
    const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    for (const row of await queryPrepared<{ claim_id: string; flagged: number | boolean }>(manager, query, values)) {
      flagged = true;
      if (!Number(row.flagged)) contradicted.add(row.claim_id);
    }
  }
  const keys = spanKeys(window);
  const spans = claim.quantities.flatMap((q) =>
    keys.map((key) => manager.create(FigureSpan, { quantityId: q.id, claimId: claim.claimId, variable: q.variable, ...key, ...storedRange(q), flagged })),
  );
  return { flagged, spans, contradicted: [...contradicted] };
}
