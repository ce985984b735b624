import { NumericRange, quantityRange } from '../src/claims/quantity';
import type { QuantityRecord } from '../src/exports/export-rows';
import { FigureLedger } from './discrepancy-flags';
import { Prng } from './prng';

export const VERBS = ['killed', 'wounded', 'displaced', 'detained', 'released', 'surrendered', 'fled', 'arrived in', 'shelled', 'captured'];
export const NOUNS = ['fighters', 'civilians', 'soldiers', 'children', 'trucks', 'families', 'militants', 'aid workers'];
const QUALIFIERS: [string, string][] = [['at least', 'lower'], ['more than', 'lowerx'], ['around', 'approx'], ['up to', 'upper'], ['', 'value']];
const DAY_MS = 86_400_000;

/**
 * The mean step of the ids' clock per claim (bench/generate.ts: 150.5 ms for the claim, half an article's
 * 100.5 ms, 2.5 attributions' 1.5 ms). Event windows are drawn back from c × this step, not from the
 * clock itself, so that they can be drawn again without the rest of the data set (see planClaims).
 */
export const CLAIM_STEP_MS = 204;

/** A variable key as the app accepts it (snake_case: "aid workers" + "arrived in" is aid_workers_arrived_in). */
export function benchVariable(noun: string, verb: string): string {
  return `${noun}_${verb}`.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/** A figure as the bench writes it: the exported quantity's fields (never vague), with the range the flags compare. */
export interface PlannedFigure extends Omit<QuantityRecord, 'vague'> {
  range: NumericRange;
}

/** What the discrepancy flags depend on: liveness, event window (ms after the first claim's planned time) and figures. */
export interface ClaimPlan {
  deleted: boolean;
  start: number | null;
  end: number | null;
  figures: PlannedFigure[];
}

/** Claim `c`'s plan: the next draws from the plans' own PRNG stream. */
function planClaim(prng: Prng, c: number): ClaimPlan {
  const deleted = prng.chance(0.005);
  const start = prng.chance(0.6) ? c * CLAIM_STEP_MS - prng.int(0, 30 * DAY_MS) : null;
  const end = start !== null && prng.chance(0.3) ? start + prng.int(1, 180) * DAY_MS : start;
  const figures: PlannedFigure[] = [];
  if (prng.chance(0.4)) {
    for (let q = prng.int(1, 2); q > 0; q--) {
      const [qualifier, shape] = prng.pick(QUALIFIERS);
      const v = prng.int(1, 5000);
      const money = prng.chance(0.1);
      const figure = {
        variable: money ? 'cash_taken' : benchVariable(prng.pick(NOUNS), prng.pick(VERBS)),
        qualifier: qualifier || null,
        value: shape === 'value' || shape === 'approx' ? v : null,
        lower: shape === 'lower' || shape === 'lowerx' ? v : null,
        lowerInclusive: shape !== 'lowerx',
        upper: shape === 'upper' ? v : null,
        upperInclusive: true,
        approximate: shape === 'approx',
        unit: money ? null : prng.pick(NOUNS),
        currency: money ? 'USD' : null,
      };
      figures.push({ ...figure, range: quantityRange(figure) });
    }
  }
  return { deleted, start, end, figures };
}

/**
 * The claims' plans come from a PRNG stream of their own, so they can be drawn twice: once ahead of the data set,
 * to work out every claim's discrepancy flag (which depends on claims written later), and once as it is written.
 * `flags()` runs the first pass; `next()` replays the stream for the second.
 */
export class ClaimPlans {
  private prng: Prng;
  private c = 0;

  constructor(
    private readonly seed: number,
    private readonly claims: number,
  ) {
    this.prng = new Prng(seed);
  }

  next(): ClaimPlan {
    return planClaim(this.prng, this.c++);
  }

  /** One byte per claim: 1 when the claim is flagged (bench/discrepancy-flags.ts); then the stream starts over. */
  flags(): { flagged: Uint8Array; figures: number } {
    const ledger = new FigureLedger();
    for (let c = 0; c < this.claims; c++) {
      const plan = this.next();
      if (plan.deleted) continue;
      for (const f of plan.figures) ledger.add(c, f.variable, f.range, plan.start, plan.end);
    }
    this.prng = new Prng(this.seed);
    this.c = 0;
    return { flagged: ledger.contradictedClaims(this.claims), figures: ledger.figures };
  }
}
