import type { ResultOf, VariablesOf } from '../graphql';
import { graphql } from '../graphql';

export const SuggestQuery = graphql(`
  query Suggest($text: String!, $publishedAt: DateTime) {
    suggestAttributions(text: $text, publishedAt: $publishedAt) {
      confidence mode stance anonymityReason relationship conditions
      content { start end text }
      cue { start end text }
      hedge { start end text }
      place { start end text }
      source { text descriptor start end anonymous kind matchedSourceId }
      chain { text descriptor start end anonymous kind cue matchedSourceId }
      quantities { text start end suggestedVariable lower upper value lowerInclusive upperInclusive approximate qualifier unit currency }
      time { text start end from until precision }
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
}

export interface Attr {
  name: string;
  sourceId?: string;
  kind: SourceKind;
  anonymityReason: string;
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
}

export type Mark = { start: number; end: number; kind: 'source' | 'cue' | 'content' | 'figure' | 'relay' | 'time' | 'place' };

export interface Card {
  key: number;
  statement: string;
  hedge: string;
  eventStart: string;
  eventEnd: string;
  precision: Precision | '';
  place: string;
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
  relationship: '',
  cue: 'said',
  mode: 'PARAPHRASE',
  stance: 'ASSERTS',
  conditions: '',
  via: [],
  quote: '',
});

export const emptyQty = (): Qty => ({ variable: '', lower: '', upper: '', value: '', lowerInclusive: true, upperInclusive: true, approximate: false, qualifier: '', unit: '', currency: '' });

export function blankCard(): Card {
  return { key: nextKey++, statement: '', hedge: '', eventStart: '', eventEnd: '', precision: '', place: '', tags: '', quantities: [], attributions: [emptyAttr()], state: 'pending', marks: [], errors: {} };
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
  const marks: Mark[] = [
    { start: s.content.start, end: s.content.end, kind: 'content' },
    ...s.quantities.map((q) => ({ start: q.start, end: q.end, kind: 'figure' as const })),
    ...(s.time ? [{ start: s.time.start, end: s.time.end, kind: 'time' as const }] : []),
    ...(s.place ? [{ start: s.place.start, end: s.place.end, kind: 'place' as const }] : []),
    { start: s.cue.start, end: s.cue.end, kind: 'cue' },
    ...s.chain.map((h) => ({ start: h.start, end: h.end, kind: 'relay' as const })),
    { start: s.source.start, end: s.source.end, kind: 'source' },
  ];
  return {
    key: nextKey++,
    statement: s.content.text,
    hedge: s.hedge?.text ?? '',
    eventStart: s.time?.from ?? '',
    eventEnd: s.time && !isOneUnit(s.time.from, s.time.until, s.time.precision) ? s.time.until : '',
    precision: s.time?.precision ?? '',
    place: s.place?.text ?? '',
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
    })),
    attributions: [
      {
        name: s.source.descriptor,
        sourceId: s.source.matchedSourceId ?? undefined,
        kind: s.source.anonymous ? 'ANONYMOUS' : s.source.kind,
        anonymityReason: s.anonymityReason ?? '',
        relationship: s.relationship ?? '',
        cue: s.cue.text,
        mode: s.mode,
        stance: s.stance,
        conditions: s.conditions.join('\n'),
        via: s.chain.map((h) => ({ name: h.descriptor, sourceId: h.matchedSourceId ?? undefined, kind: h.anonymous ? 'ANONYMOUS' : h.kind, cue: h.cue })),
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
    anonymityReason: opt(a.anonymityReason),
    relationship: opt(a.relationship),
    conditions: a.conditions.split('\n').map((c) => c.trim()).filter(Boolean),
    via: a.via.map((h) => ({ source: sourceRef(h.name, h.sourceId, h.kind), cue: opt(h.cue) })),
    quote: a.quote ? { quote: a.quote, startOffset: a.startOffset, endOffset: a.endOffset } : undefined,
  };
}

export function logInput(card: Card, article: Article): LogInput {
  return {
    statement: card.statement,
    hedge: opt(card.hedge),
    tags: card.tags.split(',').map((t) => t.trim()).filter(Boolean),
    place: opt(card.place) ? { name: card.place.trim() } : undefined,
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
