/*
 * Scores claim matching (src/claims/matching) against the gold set (test/fixtures/matching).
 * Run with `npm run eval:matching`. Two gold sets, each with a dev part (tuned on) and a blind part
 * frozen before tuning and never tuned on:
 * - template pairs (gold-set.ts, gold-blind.json): generated from events, an upper bound;
 * - hand-varied pairs (hard-dev.json, hard-blind.json, frozen in 68d9500): each written by hand,
 *   with paraphrase, relayed wording, headlines and hard negatives.
 *
 * - likely tier: a pair is predicted "same" when its score reaches the LIKELY threshold.
 * - top 3: a pair is predicted "same" when either claim is among the other's three best-scoring
 *   candidates in its part (at the POSSIBLE tier or better), as an editor scanning the list would see it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchClaim } from '../src/claims/matching/match-claim';
import { scoreMatch } from '../src/claims/matching/match-score';
import { GoldSplit, buildSplit } from '../test/fixtures/matching/gold-set';
import { loadHardSplit } from '../test/fixtures/matching/hard-set';

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

function pr(predicted: boolean[], actual: boolean[]): Score {
  let tp = 0, fp = 0, fn = 0;
  predicted.forEach((p, i) => {
    if (p && actual[i]) tp++;
    else if (p) fp++;
    else if (actual[i]) fn++;
  });
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}

function evaluate(split: GoldSplit) {
  const claims = new Map<string, MatchClaim>(split.claims.map((c) => [c.id, c]));
  const top3 = new Map<string, Set<string>>();
  for (const c of split.claims) {
    const ranked = split.claims
      .filter((o) => o.id !== c.id)
      .map((o) => ({ id: o.id, r: scoreMatch(c, o) }))
      .filter((x) => x.r.tier !== null)
      .sort((x, y) => y.r.score - x.r.score)
      .slice(0, 3);
    top3.set(c.id, new Set(ranked.map((x) => x.id)));
  }
  const actual = split.pairs.map((p) => p.same);
  const results = split.pairs.map((p) => scoreMatch(claims.get(p.a)!, claims.get(p.b)!));
  const likely = pr(results.map((r) => r.tier === 'LIKELY'), actual);
  const top = pr(split.pairs.map((p) => top3.get(p.a)!.has(p.b) || top3.get(p.b)!.has(p.a)), actual);
  const errors = split.pairs
    .map((p, i) => ({ p, r: results[i] }))
    .filter(({ p, r }) => (r.tier === 'LIKELY') !== p.same)
    .map(({ p, r }) => `  ${p.same ? 'missed' : 'false '} ${p.kind.padEnd(15)} ${p.a} ~ ${p.b} score ${r.score}`);
  return { likely, top, errors, pairs: split.pairs.length };
}

const fmt = (label: string, s: Score) =>
  `${label.padEnd(12)} precision=${s.precision.toFixed(3)} recall=${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

const blind = JSON.parse(readFileSync(join(__dirname, '../test/fixtures/matching/gold-blind.json'), 'utf8')) as GoldSplit;
const parts: Array<[string, GoldSplit, boolean]> = [
  ['template set, dev (tuned on)', buildSplit(false), false],
  ['template set, blind (never tuned on)', blind, true],
  ['hand-varied set, dev (tuned on)', loadHardSplit('dev'), false],
  ['hand-varied set, blind (never tuned on)', loadHardSplit('blind'), true],
];
// --dev while tuning, so the blind figures are not seen after each change; --errors lists the pairs got wrong
// (of the dev parts only: reading the blind part's errors would be tuning on it).
for (const [name, split, isBlind] of parts) {
  if (isBlind && process.argv.includes('--dev')) continue;
  const r = evaluate(split);
  console.log(`${name}: ${r.pairs} pairs`);
  console.log(fmt('likely tier', r.likely));
  console.log(fmt('top 3', r.top));
  if (process.argv.includes('--errors') && !isBlind) console.log(r.errors.join('\n'));
}
