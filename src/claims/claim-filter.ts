import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SpeakerAnonymity } from '../analysis/sourcing';
import { sourceNameKey } from '../sources/source-name';
import { TextSearch } from '../database/text-search';
import { Actor } from '../access/actor';
import { isEditorial } from '../access/role';
import { ForbiddenError } from '../common/errors';
import { DeletedFilter } from './claim.enums';
import { ClaimFilterInput } from './dto/claim-filter.input';
import { Claim } from './claim.entity';

const LIVE_ATTRIBUTION = 'a.claim_id = c.id AND a.deleted_at IS NULL';
const SOURCES_NAMED = (param: string) =>
  `(SELECT s.id FROM source s WHERE s.name_key = :${param} UNION SELECT al.source_id FROM source_alias al WHERE al.alias_key = :${param})`;

/** The ids a filter's source names (`source`, `relayedBy`) stand for, by name or alias. */
export interface NamedSources {
  source?: string[];
  relayedBy?: string[];
}

/**
 * Looks the filter's source names up before the list query, one small query per name, so the list's
 * plan is made for the actual sources: a source named in 2% of the claims is best found by walking the
 * newest claims, a rare one through claim_source's (source_id, claim_id) index, and only the ids tell
 * the planner which (its statistics know the frequent sources).
 */
export async function resolveNamedSources(manager: EntityManager, filter: ClaimFilterInput): Promise<NamedSources> {
  const idsNamed = async (name: string) =>
    (
      await manager
        .createQueryBuilder()
        .select('n.id', 'id')
        .from(`(${SOURCES_NAMED('key')})`, 'n')
        .setParameters({ key: sourceNameKey(name) })
        .getRawMany<{ id: string }>()
    ).map((r) => r.id);
  return {
    source: filter.source ? await idsNamed(filter.source) : undefined,
    relayedBy: filter.relayedBy ? await idsNamed(filter.relayedBy) : undefined,
  };
}

/** `cs.source_id` among the resolved ids, or among the sources of that name when the caller did not resolve them. */
function sourceIdAmong(ids: string[] | undefined, param: string, name: string): [string, Record<string, unknown>] {
  if (!ids) return [`cs.source_id IN ${SOURCES_NAMED(`${param}Key`)}`, { [`${param}Key`]: sourceNameKey(name) }];
  return ids.length ? [`cs.source_id IN (:...${param}Ids)`, { [`${param}Ids`]: ids }] : ['1 = 0', {}];
}

/**
 * Turns a claims filter into SQL conditions on alias `c`. Everything runs in the database:
 * no claim is loaded to be filtered in memory. `named`: the source names already resolved
 * (resolveNamedSources), which lets the planner see which sources they are.
 */
export function applyClaimFilter(qb: SelectQueryBuilder<Claim>, filter: ClaimFilterInput, textSearch: TextSearch, named: NamedSources = {}): SelectQueryBuilder<Claim> {
  if (filter.search) textSearch.apply(qb, 'c.statement', filter.search);
  if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter.tag) qb.andWhere('c.tags LIKE :tagPattern', { tagPattern: `%${JSON.stringify(filter.tag)}%` });
  if (filter.variable) {
    qb.andWhere('EXISTS (SELECT 1 FROM claim_quantity q WHERE q.claim_id = c.id AND q.variable = :variable)', { variable: filter.variable });
  }
  // claim_source (analysis module) lists the sources each claim's live attributions name, as speaker or relay.
  if (filter.sourceId) {
    qb.andWhere(`EXISTS (SELECT 1 FROM claim_source cs WHERE cs.claim_id = c.id AND cs.source_id = :sourceId)`, { sourceId: filter.sourceId });
  }
  if (filter.source) {
    const [among, params] = sourceIdAmong(named.source, 'source', filter.source);
    qb.andWhere(`EXISTS (SELECT 1 FROM claim_source cs WHERE cs.claim_id = c.id AND ${among})`, params);
  }
  if (filter.relayedBy) {
    const [among, params] = sourceIdAmong(named.relayedBy, 'relay', filter.relayedBy);
    qb.andWhere(`EXISTS (SELECT 1 FROM claim_source cs WHERE cs.claim_id = c.id AND cs.relays = :relays AND ${among})`, { relays: true, ...params });
  }
  if (filter.sourceKind) {
    qb.andWhere(`EXISTS (SELECT 1 FROM claim_source cs JOIN source s ON s.id = cs.source_id WHERE cs.claim_id = c.id AND cs.speaks = :speaks AND s.kind = :sourceKind)`, {
      speaks: true,
      sourceKind: filter.sourceKind,
    });
  }
  // Maintained with sourcing (analysis/sourcing.ts speakerAnonymityOf); NONE (no live attribution) matches neither.
  if (filter.anonymity) qb.andWhere('c.speaker_anonymity = :anonymity', { anonymity: filter.anonymity satisfies SpeakerAnonymity });
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
