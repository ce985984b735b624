import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Attribution } from '../attributions/attribution.entity';
import { AttributionsService } from '../attributions/attributions.service';
import { RelayHop } from '../attributions/relay-hop.entity';
import { ClaimQuantity } from '../claims/claim-quantity.entity';
import { Claim } from '../claims/claim.entity';
import { ClaimsService } from '../claims/claims.service';
import { APPROXIMATE_TOLERANCE, quantityRange } from '../claims/quantity';
import { SourceKind } from '../sources/source-kind';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';
import { ClaimConflict } from './claim-conflict.entity';
import { quantitiesConflict, windowsOverlap } from './discrepancy';
import { AttributionFacts, SourceFacts, summarizeSourcing } from './sourcing';

/**
 * Keeps the derived sourcing values and discrepancy pairs right. Every hook runs inside the
 * writer's transaction, so a derived value never disagrees with the rows it was derived from.
 */
@Injectable()
export class AnalysisService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attributions: AttributionsService,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
  ) {}

  onModuleInit(): void {
    this.attributions.onClaimsChanged((manager, claimIds) => this.refreshSourcing(manager, claimIds));
    this.sources.onSourcesChanged(async (manager, sourceIds) => this.refreshSourcing(manager, await this.claimIdsCiting(manager, sourceIds)));
    this.claims.onFiguresChanged((manager, claimIds) => this.refreshConflicts(manager, claimIds));
  }

  /** Live attributions of these claims as plain facts, grouped by claim, in three queries. */
  async attributionFacts(claimIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, AttributionFacts[]>> {
    const result = new Map<string, AttributionFacts[]>(claimIds.map((id) => [id, []]));
    if (!claimIds.length) return result;
    const attributions = await manager.find(Attribution, { where: { claimId: In([...claimIds]) }, order: { id: 'ASC' } });
    const hops = attributions.length
      ? await manager.find(RelayHop, { where: { attributionId: In(attributions.map((a) => a.id)) }, order: { position: 'ASC' } })
      : [];
    const sourceIds = [...new Set([...attributions.map((a) => a.sourceId), ...hops.map((h) => h.sourceId)])];
    const sources = new Map(
      (sourceIds.length ? await manager.find(Source, { where: { id: In(sourceIds) }, withDeleted: true }) : []).map((s) => [s.id, facts(s)]),
    );
    for (const a of attributions) {
      result.get(a.claimId)?.push({
        stance: a.stance,
        speaker: sources.get(a.sourceId) as SourceFacts,
        chain: hops.filter((h) => h.attributionId === a.id).map((h) => ({ source: sources.get(h.sourceId) as SourceFacts, cue: h.cue })),
      });
    }
    return result;
  }

  async refreshSourcing(manager: EntityManager, claimIds: string[]): Promise<void> {
    const byClaim = await this.attributionFacts(claimIds, manager);
    for (const [claimId, attributions] of byClaim) {
      await manager.update(Claim, { id: claimId }, summarizeSourcing(attributions));
    }
  }

  /** Recomputes every discrepancy pair that involves these claims. */
  async refreshConflicts(manager: EntityManager, claimIds: string[]): Promise<void> {
    for (const claimId of claimIds) {
      await manager.delete(ClaimConflict, { claimId });
      await manager.delete(ClaimConflict, { otherClaimId: claimId });
      const claim = await manager.findOne(Claim, { where: { id: claimId } });
      if (!claim) continue;
      const own = await manager.find(ClaimQuantity, { where: { claimId } });
      const found = new Map<string, ClaimConflict>();
      for (const q of own) {
        for (const other of await this.conflictCandidates(manager, claim, q)) {
          if (!windowsOverlap(claim.eventTime, other.claim.eventTime) || !quantitiesConflict(q, other)) continue;
          for (const [a, b] of [[claimId, other.claimId], [other.claimId, claimId]]) {
            found.set(`${a}:${b}:${q.variable}`, manager.create(ClaimConflict, { claimId: a, otherClaimId: b, variable: q.variable }));
          }
        }
      }
      const pairs = [...found.values()];
      if (pairs.length) await manager.insert(ClaimConflict, pairs);
    }
  }

  /**
   * Quantities on the same variable whose range could lie wholly below or above `q`'s: a SQL
   * prefilter (with the approximate tolerance applied generously) so a busy variable is not
   * loaded whole; the exact rule is then applied in memory.
   */
  private conflictCandidates(manager: EntityManager, claim: Claim, q: ClaimQuantity): Promise<Array<ClaimQuantity & { claim: Claim }>> {
    const range = quantityRange(q);
    const widen = 1 + APPROXIMATE_TOLERANCE;
    const sides: string[] = [];
    if (Number.isFinite(range.low)) sides.push(`COALESCE(q.upper, q.value) * (CASE WHEN q.approximate THEN ${widen} ELSE 1 END) <= :low`);
    if (Number.isFinite(range.high)) sides.push(`COALESCE(q.lower, q.value) * (CASE WHEN q.approximate THEN ${2 - widen} ELSE 1 END) >= :high`);
    if (!sides.length) return Promise.resolve([]);
    const qb = manager
      .createQueryBuilder(ClaimQuantity, 'q')
      .innerJoinAndMapOne('q.claim', Claim, 'c', 'c.id = q.claim_id AND c.deleted_at IS NULL')
      .where('q.variable = :variable AND q.claim_id <> :claimId', { variable: q.variable, claimId: claim.id })
      .andWhere(`(${sides.join(' OR ')})`, { low: range.low, high: range.high });
    if (claim.eventTime.start) {
      qb.andWhere('(c.event_time_start IS NULL OR (c.event_time_start <= :windowEnd AND COALESCE(c.event_time_end, c.event_time_start) >= :windowStart))', {
        windowStart: claim.eventTime.start,
        windowEnd: claim.eventTime.end ?? claim.eventTime.start,
      });
    }
    return qb.getMany() as Promise<Array<ClaimQuantity & { claim: Claim }>>;
  }

  private async claimIdsCiting(manager: EntityManager, sourceIds: string[]): Promise<string[]> {
    if (!sourceIds.length) return [];
    const rows: Array<{ claim_id: string }> = await manager
      .createQueryBuilder()
      .select('DISTINCT a.claim_id', 'claim_id')
      .from('attribution', 'a')
      .where('a.source_id IN (:...ids) OR a.id IN (SELECT h.attribution_id FROM relay_hop h WHERE h.source_id IN (:...ids))', { ids: sourceIds })
      .getRawMany();
    return rows.map((r) => r.claim_id);
  }
}

function facts(source: Source): SourceFacts {
  return { id: source.id, name: source.name, anonymous: source.kind === SourceKind.ANONYMOUS, originGroupId: source.originGroupId };
}
