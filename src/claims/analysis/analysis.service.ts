import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Attribution } from '../../attributions/attribution.entity';
import { RelayHop } from '../../attributions/relay-hop.entity';
import { Claim } from '../claim.entity';
import { Figures, FiguresChange } from '../claims.service';
import { DomainEvents } from '../../database/domain-events';
import { isAnonymousKind } from '../../sources/source-kind';
import { Source } from '../../sources/source.entity';
import { contradictingFigureSql } from './discrepancy-sql';
import { refreshDiscrepancyFlags } from './figure-span-index';
import { replaceClaimSources } from './claim-sources';
import { AttributionFacts, SourceFacts, summarizeSourcing } from './sourcing';

/**
 * Keeps the derived sourcing values and discrepancy pairs right. Every subscriber runs inside the
 * writer's transaction, so a derived value never disagrees with the rows it was derived from.
 */
@Injectable()
export class AnalysisService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('attributions.claimsChanged', (manager, claimIds) => this.refreshSourcing(manager, claimIds));
    this.events.on('sources.identityChanged', async (manager, sourceIds) => this.refreshSourcing(manager, await this.claimIdsCiting(manager, sourceIds)));
    this.events.on('claims.figuresChanged', (manager, changes) => this.refreshDiscrepancies(manager, changes));
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

  /**
   * Recomputes everything derived from the claims' live attributions: the sourcing values and
   * speakers' anonymity on the claim, and the claim_source rows. A bulk writer that batches this
   * must keep all three.
   */
  async refreshSourcing(manager: EntityManager, claimIds: string[]): Promise<void> {
    const byClaim = await this.attributionFacts(claimIds, manager);
    for (const [claimId, attributions] of byClaim) {
      await setDerived(manager, [claimId], summarizeSourcing(attributions));
    }
    await replaceClaimSources(manager, byClaim);
  }

  /**
   * Keeps `claim.has_discrepancy` right after claims' figures changed (figure-span-index.ts). New contradictions
   * switch flags on; a claim that contradicted an edited, deleted or merged claim's old figures is re-checked,
   * because it may have no contradiction left.
   */
  async refreshDiscrepancies(manager: EntityManager, changes: FiguresChange[]): Promise<void> {
    await this.flagNewContradictions(manager, changes.filter((c) => !c.before).map((c) => c.claimId));
    await refreshDiscrepancyFlags(manager, changes.filter((c) => c.before).map((c) => c.claimId), true);
  }

  /**
   * Claims that are new (or restored, whose flag may be stale) get their flag worked out afresh, and each live claim
   * they contradict is flagged: a few statements per chunk of claims, whatever their number and the variables' sizes.
   */
  private async flagNewContradictions(manager: EntityManager, claimIds: string[]): Promise<void> {
    await refreshDiscrepancyFlags(manager, claimIds, false);
  }

  /** Live claims whose figures contradict these, at most `limit` of them: index probes on figure_span, per figure. */
  async contradicting(manager: EntityManager, claimId: string, figures: Figures, limit?: number): Promise<string[]> {
    const found = new Set<string>();
    for (const q of figures.quantities) {
      const { sql, params } = contradictingFigureSql(q, figures.eventTime);
      const [query, parameters] = manager.connection.driver.escapeQueryWithParameters(`${sql}${limit ? ` LIMIT ${Number(limit)}` : ''}`, { ...params, claimId });
      for (const row of (await manager.query(query, parameters)) as Array<{ claim_id: string }>) found.add(row.claim_id);
      if (limit && found.size >= limit) break;
    }
    return [...(limit ? [...found].slice(0, limit) : found)];
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
  return { id: source.id, name: source.name, anonymous: isAnonymousKind(source.kind), originGroupId: source.originGroupId };
}

/**
 * Derived values are not edits: writing them must not bump the claim's version (a reporter's
 * update would then be refused as stale). updated_at is moved by the writers that publish the events (touch-claims.ts). Naming the version column in the
 * SET stops TypeORM from incrementing it.
 */
async function setDerived(manager: EntityManager, claimIds: string[], values: Partial<Claim>): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Claim)
    .set({ ...values, version: () => 'version' })
    .where({ id: In(claimIds) })
    .execute();
}
