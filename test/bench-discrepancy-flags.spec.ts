import { FigureLedger } from '../bench/discrepancy-flags';
import { Prng } from '../bench/prng';
import { quantityRange, QuantityShape, rangesConflict } from '../src/claims/quantity';

interface Figure {
  claim: number;
  variable: string;
  q: QuantityShape;
  start: number | null;
  end: number | null;
}

/** The rule as docs/sourcing-rules.md states it, pair by pair: the oracle. */
function pairwiseFlags(figures: Figure[], claims: number): number[] {
  const flagged = new Array<number>(claims).fill(0);
  for (const f of figures) {
    for (const g of figures) {
      if (f.claim === g.claim || f.variable !== g.variable) continue;
      const overlap = f.start === null || g.start === null || (g.start <= (f.end ?? f.start) && (g.end ?? g.start) >= f.start);
      if (overlap && rangesConflict(quantityRange(f.q), quantityRange(g.q))) flagged[f.claim] = 1;
    }
  }
  return flagged;
}

/** Small numbers and few instants, so that touching bounds, equal instants and shared variables are common. */
function randomFigures(prng: Prng, claims: number): Figure[] {
  const figures: Figure[] = [];
  for (let claim = 0; claim < claims; claim++) {
    const start = prng.chance(0.3) ? null : prng.int(0, 80);
    const end = start === null ? null : prng.chance(0.5) ? start : start + prng.int(0, 6);
    for (let n = prng.int(1, 2); n > 0; n--) {
      const v = prng.int(0, 12) * 10;
      const shape = prng.pick(['value', 'lower', 'upper', 'both'] as const);
      const q: QuantityShape =
        shape === 'value'
          ? { value: v, approximate: prng.chance(0.4) }
          : shape === 'lower'
            ? { lower: v, lowerInclusive: prng.chance(0.5), approximate: prng.chance(0.3) }
            : shape === 'upper'
              ? { upper: v, upperInclusive: prng.chance(0.5), approximate: prng.chance(0.3) }
              : { lower: v, upper: v + prng.int(0, 3) * 10 };
      figures.push({ claim, variable: prng.pick(['a', 'b', 'c', 'd', 'e', 'f']), q, start, end });
    }
  }
  return figures;
}

describe('the benchmark generator\'s discrepancy flags (bench/discrepancy-flags.ts)', () => {
  it('flag exactly the claims the pairwise rule flags, on random figures with ties', () => {
    const prng = new Prng(20261130);
    let flaggedSeen = 0;
    let unflaggedSeen = 0;
    for (let round = 0; round < 60; round++) {
      const claims = prng.int(2, 60);
      const figures = randomFigures(prng, claims);
      const ledger = new FigureLedger();
      for (const f of figures) ledger.add(f.claim, f.variable, quantityRange(f.q), f.start, f.end);
      const expected = pairwiseFlags(figures, claims);
      expect(Array.from(ledger.contradictedClaims(claims))).toEqual(expected);
      flaggedSeen += expected.filter(Boolean).length;
      unflaggedSeen += expected.filter((x) => !x).length;
    }
    // The rounds must exercise both answers, or the comparison proves nothing.
    expect(flaggedSeen).toBeGreaterThan(100);
    expect(unflaggedSeen).toBeGreaterThan(100);
  });

  it('never flags a claim for its own figures, and reads an open bound as no bound', () => {
    const ledger = new FigureLedger();
    // Claim 0 says both "at most 10" and "at least 20"; claim 1 "at least 5" (open above) overlaps claim 0's window.
    ledger.add(0, 'x', quantityRange({ upper: 10 }), 100, 200);
    ledger.add(0, 'x', quantityRange({ lower: 20 }), 100, 200);
    ledger.add(1, 'x', quantityRange({ lower: 5 }), 200, 300);
    // Claim 2 "exactly 50" on another day than claim 3 "exactly 60": apart, no discrepancy.
    ledger.add(2, 'y', quantityRange({ value: 50 }), 0, 10);
    ledger.add(3, 'y', quantityRange({ value: 60 }), 11, 20);
    expect(Array.from(ledger.contradictedClaims(4))).toEqual([0, 0, 0, 0]);
    // Claim 4 without event time meets both and contradicts each.
    ledger.add(4, 'y', quantityRange({ value: 55 }), null, null);
    expect(Array.from(ledger.contradictedClaims(5))).toEqual([0, 0, 1, 1, 1]);
  });

  it('takes an exclusive bound as stricter than an inclusive one at the same number', () => {
    const ledger = new FigureLedger();
    ledger.add(0, 'z', quantityRange({ upper: 10 }), null, null); // "up to 10"
    ledger.add(1, 'z', quantityRange({ upper: 10, upperInclusive: false }), null, null); // "fewer than 10"
    ledger.add(2, 'z', quantityRange({ lower: 10 }), null, null); // "at least 10": only "fewer than 10" rules it out
    ledger.add(3, 'w', quantityRange({ lower: 10 }), null, null);
    ledger.add(4, 'w', quantityRange({ lower: 10, lowerInclusive: false }), null, null); // "more than 10"
    ledger.add(5, 'w', quantityRange({ upper: 10 }), null, null); // "up to 10": only "more than 10" rules it out
    expect(Array.from(ledger.contradictedClaims(6))).toEqual([0, 1, 1, 0, 1, 1]);
  });
});
