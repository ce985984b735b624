import { conflictingClaimIdsSql } from '../src/claims/analysis/discrepancy-sql';

/**
 * The SQL floor's hand-written queries. Each workload is one statement that builds the whole
 * response body as JSON inside PostgreSQL, so the node side only forwards text.
 */

const LIVE = 'a.deleted_at IS NULL';

const CHAIN = (fields: string) => `(SELECT coalesce(json_agg(json_build_object('position', h.position, 'cue', h.cue, 'source', ${fields}) ORDER BY h.position), '[]'::json)
  FROM relay_hop h JOIN source hs ON hs.id = h.source_id WHERE h.attribution_id = a.id)`;

const ALIASES = (alias: string) => `(SELECT coalesce(json_agg(al.alias ORDER BY al.alias), '[]'::json) FROM source_alias al WHERE al.source_id = ${alias}.id)`;

/** Attributions of claim `c` as in the list views: speaker, chain, citations with their article. */
const LIST_ATTRIBUTIONS = `(SELECT coalesce(json_agg(json_build_object(
    'id', a.id, 'stance', a.stance, 'cue', a.cue,
    'source', json_build_object('id', s.id, 'name', s.name, 'kind', s.kind),
    'chain', ${CHAIN(`json_build_object('id', hs.id, 'name', hs.name)`)},
    'citations', (SELECT coalesce(json_agg(json_build_object('id', ci.id, 'quote', ci.quote,
        'article', json_build_object('id', ar.id, 'headline', ar.headline, 'publisher', ar.publisher, 'publishedAt', ar.published_at)) ORDER BY ci.id), '[]'::json)
      FROM citation ci JOIN article ar ON ar.id = ci.article_id WHERE ci.attribution_id = a.id AND ci.deleted_at IS NULL)
  ) ORDER BY a.id), '[]'::json)
  FROM attribution a JOIN source s ON s.id = a.source_id WHERE a.claim_id = c.id AND ${LIVE})`;

const LIST_ITEM = `json_build_object('id', c.id, 'statement', c.statement, 'status', c.status, 'tags', c.tags::json, 'createdAt', c.created_at,
  'attributions', ${LIST_ATTRIBUTIONS})`;

/** A page of claims from `pageSql` (which must select claim rows, newest first, LIMIT $1 + 1). */
function claimsPage(pageSql: string): string {
  return `WITH page AS (${pageSql}),
  shown AS (SELECT * FROM page ORDER BY id DESC LIMIT $1)
SELECT json_build_object('data', json_build_object('claims', json_build_object(
  'nodes', coalesce((SELECT json_agg(${LIST_ITEM} ORDER BY c.id DESC) FROM shown c), '[]'::json),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > $1, 'endCursor', (SELECT min(id) FROM shown))
)))::text AS body`;
}

/** a) the newest claims. $1 = page size. */
export const LIST_SQL = claimsPage(`SELECT c.* FROM claim c WHERE c.deleted_at IS NULL ORDER BY c.id DESC LIMIT $1 + 1`);

/** d) keyset page after a claim id. $1 = page size, $2 = the last id of the previous page. */
export const AFTER_SQL = claimsPage(`SELECT c.* FROM claim c WHERE c.deleted_at IS NULL AND c.id < $2 ORDER BY c.id DESC LIMIT $1 + 1`);

/**
 * Claims that a source of this name key (name or alias) speaks to or relays, on live attributions,
 * and whose live speakers are all anonymous: PostGraphile's custom query function (an inlinable SQL
 * function can only look the name up inside the statement; the floor looks it up first, as claimdesk does).
 * `key` is the SQL for the folded name key; `schema` qualifies the tables ("public.").
 *
 * Over the same schema as claimdesk: the maintained claim.speaker_anonymity and claim_source (the
 * sources each claim's live attributions name, each row with its claim's speaker_anonymity). The
 * source's anonymous-only claims are one range of claim_source's (source_id, speaker_anonymity, claim_id).
 */
export function bySourceAnonymousOnly(key: string, schema = ''): string {
  const t = (table: string) => `${schema}${table}`;
  const named = `(SELECT id FROM ${t('source')} WHERE name_key = ${key} UNION SELECT source_id FROM ${t('source_alias')} WHERE alias_key = ${key})`;
  return `SELECT c.* FROM ${t('claim')} c
  WHERE c.deleted_at IS NULL AND c.speaker_anonymity = 'ANONYMOUS_ONLY'
    AND c.id IN (SELECT cs.claim_id FROM ${t('claim_source')} cs WHERE cs.source_id IN ${named} AND cs.speaker_anonymity = 'ANONYMOUS_ONLY')`;
}

/** b, first statement: the ids of the sources of this folded name key (name or alias). $1 = the key. */
export const NAMED_SOURCE_IDS_SQL = `SELECT coalesce(array_agg(n.id), '{}') AS ids FROM (SELECT id FROM source WHERE name_key = $1 UNION SELECT source_id FROM source_alias WHERE alias_key = $1) n`;

/**
 * b, second statement, as claimdesk runs it: the page of claims those sources speak to or relay, run
 * unnamed so PostgreSQL plans it for these very sources: the range of claim_source's
 * (source_id, speaker_anonymity, claim_id) for each, newest first, each claim probed by id.
 * $1 = page size, $2... = the source ids (at least one; the caller answers an empty page without asking).
 */
export function filteredByIdsSql(sourceIds: number): string {
  const ids = Array.from({ length: sourceIds }, (_, i) => `$${i + 2}`).join(', ');
  return claimsPage(`SELECT c.* FROM claim c
  WHERE c.deleted_at IS NULL AND c.speaker_anonymity = 'ANONYMOUS_ONLY'
    AND c.id IN (SELECT cs.claim_id FROM claim_source cs WHERE cs.source_id IN (${ids}) AND cs.speaker_anonymity = 'ANONYMOUS_ONLY')
  ORDER BY c.id DESC LIMIT $1 + 1`);
}

/** b with no source of that name: the empty page. */
export const EMPTY_PAGE_BODY = JSON.stringify({ data: { claims: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } });

const DETAIL_ATTRIBUTIONS = `(SELECT coalesce(json_agg(json_build_object(
    'id', a.id, 'stance', a.stance, 'cue', a.cue, 'mode', a.mode, 'saidAt', a.said_at, 'credibility', a.credibility,
    'anonymityReason', a.anonymity_reason, 'relationship', a.relationship, 'conditions', a.conditions::json,
    'source', json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'reliability', s.reliability, 'aliases', ${ALIASES('s')}),
    'chain', ${CHAIN(`json_build_object('id', hs.id, 'name', hs.name, 'kind', hs.kind, 'aliases', ${ALIASES('hs')})`)},
    'citations', (SELECT coalesce(json_agg(json_build_object('id', ci.id, 'quote', ci.quote, 'prefix', ci.prefix, 'suffix', ci.suffix,
        'startOffset', ci.start_offset, 'endOffset', ci.end_offset,
        'article', json_build_object('id', ar.id, 'canonicalUrl', ar.canonical_url, 'headline', ar.headline, 'publisher', ar.publisher,
          'wireAgency', ar.wire_agency, 'publishedAt', ar.published_at, 'language', ar.language)) ORDER BY ci.id), '[]'::json)
      FROM citation ci JOIN article ar ON ar.id = ci.article_id WHERE ci.attribution_id = a.id AND ci.deleted_at IS NULL)
  ) ORDER BY a.id), '[]'::json)
  FROM attribution a JOIN source s ON s.id = a.source_id WHERE a.claim_id = c.id AND ${LIVE})`;

/** c) one claim with everything. $1 = claim id. */
export const DETAIL_SQL = `SELECT json_build_object('data', json_build_object('claim', (
  SELECT json_build_object('id', c.id, 'statement', c.statement, 'hedge', c.hedge, 'status', c.status, 'tags', c.tags::json,
    'createdAt', c.created_at, 'updatedAt', c.updated_at, 'version', c.version,
    'place', CASE WHEN coalesce(c.place_name, c.place_admin_area, c.place_country, c.place_precision) IS NOT NULL OR c.place_latitude IS NOT NULL OR c.place_longitude IS NOT NULL
      THEN json_build_object('name', c.place_name, 'adminArea', c.place_admin_area, 'country', c.place_country,
        'latitude', c.place_latitude, 'longitude', c.place_longitude, 'precision', c.place_precision) END,
    'eventTime', CASE WHEN c.event_time_start IS NOT NULL OR c.event_time_end IS NOT NULL
      THEN json_build_object('start', c.event_time_start, 'end', c.event_time_end, 'precision', c.event_time_precision) END,
    'quantities', (SELECT coalesce(json_agg(json_build_object('variable', q.variable, 'value', q.value, 'lower', q.lower, 'lowerInclusive', q.lower_inclusive,
        'upper', q.upper, 'upperInclusive', q.upper_inclusive, 'approximate', q.approximate, 'qualifier', q.qualifier, 'unit', q.unit, 'currency', q.currency)
        ORDER BY q.position), '[]'::json) FROM claim_quantity q WHERE q.claim_id = c.id),
    'attributions', ${DETAIL_ATTRIBUTIONS})
  FROM claim c WHERE c.id = $1 AND c.deleted_at IS NULL)))::text AS body`;

/**
 * e) attributionLine (src/claims/analysis/attribution-line.ts) in PostgreSQL, for the floor and for PostGraphile's computed
 * column: claimdesk reads the facts in SQL and applies its one function in Node; the other two need the rule in SQL,
 * written here once. The first asserting origin in full, then "also reported by" the other asserting origins, "denied
 * by", "questioned by"; one mention per origin (an anonymous speaker relayed is known through the innermost relay),
 * each mention its relay chain with cues. `claimId` is the claim's id as an SQL expression.
 */
export function attributionLineSql(claimId: string): string {
  const label = `s.name || CASE WHEN s.kind = 'ANONYMOUS' THEN ' (anonymous)' ELSE '' END`;
  const hops = `(SELECT string_agg(p.part, ', ' ORDER BY p.position) FROM (
        SELECT h.position, CASE WHEN lag(h.position) OVER w IS NULL THEN hs.name ELSE coalesce(lag(h.cue) OVER w, 'citing') || ' ' || hs.name END AS part
        FROM relay_hop h JOIN source hs ON hs.id = h.source_id WHERE h.attribution_id = a.id WINDOW w AS (ORDER BY h.position)) p)`;
  const rendered = `CASE WHEN lh.id IS NULL THEN ${label} ELSE ${hops} || ', ' || coalesce(lh.cue, 'quoting') || ' ' || ${label} END`;
  const origin = `CASE WHEN s.kind <> 'ANONYMOUS' OR s.origin_group_id IS NOT NULL OR lh.id IS NULL THEN 'source:' || coalesce(s.origin_group_id, s.id)
        ELSE 'via:' || coalesce(lh.origin_group_id, lh.id) || ':' || lower(btrim(s.name)) END`;
  return `(SELECT concat_ws('; ',
      max(z.r) FILTER (WHERE z.stance = 'ASSERTS' AND z.n = 1),
      'also reported by ' || string_agg(z.r, ', ' ORDER BY z.id) FILTER (WHERE z.stance = 'ASSERTS' AND z.n > 1),
      'denied by ' || string_agg(z.r, ', ' ORDER BY z.id) FILTER (WHERE z.stance = 'DENIES'),
      'questioned by ' || string_agg(z.r, ', ' ORDER BY z.id) FILTER (WHERE z.stance = 'QUESTIONS'))
    FROM (SELECT y.id, y.stance, y.r, row_number() OVER (PARTITION BY y.stance ORDER BY y.id) AS n FROM (
      SELECT x.id, x.stance, x.r, row_number() OVER (PARTITION BY x.stance, x.origin ORDER BY x.id) AS k FROM (
        SELECT a.id, a.stance, ${rendered} AS r, ${origin} AS origin
        FROM attribution a JOIN source s ON s.id = a.source_id
        LEFT JOIN LATERAL (SELECT h.cue, hs.id, hs.origin_group_id FROM relay_hop h JOIN source hs ON hs.id = h.source_id
          WHERE h.attribution_id = a.id ORDER BY h.position DESC LIMIT 1) lh ON true
        WHERE a.claim_id = ${claimId} AND a.deleted_at IS NULL) x) y WHERE y.k = 1) z)`;
}

/** e) conflictsWith's ids for claim alias `c`, by the app's own discrepancy SQL (as PostGraphile's computed column reads them). */
export const conflictsWithIdsSql = (c: string) => `SELECT k.theirs FROM (${conflictingClaimIdsSql(`${c}.id`)}) k WHERE ${c}.has_discrepancy`;

const DESK_ITEM = `json_build_object('id', c.id, 'statement', c.statement, 'status', c.status, 'sourcing', c.sourcing,
  'independentSourceCount', c.independent_source_count, 'hasDiscrepancy', c.has_discrepancy, 'circular', c.circular,
  'attributionLine', ${attributionLineSql('c.id')}, 'createdAt', c.created_at, 'deletedAt', c.deleted_at,
  'eventTimeStart', c.event_time_start, 'eventTimeEnd', c.event_time_end, 'placeName', c.place_name,
  'attributions', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'stance', a.stance,
      'source', json_build_object('id', s.id, 'name', s.name, 'anonymous', s.kind = 'ANONYMOUS', 'reliability', s.reliability)) ORDER BY a.id), '[]'::json)
    FROM attribution a JOIN source s ON s.id = a.source_id WHERE a.claim_id = c.id AND ${LIVE}),
  'conflictsWith', (SELECT coalesce(json_agg(json_build_object('id', k.theirs) ORDER BY k.theirs), '[]'::json) FROM (${conflictsWithIdsSql('c')}) k))`;

/** e) the desk's claims list: the newest live claims with the desk's columns, and the total. $1 = page size. */
export const DESK_SQL = `WITH page AS (SELECT c.* FROM claim c WHERE c.deleted_at IS NULL ORDER BY c.id DESC LIMIT $1 + 1),
  shown AS (SELECT * FROM page ORDER BY id DESC LIMIT $1)
SELECT json_build_object('data', json_build_object('claims', json_build_object(
  'totalCount', (SELECT count(*) FROM claim WHERE deleted_at IS NULL),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > $1, 'hasPreviousPage', false,
    'startCursor', (SELECT max(id) FROM shown), 'endCursor', (SELECT min(id) FROM shown)),
  'nodes', coalesce((SELECT json_agg(${DESK_ITEM} ORDER BY c.id DESC) FROM shown c), '[]'::json)
)))::text AS body`;
