import fc from 'fast-check';
import { ancestorNodes, coverNodes, probeKeys, spanDay, spanKeys } from './figure-spans';

const LEAVES = 1 << 16;
/** The days a node stands for, from its number (level in the top bits). */
const daysOf = (n: number) => {
  const level = Math.floor(n / LEAVES);
  const index = n % LEAVES;
  return [index << level, ((index + 1) << level) - 1];
};
const meets = (a: ReturnType<typeof spanKeys>, b: ReturnType<typeof spanKeys>) => {
  const probes = new Set(a.map((k) => `${k.kind}${k.node}`));
  return b.some((k) => probes.has(`${k.kind}${k.node}`));
};

describe('the event-day tree of figure_span', () => {
  it('covers exactly the days of a range, with disjoint nodes, at most 32 of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LEAVES - 1 }), fc.integer({ min: 0, max: 400 }), (first, length) => {
        const last = Math.min(LEAVES - 1, first + length);
        const nodes = coverNodes(first, last);
        const days = nodes.flatMap((n) => {
          const [a, b] = daysOf(n);
          return Array.from({ length: b - a + 1 }, (_, i) => a + i);
        });
        expect(days.sort((x, y) => x - y)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
        expect(nodes.length).toBeLessThanOrEqual(32);
      }),
    );
  });

  it('gives each day the 17 nodes that contain it, leaf to root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LEAVES - 1 }), (day) => {
        const nodes = ancestorNodes(day);
        expect(nodes).toHaveLength(17);
        for (const n of nodes) {
          const [a, b] = daysOf(n);
          expect(day >= a && day <= b).toBe(true);
        }
      }),
    );
  });

  it('makes two figures meet exactly when their day ranges overlap or either has no time', () => {
    const DAY = 86_400_000;
    const base = Date.UTC(2024, 0, 1);
    const window = fc.option(
      fc.record({ day: fc.integer({ min: 0, max: 60 }), days: fc.integer({ min: 0, max: 40 }) }).map(({ day, days }) => ({ start: new Date(base + day * DAY + 3_600_000), end: new Date(base + (day + days) * DAY + 7_200_000) })),
    );
    fc.assert(
      fc.property(window, window, (a, b) => {
        const overlap = !a || !b || (spanDay(b.start) <= spanDay(a.end) && spanDay(b.end) >= spanDay(a.start));
        expect(meets(probeKeys(a), spanKeys(b))).toBe(overlap);
        expect(meets(probeKeys(b), spanKeys(a))).toBe(overlap);
      }),
    );
  });

  it('clamps days outside 1900..2079 to the ends, so an overlap stays an overlap', () => {
    expect(spanDay(new Date('1850-05-01T00:00:00Z'))).toBe(0);
    expect(spanDay(new Date('1900-01-01T23:59:59Z'))).toBe(0);
    expect(spanDay(new Date('1900-01-02T00:00:00Z'))).toBe(1);
    expect(spanDay(new Date('2200-01-01T00:00:00Z'))).toBe(LEAVES - 1);
  });
});
