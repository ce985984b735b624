import { findGazetteerEntry } from './gazetteer';
import { foldForMatching } from './normalize';
import type { StanceValue, ModeValue, Suggestion, TimePrecision } from './suggestion';

export interface GoldQuantity {
  text: string;
  value?: number;
  lower?: number;
  upper?: number;
  lowerInclusive?: boolean;
  upperInclusive?: boolean;
  approximate?: boolean;
  qualifier?: string | null;
  unit?: string | null;
  currency?: string | null;
  /** "dozens", "hundreds", "several": a conventional range, not a count. */
  vague?: boolean;
}

export interface GoldTime {
  start: string;
  end: string;
  precision: TimePrecision;
}

export interface GoldAttribution {
  source: string;
  anonymous: boolean;
  cue: string;
  content: string;
  chain?: string[];
  stance?: StanceValue;
  mode?: ModeValue;
  hedge?: string | null;
  anonymityReason?: string;
  quantities: GoldQuantity[];
  /** Event time. In the wire splits (where `saidAt` is annotated) it never falls back to the said time. */
  time: GoldTime | null;
  /** When annotated (wire splits), the time the source spoke; `time` is then the event time only. */
  saidAt?: GoldTime | null;
  /** When annotated (wire splits), the event place as written, or null. */
  place?: string | null;
  /** When annotated (wire splits): anonymity granted to the speaker (reason in `anonymityReason`). */
  anonymityGranted?: boolean;
  /** When annotated (wire splits): the copy says the claim could not be verified. */
  unverified?: boolean;
}

export interface GoldPassage {
  id: string;
  publishedAt: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface PrecisionRecall {
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldAccuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export interface EvaluationReport {
  passages: number;
  sources: PrecisionRecall;
  cues: PrecisionRecall;
  triples: PrecisionRecall;
  quantityFields: FieldAccuracy;
  timeFields: FieldAccuracy;
  /** Anonymous flag, chain, stance and hedge on matched triples. */
  attributeFields: FieldAccuracy;
  /** Matched triples where gold or prediction has a place (annotated splits only): right when the names agree. */
  places: FieldAccuracy;
  /** Matched triples where gold or prediction has a condition (annotated splits only): grant flag, reason and unverified note all right. */
  conditions: FieldAccuracy;
  /** Suggestions made on passages that expect none (captions, walls, boilerplate, non-attributions). */
  suggestionsOnEmptyPassages: number;
}

export const CONTENT_OVERLAP_THRESHOLD = 0.5;
const QUANTITY_FIELDS = ['value', 'lower', 'upper', 'lowerInclusive', 'upperInclusive', 'approximate', 'qualifier', 'unit', 'currency', 'vague'] as const;

function tokens(text: string): string[] {
  return foldForMatching(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Dice overlap of token multisets: symmetric, so long and short spans are penalised alike. */
export function tokenOverlap(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of right) {
    const remaining = counts.get(token) ?? 0;
    if (remaining > 0) {
      shared += 1;
      counts.set(token, remaining - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

const LEADING_NOISE = /^(the|a|an|one|some)\s+/;

function comparableName(name: string): string {
  return tokens(name).join(' ').replace(LEADING_NOISE, '').replace(/\s+s\b/g, 's');
}

/** Names agree when equal, when one contains the other as whole words, or when both resolve to one gazetteer entry. */
export function sameSourceName(expected: string, predicted: string): boolean {
  const left = comparableName(expected);
  const right = comparableName(predicted);
  if (!left || !right) return false;
  if (left === right) return true;
  if (` ${right} `.includes(` ${left} `) || ` ${left} `.includes(` ${right} `)) return true;
  const leftEntry = findGazetteerEntry(expected);
  return leftEntry !== undefined && leftEntry === findGazetteerEntry(predicted);
}

function sameCue(expected: string, predicted: string): boolean {
  return foldForMatching(expected).trim() === foldForMatching(predicted).trim();
}

function score(truePositives: number, predicted: number, expected: number): PrecisionRecall {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : truePositives / predicted;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predicted, expected, precision, recall, f1 };
}

/** Greedy one-to-one matching; good enough because passages hold few attributions. */
function countMatches<G, P>(expected: G[], predicted: P[], agree: (g: G, p: P) => boolean): Array<[G, P]> {
  const used = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const item of expected) {
    const index = predicted.findIndex((candidate, i) => !used.has(i) && agree(item, candidate));
    if (index >= 0) {
      used.add(index);
      pairs.push([item, predicted[index]]);
    }
  }
  return pairs;
}

function quantityFieldTally(gold: GoldQuantity[], predicted: Suggestion['quantities']): FieldAccuracy {
  let correct = 0;
  let total = 0;
  const used = new Set<number>();
  for (const expected of gold) {
    const expectedFigure = expected.value ?? expected.lower ?? expected.upper;
    const index = predicted.findIndex(
      (candidate, i) => !used.has(i) && (candidate.value ?? candidate.lower ?? candidate.upper) === expectedFigure,
    );
    total += QUANTITY_FIELDS.length;
    if (index < 0) continue;
    used.add(index);
    const found = predicted[index];
    const normalisedGold = {
      value: expected.value,
      lower: expected.lower,
      upper: expected.upper,
      lowerInclusive: expected.lowerInclusive ?? false,
      upperInclusive: expected.upperInclusive ?? false,
      approximate: expected.approximate ?? false,
      qualifier: expected.qualifier ? expected.qualifier.toLowerCase() : null,
      unit: expected.unit ?? null,
      currency: expected.currency ?? null,
      vague: expected.vague ?? false,
    };
    const normalisedFound = { ...found, qualifier: found.qualifier ? found.qualifier.toLowerCase() : null, vague: found.vague ?? false };
    for (const field of QUANTITY_FIELDS) {
      if (normalisedGold[field] === normalisedFound[field]) correct += 1;
    }
  }
  // Spurious quantities cost as much as missed ones, otherwise over-extraction would look free.
  total += (predicted.length - used.size) * QUANTITY_FIELDS.length;
  return { correct, total, accuracy: total === 0 ? 1 : correct / total };
}

function timeFieldTally(gold: GoldTime | null, predicted: Suggestion['time'] | undefined): FieldAccuracy {
  if (gold === null) {
    const correct = predicted === null || predicted === undefined ? 1 : 0;
    return { correct, total: 1, accuracy: correct };
  }
  if (predicted === null || predicted === undefined) return { correct: 0, total: 3, accuracy: 0 };
  let correct = 0;
  if (new Date(gold.start).getTime() === new Date(predicted.start).getTime()) correct += 1;
  if (new Date(gold.end).getTime() === new Date(predicted.end).getTime()) correct += 1;
  if (gold.precision === predicted.precision) correct += 1;
  return { correct, total: 3, accuracy: correct / 3 };
}

function attributeFieldTally(gold: GoldAttribution, predicted: Suggestion): FieldAccuracy {
  const expectedChain = gold.chain ?? [];
  const chainAgrees =
    expectedChain.length === predicted.chain.length &&
    expectedChain.every((name, i) => sameSourceName(name, predicted.chain[i].name));
  const expectedHedge = gold.hedge ? foldForMatching(gold.hedge) : null;
  const foundHedge = predicted.hedge ? foldForMatching(predicted.hedge.text) : null;
  const checks = [
    gold.anonymous === predicted.source.anonymous,
    chainAgrees,
    (gold.stance ?? 'ASSERTS') === predicted.stance,
    expectedHedge === foundHedge,
  ];
  const correct = checks.filter(Boolean).length;
  return { correct, total: checks.length, accuracy: correct / checks.length };
}

/** Event time (and said time, where annotated); the wire splits score the event time without the said-time fallback. */
function timeTally(gold: GoldAttribution, predicted: Suggestion): FieldAccuracy {
  if (gold.saidAt === undefined) return timeFieldTally(gold.time, predicted.time);
  // An extractor without an event time of its own is scored on its legacy `time`.
  const eventTime = predicted.eventTime === undefined ? predicted.time : predicted.eventTime;
  const tally = timeFieldTally(gold.time, eventTime);
  addTally(tally, timeFieldTally(gold.saidAt, predicted.saidAt));
  return tally;
}

function samePlace(expected: string, predicted: string): boolean {
  const left = comparableName(expected);
  const right = comparableName(predicted);
  return left.length > 0 && right.length > 0 && (left === right || ` ${right} `.includes(` ${left} `) || ` ${left} `.includes(` ${right} `));
}

function placeTally(gold: GoldAttribution, predicted: Suggestion): FieldAccuracy {
  if (gold.place === undefined) return { correct: 0, total: 0, accuracy: 1 };
  const found = predicted.place?.name ?? null;
  if (gold.place === null && found === null) return { correct: 0, total: 0, accuracy: 1 };
  const correct = gold.place !== null && found !== null && samePlace(gold.place, found) ? 1 : 0;
  return { correct, total: 1, accuracy: correct };
}

const UNVERIFIED_NOTE = /verif|confirm/i;

function conditionTally(gold: GoldAttribution, predicted: Suggestion): FieldAccuracy {
  if (gold.anonymityGranted === undefined) return { correct: 0, total: 0, accuracy: 1 };
  const conditions = predicted.conditions;
  const granted = conditions.anonymityGranted ?? Boolean(conditions.anonymityReason);
  const unverified = conditions.other.some((note) => UNVERIFIED_NOTE.test(note));
  const goldUnverified = gold.unverified ?? false;
  const involved = gold.anonymityGranted || goldUnverified || granted || unverified || Boolean(conditions.anonymityReason);
  if (!involved) return { correct: 0, total: 0, accuracy: 1 };
  const reasonAgrees = gold.anonymityReason
    ? conditions.anonymityReason !== undefined && tokenOverlap(gold.anonymityReason, conditions.anonymityReason) >= CONTENT_OVERLAP_THRESHOLD
    : conditions.anonymityReason === undefined;
  const correct = granted === gold.anonymityGranted && unverified === goldUnverified && reasonAgrees ? 1 : 0;
  return { correct, total: 1, accuracy: correct };
}

function addTally(into: FieldAccuracy, tally: FieldAccuracy): void {
  into.correct += tally.correct;
  into.total += tally.total;
  into.accuracy = into.total === 0 ? 1 : into.correct / into.total;
}

export function isTripleMatch(gold: GoldAttribution, predicted: Suggestion): boolean {
  return (
    sameSourceName(gold.source, predicted.source.name) &&
    sameCue(gold.cue, predicted.cue.text) &&
    tokenOverlap(gold.content, predicted.content.text) >= CONTENT_OVERLAP_THRESHOLD
  );
}

export type Extractor = (text: string, publishedAt: Date) => Suggestion[];

export function evaluate(passages: GoldPassage[], extract: Extractor): EvaluationReport {
  const counts = { source: [0, 0, 0], cue: [0, 0, 0], triple: [0, 0, 0] };
  const quantityFields: FieldAccuracy = { correct: 0, total: 0, accuracy: 1 };
  const timeFields: FieldAccuracy = { correct: 0, total: 0, accuracy: 1 };
  const attributeFields: FieldAccuracy = { correct: 0, total: 0, accuracy: 1 };
  const places: FieldAccuracy = { correct: 0, total: 0, accuracy: 1 };
  const conditions: FieldAccuracy = { correct: 0, total: 0, accuracy: 1 };
  let suggestionsOnEmptyPassages = 0;

  for (const passage of passages) {
    const predicted = extract(passage.text, new Date(passage.publishedAt));
    const gold = passage.attributions;
    if (gold.length === 0) suggestionsOnEmptyPassages += predicted.length;

    const sourcePairs = countMatches(gold, predicted, (g, p) => sameSourceName(g.source, p.source.name));
    counts.source[0] += sourcePairs.length;
    const cuePairs = countMatches(gold, predicted, (g, p) => sameCue(g.cue, p.cue.text));
    counts.cue[0] += cuePairs.length;
    const triplePairs = countMatches(gold, predicted, isTripleMatch);
    counts.triple[0] += triplePairs.length;
    for (const key of ['source', 'cue', 'triple'] as const) {
      counts[key][1] += predicted.length;
      counts[key][2] += gold.length;
    }

    for (const [expected, found] of triplePairs) {
      addTally(quantityFields, quantityFieldTally(expected.quantities, found.quantities));
      addTally(timeFields, timeTally(expected, found));
      addTally(attributeFields, attributeFieldTally(expected, found));
      addTally(places, placeTally(expected, found));
      addTally(conditions, conditionTally(expected, found));
    }
  }

  return {
    passages: passages.length,
    sources: score(counts.source[0], counts.source[1], counts.source[2]),
    cues: score(counts.cue[0], counts.cue[1], counts.cue[2]),
    triples: score(counts.triple[0], counts.triple[1], counts.triple[2]),
    quantityFields,
    timeFields,
    attributeFields,
    places,
    conditions,
    suggestionsOnEmptyPassages,
  };
}
