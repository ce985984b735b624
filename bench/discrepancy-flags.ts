import { NumericRange } from '../src/claims/quantity';

/**
 * The discrepancy flags of a whole generated data set, worked out in memory by the app's rule
 * (docs/sourcing-rules.md, section 5): a live claim is flagged when one of its figures cannot be true with
 * a figure of another live claim on the same variable whose event window overlaps (a claim without event
 * time overlaps every window). The rule is pairwise; this is the same answer in O(n log n) per variable.
 *
 * A figure f is contradicted from below by some g exactly when the g with the lowest upper bound is
 * (at an equal bound an exclusive one is lower: it rules out more), and from above by the g with the
 * highest lower bound. So each figure needs only those two extremes over the figures it is compared with,
 * from a claim other than its own: the extremes of the timeless figures, and, for a timed figure, those of
 * the timed figures whose windows overlap its own, g.start <= f.end and g.end >= f.start. That is a sweep
 * over f.end with a Fenwick tree keyed by g.end.
 */

/**
 * Per slot, the smallest key and the smallest from any other claim. Keys order by value, and at an equal
 * value an exclusive bound first. Upper bounds are stored as they are, lower bounds negated, so both
 * extremes are minimums.
 */
class Extremes {
  readonly value: Float64Array;
  readonly inclusive: Uint8Array;
  readonly claim: Int32Array;

  constructor(slots: number) {
    this.value = new Float64Array(slots * 2).fill(Infinity);
    this.inclusive = new Uint8Array(slots * 2);
    this.claim = new Int32Array(slots * 2).fill(-1);
  }

  offer(slot: number, value: number, inclusive: number, claim: number): void {
    const i = slot * 2;
    if (claim < 0) return;
    if (below(value, inclusive, this.value[i], this.inclusive[i])) {
      // The old best stays as the best of another claim, unless it was this claim's.
      if (this.claim[i] !== claim) this.set(i + 1, this.value[i], this.inclusive[i], this.claim[i]);
      this.set(i, value, inclusive, claim);
    } else if (claim !== this.claim[i] && below(value, inclusive, this.value[i + 1], this.inclusive[i + 1])) {
      this.set(i + 1, value, inclusive, claim);
    }
  }

  /** Offers both keys of another slot (of this or another Extremes). */
  merge(slot: number, from: Extremes, fromSlot: number): void {
    this.offer(slot, from.value[fromSlot * 2], from.inclusive[fromSlot * 2], from.claim[fromSlot * 2]);
    this.offer(slot, from.value[fromSlot * 2 + 1], from.inclusive[fromSlot * 2 + 1], from.claim[fromSlot * 2 + 1]);
  }

  /** The index (into value/inclusive) of the smallest key from a claim other than `claim`, or -1. */
  bestExcept(slot: number, claim: number): number {
    const i = slot * 2;
    const at = this.claim[i] !== claim ? i : i + 1;
    return this.claim[at] < 0 ? -1 : at;
  }

  clear(slot: number): void {
    this.set(slot * 2, Infinity, 0, -1);
    this.set(slot * 2 + 1, Infinity, 0, -1);
  }

  private set(i: number, value: number, inclusive: number, claim: number): void {
    this.value[i] = value;
    this.inclusive[i] = inclusive;
    this.claim[i] = claim;
  }
}

function below(value: number, inclusive: number, than: number, thanInclusive: number): boolean {
  return value < than || (value === than && !inclusive && thanInclusive === 1);
}

const LOW_INCLUSIVE = 1;
const HIGH_INCLUSIVE = 2;

/** The live figures of a data set, in columns; `add` them, then ask `contradictedClaims`. */
export class FigureLedger {
  private size = 0;
  private claim = new Int32Array(1024);
  private variable = new Int32Array(1024);
  private low = new Float64Array(1024);
  private high = new Float64Array(1024);
  private inclusive = new Uint8Array(1024);
  private start = new Float64Array(1024);
  private end = new Float64Array(1024);
  private readonly variables = new Map<string, number>();

  get figures(): number {
    return this.size;
  }

  /** A live claim's figure; `start`/`end` its claim's event window in ms (any common origin), null without one. */
  add(claim: number, variable: string, range: NumericRange, start: number | null, end: number | null): void {
    if (this.size === this.claim.length) this.grow();
    const i = this.size++;
    let v = this.variables.get(variable);
    if (v === undefined) this.variables.set(variable, (v = this.variables.size));
    this.claim[i] = claim;
    this.variable[i] = v;
    this.low[i] = range.low;
    this.high[i] = range.high;
    this.inclusive[i] = (range.lowInclusive ? LOW_INCLUSIVE : 0) | (range.highInclusive ? HIGH_INCLUSIVE : 0);
    this.start[i] = start ?? NaN;
    this.end[i] = start === null ? NaN : Math.max(start, end ?? start);
  }

  /** One byte per claim number below `claims`: 1 when the claim has a contradicted figure. */
  contradictedClaims(claims: number): Uint8Array {
    const flagged = new Uint8Array(claims);
    for (const figures of this.byVariable()) this.flagVariable(figures, flagged);
    return flagged;
  }

  private byVariable(): Int32Array[] {
    const counts = new Int32Array(this.variables.size);
    for (let i = 0; i < this.size; i++) counts[this.variable[i]]++;
    const groups = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(this.variables.size);
    for (let i = 0; i < this.size; i++) groups[this.variable[i]][filled[this.variable[i]]++] = i;
    return groups;
  }

  private flagVariable(figures: Int32Array, flagged: Uint8Array): void {
    const timed = figures.filter((i) => !Number.isNaN(this.start[i]));
    // Slot 0: every figure on the variable (what a timeless figure meets); slot 1: the timeless ones (what every figure meets).
    const all = new Extremes(2);
    const lows = new Extremes(2);
    for (const i of figures) {
      const slots = Number.isNaN(this.start[i]) ? [0, 1] : [0];
      for (const s of slots) {
        all.offer(s, this.high[i], this.inclusive[i] & HIGH_INCLUSIVE ? 1 : 0, this.claim[i]);
        lows.offer(s, -this.low[i], this.inclusive[i] & LOW_INCLUSIVE ? 1 : 0, this.claim[i]);
      }
    }
    for (const i of figures) {
      if (Number.isNaN(this.start[i])) {
        if (this.contradicted(i, all, 0, lows, 0)) flagged[this.claim[i]] = 1;
      }
    }
    if (!timed.length) return;

    // Timed figures: the sweep. Ends in descending order, so "g.end >= f.start" is a prefix of ranks.
    const ends = Float64Array.from(new Set(Array.from(timed, (i) => this.end[i]))).sort().reverse();
    const lastRankAtLeast = (value: number) => {
      // The last rank whose end is >= value (ends descending), or -1.
      let lo = 0;
      let hi = ends.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] >= value) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
    const highs = new Extremes(ends.length + 2);
    const negLows = new Extremes(ends.length + 2);
    const byStart = Int32Array.from(timed).sort((a, b) => this.start[a] - this.start[b]);
    const byEnd = Int32Array.from(timed).sort((a, b) => this.end[a] - this.end[b]);
    const scratch = ends.length + 1; // a slot outside the tree, for a query's answer
    let added = 0;
    for (const f of byEnd) {
      while (added < byStart.length && this.start[byStart[added]] <= this.end[f]) {
        const g = byStart[added++];
        const high = this.inclusive[g] & HIGH_INCLUSIVE ? 1 : 0;
        const low = this.inclusive[g] & LOW_INCLUSIVE ? 1 : 0;
        for (let r = lastRankAtLeast(this.end[g]) + 1; r <= ends.length; r += r & -r) {
          highs.offer(r, this.high[g], high, this.claim[g]);
          negLows.offer(r, -this.low[g], low, this.claim[g]);
        }
      }
      highs.clear(scratch);
      negLows.clear(scratch);
      highs.merge(scratch, all, 1);
      negLows.merge(scratch, lows, 1);
      for (let r = lastRankAtLeast(this.start[f]) + 1; r > 0; r -= r & -r) {
        highs.merge(scratch, highs, r);
        negLows.merge(scratch, negLows, r);
      }
      if (this.contradicted(f, highs, scratch, negLows, scratch)) flagged[this.claim[f]] = 1;
    }
  }

  /** Figure f against the lowest upper bound and the highest lower bound of other claims' figures: rangesConflict. */
  private contradicted(f: number, highs: Extremes, highSlot: number, negLows: Extremes, lowSlot: number): boolean {
    const claim = this.claim[f];
    const lowInclusive = (this.inclusive[f] & LOW_INCLUSIVE) !== 0;
    const highInclusive = (this.inclusive[f] & HIGH_INCLUSIVE) !== 0;
    const h = highs.bestExcept(highSlot, claim);
    if (h >= 0) {
      const gHigh = highs.value[h];
      if (gHigh < this.low[f] || (gHigh === this.low[f] && !(highs.inclusive[h] === 1 && lowInclusive))) return true;
    }
    const l = negLows.bestExcept(lowSlot, claim);
    if (l >= 0) {
      const gLow = -negLows.value[l];
      if (this.high[f] < gLow || (this.high[f] === gLow && !(highInclusive && negLows.inclusive[l] === 1))) return true;
    }
    return false;
  }

  private grow(): void {
    const n = this.claim.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.claim = grown(this.claim);
    this.variable = grown(this.variable);
    this.low = grown(this.low);
    this.high = grown(this.high);
    this.inclusive = grown(this.inclusive);
    this.start = grown(this.start);
    this.end = grown(this.end);
  }
}
