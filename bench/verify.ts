/**
 * Puts each server's answer into one canonical form (ids, counts and order kept; JSON text
 * columns parsed, decimals as numbers, times as epoch ms) so the three can be compared exactly.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const num = (v: Json) => (v === null || v === undefined ? null : Number(v));
const time = (v: Json) => (v === null || v === undefined ? null : Date.parse(v));
const list = (v: Json) => (typeof v === 'string' ? JSON.parse(v) : v);
const aliases = (v: Json) => (v ?? []).map((a: Json) => (typeof a === 'string' ? a : a.alias));
const allNull = (o: Record<string, unknown>) => Object.values(o).every((v) => v === null);

function source(s: Json, detail: boolean) {
  const base = { id: s.id, name: s.name, kind: s.kind };
  return detail ? { ...base, reliability: s.reliability ?? null, aliases: aliases(s.aliases) } : base;
}

function attribution(a: Json, detail: boolean) {
  return {
    id: a.id,
    stance: a.stance,
    cue: a.cue,
    ...(detail
      ? { mode: a.mode, saidAt: time(a.saidAt), credibility: a.credibility, anonymityReason: a.anonymityReason, relationship: a.relationship, conditions: list(a.conditions) }
      : {}),
    source: source(a.source, detail),
    chain: a.chain.map((h: Json) => ({ position: h.position, cue: h.cue, source: source(h.source, detail) })),
    citations: a.citations.map((c: Json) => ({
      id: c.id,
      quote: c.quote,
      ...(detail ? { prefix: c.prefix, suffix: c.suffix, startOffset: c.startOffset, endOffset: c.endOffset } : {}),
      article: {
        id: c.article.id,
        headline: c.article.headline,
        publisher: c.article.publisher,
        publishedAt: time(c.article.publishedAt),
        ...(detail ? { canonicalUrl: c.article.canonicalUrl, wireAgency: c.article.wireAgency, language: c.article.language } : {}),
      },
    })),
  };
}

function listItem(c: Json) {
  return { id: c.id, statement: c.statement, status: c.status, tags: list(c.tags), createdAt: time(c.createdAt), attributions: c.attributions.map((a: Json) => attribution(a, false)) };
}

function detail(c: Json) {
  if (!c) return null;
  const place = c.place !== undefined
    ? c.place
    : { name: c.placeName, adminArea: c.placeAdminArea, country: c.placeCountry, latitude: c.placeLatitude, longitude: c.placeLongitude, precision: c.placePrecision };
  const eventTime = c.eventTime !== undefined ? c.eventTime : { start: c.eventTimeStart, end: c.eventTimeEnd, precision: c.eventTimePrecision };
  const p = place && !allNull(place) ? { ...place, latitude: num(place.latitude), longitude: num(place.longitude) } : null;
  const e = eventTime && (eventTime.start || eventTime.end) ? { start: time(eventTime.start), end: time(eventTime.end), precision: eventTime.precision } : null;
  return {
    id: c.id,
    statement: c.statement,
    hedge: c.hedge,
    status: c.status,
    tags: list(c.tags),
    version: c.version,
    createdAt: time(c.createdAt),
    updatedAt: time(c.updatedAt),
    place: p,
    eventTime: e,
    quantities: c.quantities.map((q: Json) => ({ ...q, value: num(q.value), lower: num(q.lower), upper: num(q.upper) })),
    attributions: c.attributions.map((a: Json) => attribution(a, true)),
  };
}

/** e: claimdesk nests place and event time, PostGraphile and the floor keep them as columns. */
function deskItem(c: Json) {
  const start = c.eventTime !== undefined ? c.eventTime?.start : c.eventTimeStart;
  const end = c.eventTime !== undefined ? c.eventTime?.end : c.eventTimeEnd;
  return {
    id: c.id,
    statement: c.statement,
    status: c.status,
    sourcing: c.sourcing,
    independentSourceCount: c.independentSourceCount,
    hasDiscrepancy: c.hasDiscrepancy,
    circular: c.circular,
    attributionLine: c.attributionLine,
    createdAt: time(c.createdAt),
    deletedAt: time(c.deletedAt),
    eventTime: start || end ? { start: time(start), end: time(end) } : null,
    placeName: c.place !== undefined ? (c.place?.name ?? null) : c.placeName,
    attributions: c.attributions.map((a: Json) => ({
      id: a.id,
      stance: a.stance,
      source: { id: a.source.id, name: a.source.name, anonymous: a.source.anonymous, reliability: a.source.reliability ?? null },
    })),
    conflictsWith: c.conflictsWith.map((x: Json) => x.id),
  };
}

export type Shape = 'list' | 'detail' | 'desk';

/** The comparable part of a response body for a workload whose answer sits at data[root]. */
export function canonical(root: 'claims' | 'claim', body: Json, shape: Shape = root === 'claim' ? 'detail' : 'list'): Json {
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const data = body.data?.[root];
  if (data === undefined) throw new Error(`no data.${root} in ${JSON.stringify(body).slice(0, 300)}`);
  if (shape === 'detail') return detail(data);
  if (shape === 'desk') {
    // Cursors are each server's own; the rest of the connection is compared.
    const { hasNextPage, hasPreviousPage } = data.pageInfo;
    return { nodes: data.nodes.map(deskItem), hasNextPage, hasPreviousPage, totalCount: Number(data.totalCount) };
  }
  return { nodes: data.nodes.map(listItem), hasNextPage: data.pageInfo.hasNextPage };
}

/** The first path where two canonical answers differ, or null when they agree. */
export function firstDifference(a: Json, b: Json, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && a.length !== b.length) return `${path}: ${a.length} items vs ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

/** A one-line digest of what was compared, for the log. */
export function summary(root: 'claims' | 'claim', c: Json): string {
  const claims = root === 'claim' ? [c] : c.nodes;
  const atts = claims.flatMap((x: Json) => x.attributions);
  if (claims[0]?.conflictsWith) {
    const conflicts = claims.reduce((n: number, x: Json) => n + x.conflictsWith.length, 0);
    const lines = claims.filter((x: Json) => x.attributionLine).length;
    return `${claims.length} claims, ${atts.length} attributions, ${lines} attribution lines, ${conflicts} conflicting claims, total ${c.totalCount}`;
  }
  const hops = atts.reduce((n: number, a: Json) => n + a.chain.length, 0);
  const cits = atts.reduce((n: number, a: Json) => n + a.citations.length, 0);
  return `${claims.length} claims, ${atts.length} attributions, ${hops} relay hops, ${cits} citations`;
}
