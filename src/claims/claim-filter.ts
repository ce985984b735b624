import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SpeakerAnonymity } from './analysis/sourcing';
import { sourceNameKey } from '../sources/source-name';
import { Candidates, TextSearch } from '../database/text-search';
import { IdSetSql } from '../database/id-set-sql';
import { Actor } from '../core/actor';
import { isEditorial } from '../core/role';
import { ForbiddenError } from '../common/errors';
import { DeletedFilter } from './claim.enums';
import { ClaimFilterInput } from './dto/claim-filter.input';
import { Claim } from './claim.entity';
import { declaredFilterConditions } from './declared-columns';
import { assertMayFilterReferences } from './declared-references';

const LIVE_ATTRIBUTION = 'a.claim_id = c.id AND a.deleted_at IS NULL';
const SOURCES_NAMED = (param: string) =>
  `(SELECT s.id FROM source s WHERE s.name_key = :${param} UNION SELECT al.source_id FROM source_alias al WHERE al.alias_key = :${param})`;

/**
 * What the list query is planned from, found before it: the ids a filter's source names (`source`,
 * `relayedBy`) stand for, by name or alias, and which of the filter's sets are small enough to start
 * the page from (`startFrom`).
 */
export interface ResolvedFilter {
  source?: string[];
  relayedBy?: string[];
  startFrom?: { published?: boolean; search?: boolean };
}

/**
 * A set counted at no more than this many rows (articles in the window; statements the text index
 * finds) is where a page starts: its claim ids are read first (tens of milliseconds at this size) and
 * the page is the newest of them. A larger set is left to the planner, which walks the newest claims
 * and keeps those in it.
 */
export const START_FROM_ROWS = 10_000;

/**
 * Looks the filter's source names up before the list query, one small query per name, so the list's
 * plan is made for the actual sources: a source named in 2% of the claims is best found by walking the
 * newest claims, a rare one through claim_source's (source_id, claim_id) index, and only the ids tell
 * the planner which (its statistics know the frequent sources).
 *
 * Then counts, up to START_FROM_ROWS, the articles of the publication window and the statements the
 * text index finds (on SQLite: PostgreSQL's planner judges a word from its statistics). A walk of the
 * newest claims assumes the matches are spread over the table; a window of last year's articles, or a
 * rare word, sits among old claims and the walk would read nearly all of them. One article's claims
 * (`articleId`) are always few.
 */
export async function resolveClaimFilter(manager: EntityManager, filter: ClaimFilterInput, textSearch: TextSearch): Promise<ResolvedFilter> {
  const idsNamed = async (name: string) =>
    (
      await manager
        .createQueryBuilder()
        .select('n.id', 'id')
        .from(`(${SOURCES_NAMED('key')})`, 'n')
        .setParameters({ key: sourceNameKey(name) })
        .getRawMany<{ id: string }>()
    ).map((r) => r.id);
  const isSmall = async (set: Candidates | null | undefined) => {
    if (!set) return false;
    const row = await manager
      .createQueryBuilder()
      .select('count(*)', 'n')
      .from(`(${set.sql} LIMIT ${START_FROM_ROWS + 1})`, 'k')
      .setParameters(set.parameters)
      .getRawOne<{ n: string | number }>();
    return Number(row?.n) <= START_FROM_ROWS;
  };
  return {
    source: filter.source ? await idsNamed(filter.source) : undefined,
    relayedBy: filter.relayedBy ? await idsNamed(filter.relayedBy) : undefined,
    startFrom: {
      published: filter.articleId ? true : await isSmall(windowArticles(filter)),
      search: filter.search ? await isSmall(textSearch.statementCandidates(filter.search)) : false,
    },
  };
}

/** The filter's publication window as conditions on article `war`, or null when it has none. */
function windowConditions(filter: ClaimFilterInput): string[] | null {
  const conditions: string[] = [];
  if (filter.publishedFrom) conditions.push('war.published_at >= :publishedFrom');
  if (filter.publishedTo) conditions.push('war.published_at <= :publishedTo');
  return conditions.length ? conditions : null;
}

/** The articles published in the filter's window, when it has one: what the window's size is counted by. */
function windowArticles(filter: ClaimFilterInput): Candidates | null {
  const window = windowConditions(filter);
  if (!window) return null;
  return { sql: `SELECT war.id FROM article war WHERE ${window.join(' AND ')}`, parameters: { publishedFrom: filter.publishedFrom, publishedTo: filter.publishedTo } };
}

/**
 * The claims cited (on a live attribution, by a live citation) in an article of the filter's window or
 * the filter's article: exactly the claims its `articleId`, `publishedFrom` and `publishedTo` keep.
 * `idSet` given: written to start from the window's articles (article's published_at index), each
 * looked up in citation's article_id index; PostgreSQL would otherwise read the whole citation table
 * into a hash for a few thousand articles. Without it: a join, for the EXISTS checked claim by claim.
 */
function publicationCandidates(filter: ClaimFilterInput, idSet?: IdSetSql): Candidates | null {
  const window = windowArticles(filter);
  if (!filter.articleId && !window) return null;
  const conditions = ['pa.deleted_at IS NULL', 'pci.deleted_at IS NULL'];
  if (filter.articleId) conditions.push('pci.article_id = :articleId');
  let articles = '';
  if (window && idSet) conditions.push(idSet.among('pci.article_id', window.sql));
  else if (window) {
    articles = 'JOIN article war ON war.id = pci.article_id ';
    conditions.push(...(windowConditions(filter) ?? []));
  }
  return {
    sql: `SELECT pa.claim_id FROM citation pci ${articles}JOIN attribution pa ON pa.id = pci.attribution_id WHERE ${conditions.join(' AND ')}`,
    parameters: { articleId: filter.articleId, ...window?.parameters },
  };
}

/** `cs.source_id` among the resolved ids, or among the sources of that name when the caller did not resolve them. */
function sourceIdAmong(ids: string[] | undefined, param: string, name: string): [string, Record<string, unknown>] {
  if (!ids) return [`cs.source_id IN ${SOURCES_NAMED(`${param}Key`)}`, { [`${param}Key`]: sourceNameKey(name) }];
  return ids.length ? [`cs.source_id IN (:...${param}Ids)`, { [`${param}Ids`]: ids }] : ['1 = 0', {}];
}

/**
 * Turns a claims filter into SQL conditions on alias `c`. Everything runs in the database:
 * no claim is loaded to be filtered in memory. `named`: what resolveClaimFilter found (the source
 * names' ids, which lets the planner see which sources they are, and the small sets to start from);
 * `idSet` writes "start from this set" for the database.
 */
export function applyClaimFilter(
  qb: SelectQueryBuilder<Claim>,
  filter: ClaimFilterInput,
  textSearch: TextSearch,
  named: ResolvedFilter = {},
  idSet?: IdSetSql,
): SelectQueryBuilder<Claim> {
  /** Adds "c.id among the set" when the set is small and the database's form is known; whether it did. */
  const startFrom = (small: boolean | undefined, set: Candidates | null) => {
    if (!small || !set || !idSet) return false;
    qb.andWhere(idSet.among('c.id', set.sql), set.parameters);
    return true;
  };
  if (filter.search) {
    textSearch.apply(qb, 'c.statement', filter.search);
    startFrom(named.startFrom?.search, textSearch.statementCandidates(filter.search));
  }
  if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter.tag) qb.andWhere('c.tags LIKE :tagPattern', { tagPattern: `%${JSON.stringify(filter.tag)}%` });
  if (filter.variable) {
    qb.andWhere('EXISTS (SELECT 1 FROM claim_quantity q WHERE q.claim_id = c.id AND q.variable = :variable)', { variable: filter.variable });
  }
  // claim_source (analysis module) lists the sources each claim's live attributions name, as speaker or relay.
  // Written as IN, which PostgreSQL plans as it plans EXISTS (a semi-join, from either side); SQLite runs
  // EXISTS claim by claim, but can start from an IN's list of claim ids (claim_source's (source_id, claim_id)
  // index), newest first, so a rare source's claims are found without walking the others.
  // Each row carries its claim's speaker_anonymity, so with the anonymity filter the source's rows are one range
  // of (source_id, speaker_anonymity, claim_id); the claim's own column below still decides.
  const sameAnonymity = filter.anonymity ? ' AND cs.speaker_anonymity = :anonymity' : '';
  if (filter.sourceId) {
    qb.andWhere(`c.id IN (SELECT cs.claim_id FROM claim_source cs WHERE cs.source_id = :sourceId${sameAnonymity})`, { sourceId: filter.sourceId });
  }
  if (filter.source) {
    const [among, params] = sourceIdAmong(named.source, 'source', filter.source);
    qb.andWhere(`c.id IN (SELECT cs.claim_id FROM claim_source cs WHERE ${among}${sameAnonymity})`, params);
  }
  if (filter.relayedBy) {
    const [among, params] = sourceIdAmong(named.relayedBy, 'relay', filter.relayedBy);
    qb.andWhere(`c.id IN (SELECT cs.claim_id FROM claim_source cs WHERE cs.relays = :relays AND ${among}${sameAnonymity})`, { relays: true, ...params });
  }
  if (filter.sourceKind) {
    qb.andWhere(`EXISTS (SELECT 1 FROM claim_source cs JOIN source s ON s.id = cs.source_id WHERE cs.claim_id = c.id AND cs.speaks = :speaks AND s.kind = :sourceKind)`, {
      speaks: true,
      sourceKind: filter.sourceKind,
    });
  }
  // Maintained with sourcing (claims/analysis/sourcing.ts speakerAnonymityOf); NONE (no live attribution) matches neither.
  if (filter.anonymity) qb.andWhere('c.speaker_anonymity = :anonymity', { anonymity: filter.anonymity satisfies SpeakerAnonymity });
  if (filter.stance) {
    qb.andWhere(`EXISTS (SELECT 1 FROM attribution a WHERE ${LIVE_ATTRIBUTION} AND a.stance = :stance)`, { stance: filter.stance });
  }
  // Either the page starts from the window's claims (a small set), or each claim walked is checked against it.
  const cited = named.startFrom?.published ? publicationCandidates(filter, idSet) : null;
  if (!startFrom(true, cited)) {
    const checked = publicationCandidates(filter);
    if (checked) qb.andWhere(`EXISTS (${checked.sql} AND pa.claim_id = c.id)`, checked.parameters);
  }
  // Event times are windows: a claim matches when its window overlaps the requested range.
  if (filter.eventFrom) qb.andWhere('COALESCE(c.event_time_end, c.event_time_start) >= :eventFrom', { eventFrom: filter.eventFrom });
  if (filter.eventTo) qb.andWhere('c.event_time_start <= :eventTo', { eventTo: filter.eventTo });
  if (filter.place) {
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('lower(c.place_name) = lower(:place)')
          .orWhere('lower(c.place_admin_area) = lower(:place)')
          .orWhere('c.place_country = upper(:place)'),
      ),
      { place: filter.place },
    );
  }
  if (filter.updatedSince) qb.andWhere('c.updated_at >= :updatedSince', { updatedSince: filter.updatedSince });
  if (filter.sourcing) qb.andWhere('c.sourcing = :sourcing', { sourcing: filter.sourcing });
  if (filter.minIndependentSources != null) {
    qb.andWhere('c.independent_source_count >= :minIndependent', { minIndependent: filter.minIndependentSources });
  }
  if (filter.maxIndependentSources != null) {
    qb.andWhere('c.independent_source_count <= :maxIndependent', { maxIndependent: filter.maxIndependentSources });
  }
  if (filter.circular != null) qb.andWhere('c.circular = :circular', { circular: filter.circular });
  if (filter.hasDiscrepancy != null) qb.andWhere('c.has_discrepancy = :hasDiscrepancy', { hasDiscrepancy: filter.hasDiscrepancy });
  const metadata = qb.connection.getMetadata(Claim);
  for (const [condition, parameters] of declaredFilterConditions(filter, (p) => metadata.findColumnWithPropertyName(p)!.databaseName)) qb.andWhere(condition, parameters);
  return qb;
}

/**
 * `deleted`: left out by default; INCLUDE or ONLY for editors and admins, refused for anyone else
 * wherever the filter is used (the claims query, exports), so a researcher never gets an answer
 * that claims to be something it is not.
 */
/** Whether the filter narrows the list beyond live or deleted: any condition other than `deleted`. */
export function hasConditions(filter: ClaimFilterInput): boolean {
  return Object.entries(filter).some(([key, value]) => value != null && key !== 'deleted');
}

export function applyDeletedFilter(qb: SelectQueryBuilder<Claim>, filter: ClaimFilterInput, actor: Actor | undefined): SelectQueryBuilder<Claim> {
  if (!assertMaySeeDeleted(filter, actor)) return qb;
  qb.withDeleted();
  if (filter.deleted === DeletedFilter.ONLY) qb.andWhere('c.deleted_at IS NOT NULL');
  return qb;
}

/**
 * Whether the filter asks for deleted claims; throws FORBIDDEN when it does and the actor may not see them, or when
 * it filters on a reference the actor may not read (every list and export of claims passes here).
 */
export function assertMaySeeDeleted(filter: ClaimFilterInput, actor: Actor | undefined): boolean {
  assertMayFilterReferences(filter, actor);
  if (!filter.deleted || filter.deleted === DeletedFilter.EXCLUDE) return false;
  if (actor && !isEditorial(actor.role)) throw new ForbiddenError('Only editors and admins can list deleted claims (filter deleted)');
  return true;
}
