export { extractAttributions } from './extract';
export { evaluate, tokenOverlap, sameSourceName } from './evaluate';
export type { GoldPassage, GoldAttribution, GoldQuantity, GoldTime, EvaluationReport, PrecisionRecall, FieldAccuracy } from './evaluate';
export { findQuantities, parseNumber } from './quantities';
export { findTimes, latestWeekdayOnOrBefore } from './times';
export { isBoilerplateLine } from './boilerplate';
export { splitSentences } from './sentences';
export { gazetteerSources, gazetteerPlaces, findGazetteerEntry } from './gazetteer';
export type {
  Suggestion,
  SuggestedSource,
  SuggestedQuantity,
  SuggestedTime,
  SuggestedPlace,
  SuggestedConditions,
  RelayHop,
  Span,
  TextSpan,
  KnownSource,
  ExtractionOptions,
  GuessedSourceKind,
  StanceValue,
  ModeValue,
  Confidence,
  TimePrecision,
} from './suggestion';
