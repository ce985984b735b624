import { Brackets, SelectQueryBuilder } from 'typeorm';
import { SourceKind } from '../sources/source-kind';
import { sourceNameKey } from '../sources/source-name';
import { TextSearch } from '../database/text-search';
import { Actor } from '../access/actor';
import { isEditorial } from '../access/role';
import { ForbiddenError } from '../common/errors';
import { AnonymityFilter, DeletedFilter } from './claim.enums';
import { ClaimFilterInput } from './dto/claim-filter.input';
import { Claim } from './claim.entity';

const LIVE_ATTRIBUTION = 'a.claim_id = c.id AND a.deleted_at IS NULL';
const SOURCES_NAMED = (param: string) =>
  `(SELECT s.id FROM source s WHERE s.name_key = :${param} UNION SELECT al.source_id FROM source_alias al WHERE al.alias_key = :${param})`;

/**
 * Turns a claims filter into SQL conditions on alias `c`. Everything runs in the database:
 * no claim is loaded to be filtered in memory.
 */
export function applyClaimFilter(qb: SelectQueryBuilder<Claim>, filter: ClaimFilterInput, textSearch: TextSearch): SelectQueryBuilder<Claim> {
  if (filter.search) textSearch.apply(qb, 'c.statement', filter.search);
  if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter.tag) qb.andWhere('c.tags LIKE :tagPattern', { tagPattern: `%${JSON.stringify(filter.tag)}%` });
  if (filter.variable) {
    qb.andWhere('EXISTS (SELECT 1 FROM claim_quantity q WHERE q.claim_id = c.id AND q.variable = :variable)', { variable: filter.variable });
  }
  if (filter.sourceId) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM attribution a WHERE ${LIVE_ATTRIBUTION} AND (a.source_id = :sourceId OR EXISTS (SELECT 1 FROM relay_hop h WHERE h.attribution_id = a.id AND h.source_id = :sourceId)))`,
      { sourceId: filter.sourceId },
    );
  }
  if (filter.source) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM attribution a WHERE ${LIVE_ATTRIBUTION} AND (a.source_id IN ${SOURCES_NAMED('sourceKey')} OR EXISTS (SELECT 1 FROM relay_hop h WHERE h.attribution_id = a.id AND h.source_id IN ${SOURCES_NAMED('sourceKey')})))`,
      { sourceKey: sourceNameKey(filter.source) },
    );
  }
  if (filter.relayedBy) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM attribution a JOIN relay_hop h ON h.attribution_id = a.id WHERE ${LIVE_ATTRIBUTION} AND h.source_id IN ${SOURCES_NAMED('relayKey')})`,
      { relayKey: sourceNameKey(filter.relayedBy) },
    );
  }
  if (filter.sourceKind) {
    qb.andWhere(`EXISTS (SELECT 1 FROM attribution a JOIN source s ON s.id = a.source_id WHERE ${LIVE_ATTRIBUTION} AND s.kind = :sourceKind)`, {
      sourceKind: filter.sourceKind,
    });
  }
  if (filter.anonymity) {
    const unwanted = filter.anonymity === AnonymityFilter.ANONYMOUS_ONLY ? 's.kind <> :anonymousKind' : 's.kind = :anonymousKind';
    // "Every live speaker is ..." needs at least one live attribution; skip the check when another filter already demands one.
    if (!impliesLiveAttribution(filter)) qb.andWhere(`EXISTS (SELECT 1 FROM attribution a WHERE ${LIVE_ATTRIBUTION})`);
    qb.andWhere(`NOT EXISTS (SELECT 1 FROM attribution a JOIN source s ON s.id = a.source_id WHERE ${LIVE_ATTRIBUTION} AND ${unwanted})`, {
      anonymousKind: SourceKind.ANONYMOUS,
    });
  }
  if (filter.stance) {
    qb.andWhere(`EXISTS (SELECT 1 FROM attribution a WHERE ${LIVE_ATTRIBUTION} AND a.stance = :stance)`, { stance: filter.stance });
  }
  if (filter.articleId || filter.publishedFrom || filter.publishedTo) {
    const conditions = [LIVE_ATTRIBUTION, 'ci.deleted_at IS NULL'];
    if (filter.articleId) conditions.push('ci.article_id = :articleId');
    if (filter.publishedFrom) conditions.push('ar.published_at >= :publishedFrom');
    if (filter.publishedTo) conditions.push('ar.published_at <= :publishedTo');
    qb.andWhere(
      `EXISTS (SELECT 1 FROM attribution a JOIN citation ci ON ci.attribution_id = a.id JOIN article ar ON ar.id = ci.article_id WHERE ${conditions.join(' AND ')})`,
      { articleId: filter.articleId, publishedFrom: filter.publishedFrom, publishedTo: filter.publishedTo },
    );
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
  if (filter.minIndependentSources !== undefined) {
    qb.andWhere('c.independent_source_count >= :minIndependent', { minIndependent: filter.minIndependentSources });
  }
  if (filter.maxIndependentSources !== undefined) {
    qb.andWhere('c.independent_source_count <= :maxIndependent', { maxIndependent: filter.maxIndependentSources });
  }
  if (filter.circular !== undefined) qb.andWhere('c.circular = :circular', { circular: filter.circular });
  if (filter.hasDiscrepancy !== undefined) qb.andWhere('c.has_discrepancy = :hasDiscrepancy', { hasDiscrepancy: filter.hasDiscrepancy });
  return qb;
}

/**
 * `deleted`: left out by default; INCLUDE or ONLY for editors and admins, refused for anyone else
 * wherever the filter is used (the claims query, exports), so a researcher never gets an answer
 * that claims to be something it is not.
 */
export function applyDeletedFilter(qb: SelectQueryBuilder<Claim>, filter: ClaimFilterInput, actor: Actor | undefined): SelectQueryBuilder<Claim> {
  if (!assertMaySeeDeleted(filter, actor)) return qb;
  qb.withDeleted();
  if (filter.deleted === DeletedFilter.ONLY) qb.andWhere('c.deleted_at IS NOT NULL');
  return qb;
}

/** Whether the filter asks for deleted claims; throws FORBIDDEN when it does and the actor may not see them. */
export function assertMaySeeDeleted(filter: ClaimFilterInput, actor: Actor | undefined): boolean {
  if (!filter.deleted || filter.deleted === DeletedFilter.EXCLUDE) return false;
  if (actor && !isEditorial(actor.role)) throw new ForbiddenError('Only editors and admins can list deleted claims (filter deleted)');
  return true;
}

/** Filters whose own EXISTS already requires a live attribution on the claim. */
function impliesLiveAttribution(filter: ClaimFilterInput): boolean {
  return Boolean(filter.sourceId || filter.source || filter.relayedBy || filter.sourceKind || filter.stance || filter.articleId || filter.publishedFrom || filter.publishedTo);
}
