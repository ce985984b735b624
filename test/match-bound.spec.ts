import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCH_THRESHOLDS, canReach, scoreMatch } from '../src/claims/matching/match-score';
import { GoldSplit, buildSplit } from './fixtures/matching/gold-set';
import { loadHardSplit } from './fixtures/matching/hard-set';

// similarClaims skips reading the statements of candidates that canReach rules out; that must never drop one
// that would have reached the tier. Every ordered pair of claims in both gold sets is checked.
describe('canReach (the bound similarClaims skips candidates by)', () => {
  it('rules out only pairs that score below the threshold, and does rule some out', () => {
    const blind = JSON.parse(readFileSync(join(__dirname, 'fixtures/matching/gold-blind.json'), 'utf8')) as GoldSplit;
    let ruledOut = 0;
    const wronglyRuledOut: string[] = [];
    for (const split of [buildSplit(false), blind, loadHardSplit('dev'), loadHardSplit('blind')]) {
      for (const a of split.claims) {
        for (const b of split.claims) {
          if (a === b) continue;
          const { score } = scoreMatch(a, b);
          for (const threshold of [MATCH_THRESHOLDS.possible, MATCH_THRESHOLDS.likely]) {
            if (canReach(a, b, threshold)) continue;
            ruledOut++;
            if (score >= threshold) wronglyRuledOut.push(`${a.id} ~ ${b.id} at ${threshold}: ${score}`);
          }
        }
      }
    }
    expect(wronglyRuledOut).toEqual([]);
    expect(ruledOut).toBeGreaterThan(1000);
  });
});
