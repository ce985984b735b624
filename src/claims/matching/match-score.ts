import { foldKey } from '../../common/text';
import { foldStatement, trigramSimilarity, trigrams, wordsOfFolded } from '../../common/text-similarity';
import { MatchClaim } from './match-claim';
import { isDenialFolded } from './text-similarity';

/**
 * The thresholds of the two tiers (documented in docs/sourcing-rules.md). A score at or above
 * LIKELY is shown as "likely the same claim", at or above POSSIBLE as "possibly". Short statements
 * and old candidates must clear a higher bar: short texts share words by chance, and an old claim
 * is less likely to be today's report again.
 */
export const MATCH_THRESHOLDS = {
  likely: 0.6,
  possible: 0.4,
  /** Added to both thresholds when either statement has fewer content words than shortWords. */
  shortPenalty: 0.05,
  shortWords: 6,
  /** Added to both thresholds when the candidate was recorded more than oldDays before the claim compared. */
  oldPenalty: 0.05,
  oldDays: 365,
} as const;

export enum MatchTier {
  LIKELY = 'LIKELY',
  POSSIBLE = 'POSSIBLE',
}

export enum MatchReasonCode {
  SIMILAR_TEXT = 'SIMILAR_TEXT',
  SAME_FIGURES = 'SAME_FIGURES',
  COMPATIBLE_FIGURES = 'COMPATIBLE_FIGURES',
  CONFLICTING_FIGURES = 'CONFLICTING_FIGURES',
  SAME_FIGURE_OTHER_VARIABLE = 'SAME_FIGURE_OTHER_VARIABLE',
  OTHER_VARIABLES = 'OTHER_VARIABLES',
  OVERLAPPING_TIME = 'OVERLAPPING_TIME',
  DIFFERENT_TIME = 'DIFFERENT_TIME',
  SAME_PLACE = 'SAME_PLACE',
  DIFFERENT_PLACE = 'DIFFERENT_PLACE',
  SHARED_SOURCES = 'SHARED_SOURCES',
  OPPOSITE_POLARITY = 'OPPOSITE_POLARITY',
}

export interface MatchReason {
  code: MatchReasonCode;
  /** What this reason added to (or took from) the score. */
  weight: number;
  detail: string;
}

export interface MatchResult {
  score: number;
  tier: MatchTier | null;
  reasons: MatchReason[];
}

/** How much each feature weighs; one place, so the eval and the service score alike. */
const W = {
  text: 0.45,
  sameFigures: 0.25,
  compatibleFigures: 0.1,
  conflictingFigures: -0.15,
  otherVariable: -0.3,
  otherVariables: -0.1,
  noFigures: 0.05,
  overlap: 0.15,
  timeUnknown: 0.05,
  apart: -0.4,
  samePlace: 0.1,
  differentPlace: -0.3,
  sharedSources: 0.05,
  opposite: -0.4,
} as const;

const DAY_MS = 86_400_000;

type Quantity = MatchClaim['quantities'][number];

function anchor(q: Quantity): number | null {
  return q.value ?? q.lower ?? q.upper ?? null;
}

function interval(q: Quantity): [number, number] {
  if (q.value !== null) return [q.value, q.value];
  return [q.lower ?? -Infinity, q.upper ?? Infinity];
}

const near = (x: number, y: number) => Math.abs(x - y) <= 0.05 * Math.max(Math.abs(x), Math.abs(y));

function compareFigures(a: Quantity[], b: Quantity[]): MatchReason | null {
  if (!a.length || !b.length) return { code: MatchReasonCode.COMPATIBLE_FIGURES, weight: W.noFigures, detail: 'no figures to compare' };
  const shared = a.filter((qa) => b.some((qb) => qb.variable === qa.variable));
  if (!shared.length) {
    const same = a.find((qa) => b.some((qb) => anchor(qa) !== null && anchor(qb) !== null && near(anchor(qa)!, anchor(qb)!)));
    if (same) return { code: MatchReasonCode.SAME_FIGURE_OTHER_VARIABLE, weight: W.otherVariable, detail: `the same figure counts something else (${same.variable})` };
    // Both give figures, of different things: most often two claims about one event ("9 killed", "90,000 displaced").
    return { code: MatchReasonCode.OTHER_VARIABLES, weight: W.otherVariables, detail: 'the figures count different things' };
  }
  let best: MatchReason | null = null;
  for (const qa of shared) {
    for (const qb of b.filter((x) => x.variable === qa.variable)) {
      const [al, au] = interval(qa);
      const [bl, bu] = interval(qb);
      const overlap = al <= bu && bl <= au;
      const ax = anchor(qa);
      const bx = anchor(qb);
      if (overlap && ax !== null && bx !== null && near(ax, bx)) return { code: MatchReasonCode.SAME_FIGURES, weight: W.sameFigures, detail: `${qa.variable} ${ax}` };
      if (overlap) best = { code: MatchReasonCode.COMPATIBLE_FIGURES, weight: W.compatibleFigures, detail: `${qa.variable} ranges overlap` };
      else if (!best) best = { code: MatchReasonCode.CONFLICTING_FIGURES, weight: W.conflictingFigures, detail: `${qa.variable} ${ax} against ${bx}` };
    }
  }
  return best;
}

function window(t: MatchClaim['eventTime']): [number, number] | null {
  if (!t?.start) return null;
  const start = new Date(t.start).getTime();
  const end = new Date(t.end ?? t.start).getTime();
  // A day (or coarser) is the whole of it; half a day's slack on each side allows for time zones,
  // while the next day but one is another day.
  const width = t.precision === 'YEAR' ? 366 * DAY_MS : t.precision === 'MONTH' ? 31 * DAY_MS : t.precision === 'DAY' ? DAY_MS : 0;
  return [start - DAY_MS / 2, Math.max(end, start + width) + DAY_MS / 2];
}

function compareTime(a: MatchClaim['eventTime'], b: MatchClaim['eventTime']): MatchReason {
  const wa = window(a);
  const wb = window(b);
  if (!wa || !wb) return { code: MatchReasonCode.OVERLAPPING_TIME, weight: W.timeUnknown, detail: 'an event time is missing' };
  if (wa[0] < wb[1] && wb[0] < wa[1]) return { code: MatchReasonCode.OVERLAPPING_TIME, weight: W.overlap, detail: 'the event windows overlap' };
  return { code: MatchReasonCode.DIFFERENT_TIME, weight: W.apart, detail: 'the event windows are apart' };
}

function comparePlace(a: MatchClaim['place'], b: MatchClaim['place']): MatchReason | null {
  if (a?.country && b?.country && a.country.toUpperCase() !== b.country.toUpperCase()) return { code: MatchReasonCode.DIFFERENT_PLACE, weight: W.differentPlace, detail: `${a.country} against ${b.country}` };
  if (!a?.name || !b?.name) return null;
  const same = foldKey(a.name) === foldKey(b.name);
  return same
    ? { code: MatchReasonCode.SAME_PLACE, weight: W.samePlace, detail: a.name }
    : { code: MatchReasonCode.DIFFERENT_PLACE, weight: W.differentPlace, detail: `${a.name} against ${b.name}` };
}

/**
 * A claim with what scoring reads from its statement worked out once: the service scores one claim
 * against a hundred-odd candidates, and folding and splitting the same statement for each was most of
 * the scoring's time.
 */
export interface PreparedClaim {
  claim: MatchClaim;
  grams: Set<string>;
  contentWordCount: number;
  denial: boolean;
}

export function prepareClaim(claim: MatchClaim): PreparedClaim {
  const folded = foldStatement(claim.statement);
  const words = wordsOfFolded(folded);
  return { claim, grams: trigrams(words), contentWordCount: words.length, denial: isDenialFolded(folded) };
}

/** The thresholds that apply to this pair: higher for short statements and old candidates. */
export function thresholdsFor(claim: MatchClaim, candidate: MatchClaim): { likely: number; possible: number } {
  return preparedThresholds(prepareClaim(claim), prepareClaim(candidate));
}

function preparedThresholds(a: PreparedClaim, b: PreparedClaim): { likely: number; possible: number } {
  let extra = 0;
  const short = Math.min(a.contentWordCount, b.contentWordCount) < MATCH_THRESHOLDS.shortWords;
  if (short) extra += MATCH_THRESHOLDS.shortPenalty;
  const reference = a.claim.createdAt ? new Date(a.claim.createdAt).getTime() : Date.now();
  if (b.claim.createdAt && reference - new Date(b.claim.createdAt).getTime() > MATCH_THRESHOLDS.oldDays * DAY_MS) extra += MATCH_THRESHOLDS.oldPenalty;
  return { likely: MATCH_THRESHOLDS.likely + extra, possible: MATCH_THRESHOLDS.possible + extra };
}

/** How likely `candidate` records the same claim as `claim`, with the reasons that add up to the score. */
export function scoreMatch(claim: MatchClaim, candidate: MatchClaim): MatchResult {
  return scorePrepared(prepareClaim(claim), prepareClaim(candidate));
}

/** The reasons that do not read the statements: figures, time, place, shared speakers. */
function structuralReasons(claim: MatchClaim, candidate: MatchClaim): MatchReason[] {
  const reasons: MatchReason[] = [];
  const figures = compareFigures(claim.quantities, candidate.quantities);
  if (figures) reasons.push(figures);
  reasons.push(compareTime(claim.eventTime, candidate.eventTime));
  const place = comparePlace(claim.place, candidate.place);
  if (place) reasons.push(place);
  const shared = claim.speakers.filter((s) => candidate.speakers.includes(s));
  if (shared.length) reasons.push({ code: MatchReasonCode.SHARED_SOURCES, weight: W.sharedSources, detail: `${shared.length} shared speaker(s) or relay(s)` });
  return reasons;
}

/**
 * False when `candidate` cannot reach `threshold` (a tier's base threshold) whatever its statement
 * says: its structural reasons plus the most the text can add fall short. Thresholds only rise from the
 * base and the text's other reason only subtracts, so such a candidate would score below the tier; the
 * service skips reading its statement. The margin covers the score's rounding to three decimals.
 */
export function canReach(claim: MatchClaim, candidate: MatchClaim, threshold: number): boolean {
  return W.text + structuralReasons(claim, candidate).reduce((sum, r) => sum + r.weight, 0) >= threshold - 0.001;
}

/** scoreMatch of two prepared claims. */
export function scorePrepared(a: PreparedClaim, b: PreparedClaim): MatchResult {
  const text = trigramSimilarity(a.grams, b.grams);
  const reasons: MatchReason[] = [
    { code: MatchReasonCode.SIMILAR_TEXT, weight: round(W.text * text), detail: `text similarity ${text.toFixed(2)}` },
    ...structuralReasons(a.claim, b.claim),
  ];
  if (a.denial !== b.denial) reasons.push({ code: MatchReasonCode.OPPOSITE_POLARITY, weight: W.opposite, detail: 'one statement denies what the other asserts' });
  const score = round(Math.min(1, Math.max(0, reasons.reduce((sum, r) => sum + r.weight, 0))));
  const { likely, possible } = preparedThresholds(a, b);
  const tier: MatchTier | null = score >= likely ? MatchTier.LIKELY : score >= possible ? MatchTier.POSSIBLE : null;
  return { score, tier, reasons: reasons.filter((r) => r.weight !== 0) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
