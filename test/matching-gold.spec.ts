import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoldSplit, buildSplit } from './fixtures/matching/gold-set';
import { HARD_DIR, HARD_NEGATIVE_KINDS, loadHardSplit } from './fixtures/matching/hard-set';

const DIR = join(__dirname, 'fixtures/matching');

describe('matching gold set', () => {
  it('keeps the blind part exactly as frozen before any tuning (its hash is recorded)', () => {
    const [recorded] = readFileSync(join(DIR, 'gold-blind.sha256'), 'utf8').split(/\s+/);
    const actual = createHash('sha256').update(readFileSync(join(DIR, 'gold-blind.json'))).digest('hex');
    expect(actual).toBe(recorded);
  });

  it('has at least 200 labelled pairs, same and different, with every hard negative kind in both parts', () => {
    const blind = JSON.parse(readFileSync(join(DIR, 'gold-blind.json'), 'utf8')) as GoldSplit;
    const dev = buildSplit(false);
    expect(blind.pairs.length + dev.pairs.length).toBeGreaterThanOrEqual(200);
    for (const split of [blind, dev]) {
      const kinds = new Set(split.pairs.filter((p) => !p.same).map((p) => p.kind));
      expect([...kinds].sort()).toEqual(['denial', 'other-day', 'other-variable', 'revised', 'unrelated']);
      expect(split.pairs.some((p) => p.same)).toBe(true);
      const ids = new Set(split.claims.map((c) => c.id));
      for (const p of split.pairs) expect(ids.has(p.a) && ids.has(p.b)).toBe(true);
    }
    // The dev part never contains a blind claim.
    const blindIds = new Set(blind.claims.map((c) => c.id));
    expect(dev.claims.filter((c) => blindIds.has(c.id))).toEqual([]);
  });

  describe('hand-varied set', () => {
    it('keeps its blind part exactly as frozen in 68d9500, before any tuning (its hash is recorded)', () => {
      const [recorded] = readFileSync(join(HARD_DIR, 'hard-blind.sha256'), 'utf8').split(/\s+/);
      const actual = createHash('sha256').update(readFileSync(join(HARD_DIR, 'hard-blind.json'))).digest('hex');
      expect(actual).toBe(recorded);
    });

    it('has at least 120 pairs, same and different, every hard negative kind in both parts, and no claim in both parts', () => {
      const dev = loadHardSplit('dev');
      const blind = loadHardSplit('blind');
      expect(dev.pairs.length + blind.pairs.length).toBeGreaterThanOrEqual(120);
      for (const split of [dev, blind]) {
        const kinds = new Set(split.pairs.filter((p) => !p.same).map((p) => p.kind));
        expect([...kinds].sort()).toEqual(HARD_NEGATIVE_KINDS);
        expect(split.pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(15);
        const ids = new Set(split.claims.map((c) => c.id));
        expect(ids.size).toBe(split.claims.length);
        for (const p of split.pairs) expect(ids.has(p.a) && ids.has(p.b)).toBe(true);
      }
      const blindIds = new Set(blind.claims.map((c) => c.id));
      expect(dev.claims.filter((c) => blindIds.has(c.id))).toEqual([]);
      // No statement is shared either: a blind claim copied into dev would be tuned on.
      const blindTexts = new Set(blind.claims.map((c) => c.statement));
      expect(dev.claims.filter((c) => blindTexts.has(c.statement))).toEqual([]);
    });
  });
});
