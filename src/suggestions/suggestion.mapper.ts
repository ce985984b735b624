import { AttributionMode, Stance } from '../attributions/attribution.enums';
import { TimePrecision } from '../claims/claim.enums';
import { chooseVariable } from '../claims/variables/variable-choice';
import { Span, SuggestedTime, Suggestion } from '../extraction';
import { SourceKind } from '../sources/source.enums';
import { AttributionSuggestionModel, SuggestedTimeModel, SuggestionConfidence, TextSpanModel } from './suggestion.model';

function span(text: string, s: Span): TextSpanModel {
  return { text: text.slice(s.start, s.end), start: s.start, end: s.end };
}

function time(t: SuggestedTime | null): SuggestedTimeModel | null {
  return t ? { text: t.text, start: t.span.start, end: t.span.end, from: new Date(t.start), until: new Date(t.end), precision: t.precision as TimePrecision } : null;
}

/** The fallback when no specific variable applies: "trucks" -> "trucks", a starting key the reporter can rename. */
export function suggestedVariable(unit: string | null, currency: string | null): string {
  const key = (unit ?? (currency ? `money ${currency}` : 'count'))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(key) ? key.slice(0, 100) : `n_${key}`.slice(0, 100);
}

export function toSuggestionModel(text: string, s: Suggestion): AttributionSuggestionModel {
  return {
    id: s.id,
    sentenceIndex: s.sentenceIndex,
    speaker: { text: s.speaker.text, start: s.speaker.start, end: s.speaker.end },
    antecedent: s.antecedent ? { ...s.antecedent } : null,
    content: { text: s.content.text, start: s.content.start, end: s.content.end },
    source: {
      ...span(text, s.source.span),
      text: s.source.name,
      kind: s.source.kind as SourceKind,
      anonymous: s.source.anonymous,
      descriptor: s.source.descriptor,
      matchedSourceId: s.source.matchedSourceId ?? null,
      canonicalName: s.source.canonicalName ?? null,
      affiliation: s.source.affiliation ?? null,
    },
    chain: s.chain.map((hop) => ({
      ...span(text, hop.span),
      text: hop.name,
      kind: hop.kind as SourceKind,
      anonymous: hop.anonymous,
      descriptor: hop.name,
      matchedSourceId: hop.matchedSourceId ?? null,
      canonicalName: null,
      affiliation: null,
      cue: hop.cue,
    })),
    cue: { text: s.cue.text, start: s.cue.start, end: s.cue.end },
    mode: s.mode as AttributionMode,
    stance: s.stance as Stance,
    anonymityGranted: s.conditions.anonymityGranted ?? false,
    anonymityReason: s.conditions.anonymityReason ?? null,
    relationship: s.conditions.relationship ?? null,
    conditions: s.conditions.other,
    hedge: s.hedge ? { text: s.hedge.text, start: s.hedge.start, end: s.hedge.end } : null,
    quantities: s.quantities.map((q) => ({
      ...span(text, q.span),
      text: q.text,
      suggestedVariable:
        chooseVariable(q.unit, q.currency, text.slice(Math.max(0, q.span.start - 200), q.span.start), text.slice(q.span.end, q.span.end + 200)) ??
        suggestedVariable(q.unit, q.currency),
      value: q.value ?? null,
      lower: q.lower ?? null,
      upper: q.upper ?? null,
      lowerInclusive: q.lowerInclusive,
      upperInclusive: q.upperInclusive,
      approximate: q.approximate,
      qualifier: q.qualifier,
      unit: q.unit,
      currency: q.currency,
      vague: q.vague ?? false,
    })),
    time: time(s.time),
    eventTime: time(s.eventTime),
    saidAt: time(s.saidAt),
    place: s.place
      ? {
          text: s.place.name,
          start: s.place.span.start,
          end: s.place.span.end,
          countryCode: s.place.countryCode ?? null,
          latitude: s.place.latitude ?? null,
          longitude: s.place.longitude ?? null,
          geonameId: s.place.geonameId ?? null,
        }
      : null,
    medium: s.medium,
    confidence: s.confidence.toUpperCase() as SuggestionConfidence,
  };
}
