import type { ResultOf, VariablesOf } from '../graphql';
import { graphql } from '../graphql';

export const SuggestQuery = graphql(`
  query Suggest($text: String!, $publishedAt: DateTime) {
    suggestAttributions(text: $text, publishedAt: $publishedAt) {
      id sentenceIndex confidence mode stance anonymityGranted anonymityReason relationship conditions
      content { start end text }
      cue { start end text }
      hedge { start end text }
      speaker { start end text }
      antecedent { suggestionId sentenceIndex start end text }
      place { start end text countryCode latitude longitude geonameId }
      source { text descriptor start end anonymous kind matchedSourceId canonicalName affiliation }
      chain { text descriptor start end anonymous kind cue matchedSourceId canonicalName }
      quantities { text start end suggestedVariable lower upper value lowerInclusive upperInclusive approximate qualifier unit currency vague }
      eventTime { text start end from until precision }
      saidAt { text start end from until precision }
    }
  }
`);

export const LogClaim = graphql(`
  mutation LogClaim($input: LogClaimInput!) {
    logClaim(input: $input) { id statement attributionLine attributions { id } }
  }
`);

type Suggestion = ResultOf<typeof SuggestQuery>['suggestAttributions'][number];
export type LogInput = VariablesOf<typeof LogClaim>['input'];
export type SourceKind = NonNullable<NonNullable<LogInput['attributions'][number]['source']>['kind']>;
export type Stance = NonNullable<LogInput['attributions'][number]['stance']>;
export type Mode = NonNullable<LogInput['attributions'][number]['mode']>;
export type Precision = NonNullable<NonNullable<LogInput['eventTime']>['precision']>;

export const KINDS: SourceKind[] = ['ACTIVIST_COLLECTIVE', 'ANONYMOUS', 'ARMED_GROUP', 'GOVERNMENT', 'INDIVIDUAL', 'MEDIA_OUTLET', 'MILITARY', 'MONITORING_GROUP', 'NEWS_AGENCY', 'NGO'];
export const STANCES: Stance[] = ['ASSERTS', 'DENIES', 'QUESTIONS'];
export const PRECISIONS: Precision[] = ['EXACT', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];

export interface Article {
  url: string;
  headline: string;
  publisher: string;
  wireAgency: string;
  publishedAt: string;
  bodyText: string;
}

export interface Hop {
  name: string;
  sourceId?: string;
  kind: SourceKind;
  cue: string;
  /** The gazetteer's name the phrase matched, shown beside the phrase; not sent. */
  canonicalName?: string;
}

/** What the extractor read about the speaker, shown for review; logClaim takes only the edited fields. */
export interface SpeakerReading {
  /** The phrase as written, with its offsets. */
  text: string;
  start: number;
  end: number;
  canonicalName?: string;
  affiliation?: string;
  /** For anaphora ("The group said"): the earlier mention it resolves to. */
  antecedent?: { text: string; sentenceIndex: number; suggestionId: string };
  sentenceIndex: number;
  suggestionId: string;
}

export interface Attr {
  name: string;
  sourceId?: string;
  kind: SourceKind;
  anonymityReason: string;
  /** The copy grants anonymity ("spoke on condition of anonymity"); with the reason when one is given. */
  anonymityGranted: boolean;
  /** When the source spoke, apart from the event time; sent as saidAt. */
  saidAt: string;
  /** The said time as written ("on Wednesday"). */
  saidText?: string;
  reading?: SpeakerReading;
  relationship: string;
  cue: string;
  mode: Mode;
  stance: Stance;
  conditions: string;
  via: Hop[];
  quote: string;
  startOffset?: number;
  endOffset?: number;
}

export interface Qty {
  variable: string;
  lower: string;
  upper: string;
  value: string;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  approximate: boolean;
  qualifier: string;
  unit: string;
  currency: string;
  /** "dozens", "hundreds": the bounds are a conventional range, not a count. */
  vague: boolean;
  /** As written. */
  text?: string;
}

export type Mark = { start: number; end: number; kind: 'source' | 'cue' | 'content' | 'figure' | 'relay' | 'time' | 'place' };

export interface Card {
  key: number;
  statement: string;
  /** The reporter's one-line summary, in their own words (never suggested). */
  summary: string;
  hedge: string;
  eventStart: string;
  eventEnd: string;
  precision: Precision | '';
  /** The event time as written ("on Tuesday"). */
  eventText?: string;
  place: string;
  /** ISO 3166-1 alpha-2. */
  placeCountry: string;
  placeAdminArea: string;
  latitude: string;
  longitude: string;
  geonameId?: number;
  tags: string;
  quantities: Qty[];
  attributions: Attr[];
  state: 'pending' | 'accepted' | 'rejected';
  confidence?: string;
  marks: Mark[];
  claimId?: string;
  errors: Record<string, string>;
}

let nextKey = 1;

export const emptyAttr = (): Attr => ({
  name: '',
  kind: 'INDIVIDUAL',
  anonymityReason: '',
  anonymityGranted: false,
  saidAt: '',
  relationship: '',
  cue: 'said',
  mode: 'PARAPHRASE',
  stance: 'ASSERTS',
  conditions: '',
  via: [],
  quote: '',
});

export const emptyQty = (): Qty => ({ variable: '', lower: '', upper: '', value: '', lowerInclusive: true, upperInclusive: true, approximate: false, qualifier: '', unit: '', currency: '', vague: false });

export function blankCard(): Card {
  return { key: nextKey++, statement: '', summary: '', hedge: '', eventStart: '', eventEnd: '', precision: '', place: '', placeCountry: '', placeAdminArea: '', latitude: '', longitude: '', tags: '', quantities: [], attributions: [emptyAttr()], state: 'pending', marks: [], errors: {} };
}

/** "Monday" comes as [Monday 00:00, Tuesday 00:00) at DAY precision: the start and the precision already say that. */
function isOneUnit(from: string, until: string, precision: string): boolean {
  const d = new Date(from);
  const next = new Date(d);
  if (precision === 'HOUR') next.setUTCHours(d.getUTCHours() + 1);
  else if (precision === 'DAY') next.setUTCDate(d.getUTCDate() + 1);
  else if (precision === 'WEEK') next.setUTCDate(d.getUTCDate() + 7);
  else if (precision === 'MONTH') next.setUTCMonth(d.getUTCMonth() + 1);
  else if (precision === 'YEAR') next.setUTCFullYear(d.getUTCFullYear() + 1);
  return until === from || next.getTime() === new Date(until).getTime();
}

const num = (n: number | null | undefined) => (n == null ? '' : String(n));

/** A suggestion becomes an editable card, every field prefilled from what the extractor found. */
export function cardFromSuggestion(s: Suggestion, text: string): Card {
  const start = Math.min(s.source.start, s.cue.start, s.content.start, ...s.chain.map((h) => h.start));
  const end = Math.max(s.source.end, s.cue.end, s.content.end, ...s.chain.map((h) => h.end));
  const ev = s.eventTime;
  const marks: Mark[] = [
    { start: s.content.start, end: s.content.end, kind: 'content' },
    ...s.quantities.map((q) => ({ start: q.start, end: q.end, kind: 'figure' as const })),
    ...(s.eventTime ? [{ start: s.eventTime.start, end: s.eventTime.end, kind: 'time' as const }] : []),
    ...(s.saidAt ? [{ start: s.saidAt.start, end: s.saidAt.end, kind: 'time' as const }] : []),
    ...(s.place ? [{ start: s.place.start, end: s.place.end, kind: 'place' as const }] : []),
    { start: s.cue.start, end: s.cue.end, kind: 'cue' },
    ...s.chain.map((h) => ({ start: h.start, end: h.end, kind: 'relay' as const })),
    { start: s.source.start, end: s.source.end, kind: 'source' },
  ];
  return {
    key: nextKey++,
    statement: s.content.text,
    summary: '',
    hedge: s.hedge?.text ?? '',
    // The event time only: the time it was said is never reused as the time of the event.
    eventStart: ev?.from ?? '',
    eventEnd: ev && !isOneUnit(ev.from, ev.until, ev.precision) ? ev.until : '',
    precision: ev?.precision ?? '',
    eventText: ev?.text,
    place: s.place?.text ?? '',
    placeCountry: s.place?.countryCode ?? '',
    placeAdminArea: '',
    latitude: num(s.place?.latitude),
    longitude: num(s.place?.longitude),
    geonameId: s.place?.geonameId ?? undefined,
    tags: '',
    quantities: s.quantities.map((q) => ({
      variable: q.suggestedVariable,
      lower: num(q.lower),
      upper: num(q.upper),
      value: num(q.value),
      lowerInclusive: q.lowerInclusive,
      upperInclusive: q.upperInclusive,
      approximate: q.approximate,
      qualifier: q.qualifier ?? '',
      unit: q.unit ?? '',
      currency: q.currency ?? '',
      vague: q.vague,
      text: q.text,
    })),
    attributions: [
      {
        name: s.source.descriptor,
        sourceId: s.source.matchedSourceId ?? undefined,
        kind: s.source.anonymous ? 'ANONYMOUS' : s.source.kind,
        anonymityReason: s.anonymityReason ?? '',
        anonymityGranted: s.anonymityGranted || Boolean(s.anonymityReason),
        saidAt: s.saidAt?.from ?? '',
        saidText: s.saidAt?.text,
        reading: {
          text: s.speaker.text,
          start: s.speaker.start,
          end: s.speaker.end,
          canonicalName: s.source.canonicalName ?? undefined,
          affiliation: s.source.affiliation ?? undefined,
          antecedent: s.antecedent ? { text: s.antecedent.text, sentenceIndex: s.antecedent.sentenceIndex, suggestionId: s.antecedent.suggestionId } : undefined,
          sentenceIndex: s.sentenceIndex,
          suggestionId: s.id,
        },
        relationship: s.relationship ?? '',
        cue: s.cue.text,
        mode: s.mode,
        stance: s.stance,
        conditions: s.conditions.join('\n'),
        via: s.chain.map((h) => ({ name: h.descriptor, sourceId: h.matchedSourceId ?? undefined, kind: h.anonymous ? 'ANONYMOUS' : h.kind, cue: h.cue, canonicalName: h.canonicalName ?? undefined })),
        quote: text.slice(start, end),
        startOffset: start,
        endOffset: end,
      },
    ],
    state: 'pending',
    confidence: s.confidence,
    marks,
    errors: {},
  };
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
const optNum = (s: string) => (s.trim() === '' ? undefined : Number(s));

function sourceRef(name: string, sourceId: string | undefined, kind: SourceKind) {
  return sourceId ? { id: sourceId } : { name: name.trim(), kind };
}

/** The attribution as logClaim and addAttribution take it. */
export function attributionInput(a: Attr): LogInput['attributions'][number] {
  return {
    source: sourceRef(a.name, a.sourceId, a.kind),
    cue: opt(a.cue),
    mode: a.mode,
    stance: a.stance,
    // A reason implies the grant; the grant alone ("said on condition of anonymity") is saved too.
    anonymityGranted: a.anonymityGranted || Boolean(opt(a.anonymityReason)),
    anonymityReason: opt(a.anonymityReason),
    relationship: opt(a.relationship),
    saidAt: opt(a.saidAt),
    conditions: a.conditions.split('\n').map((c) => c.trim()).filter(Boolean),
    via: a.via.map((h) => ({ source: sourceRef(h.name, h.sourceId, h.kind), cue: opt(h.cue) })),
    quote: a.quote ? { quote: a.quote, startOffset: a.startOffset, endOffset: a.endOffset } : undefined,
  };
}

function placeInput(card: Card): LogInput['place'] {
  const name = opt(card.place);
  const country = opt(card.placeCountry)?.toUpperCase();
  const adminArea = opt(card.placeAdminArea);
  const latitude = optNum(card.latitude);
  const longitude = optNum(card.longitude);
  if (!name && !country && !adminArea && latitude == null && longitude == null) return undefined;
  return { name, country, adminArea, latitude, longitude };
}

export function logInput(card: Card, article: Article): LogInput {
  return {
    statement: card.statement,
    summary: opt(card.summary),
    hedge: opt(card.hedge),
    tags: card.tags.split(',').map((t) => t.trim()).filter(Boolean),
    place: placeInput(card),
    eventTime: opt(card.eventStart) ? { start: card.eventStart.trim(), end: opt(card.eventEnd), precision: card.precision || undefined } : undefined,
    quantities: card.quantities.map((q) => ({
      variable: q.variable,
      lower: optNum(q.lower),
      upper: optNum(q.upper),
      value: optNum(q.value),
      lowerInclusive: q.lowerInclusive,
      upperInclusive: q.upperInclusive,
      approximate: q.approximate,
      qualifier: opt(q.qualifier),
      unit: opt(q.unit),
      currency: opt(q.currency),
      vague: q.vague,
    })),
    article: {
      url: article.url.trim(),
      headline: opt(article.headline),
      publisher: opt(article.publisher),
      wireAgency: opt(article.wireAgency),
      publishedAt: opt(article.publishedAt),
      bodyText: opt(article.bodyText),
    },
    attributions: card.attributions.map(attributionInput),
  };
}

/** The card as a similarClaims draft: the claim's fields and the named speakers and relays. */
export function draftInput(card: Card, article: Article) {
  const { statement, hedge, tags, place, eventTime, quantities } = logInput(card, article);
  const speakers = card.attributions.flatMap((a): Array<Attr | Hop> => [a, ...a.via]);
  const sourceIds = speakers.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const sourceNames = speakers.filter((s) => !s.sourceId && s.kind !== 'ANONYMOUS' && s.name.trim()).map((s) => s.name.trim());
  return { statement, hedge, tags, place, eventTime, quantities, sourceIds, sourceNames };
}
