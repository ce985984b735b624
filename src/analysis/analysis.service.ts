import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Attribution } from '../attributions/attribution.entity';
import { AttributionsService } from '../attributions/attributions.service';
import { RelayHop } from '../attributions/relay-hop.entity';
import { ClaimQuantity } from '../claims/claim-quantity.entity';
import { Claim } from '../claims/claim.entity';
import { ClaimsService, Figures, FiguresChange } from '../claims/claims.service';
import { quantityRange } from '../claims/quantity';
import { SourceKind } from '../sources/source-kind';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';
import { conflictSql, contradictsSql, windowsOverlapSql } from './discrepancy-sql';
import { replaceClaimSources } from './claim-sources';
import { AttributionFacts, SourceFacts, summarizeSourcing } from './sourcing';

/** New claims compared per statement: bounds the statement's parameters on both databases. */
const NEW_CLAIMS_CHUNK = 500;

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
    this.claims.onFiguresChanged((manager, changes) => this.refreshDiscrepancies(manager, changes));
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
   * Keeps `claim.has_discrepancy` right after claims' figures changed. New contradictions
   * only switch flags on; a claim that contradicted an edited claim's old figures is re-checked,
   * because it may have no contradiction left.
   */
  async refreshDiscrepancies(manager: EntityManager, changes: FiguresChange[]): Promise<void> {
    await this.flagNewContradictions(manager, changes.filter((c) => !c.before).map((c) => c.claimId));
    for (const { claimId, before } of changes) {
      if (!before) continue;
      const claim = await manager.findOne(Claim, { where: { id: claimId } });
      const now = claim ? { quantities: await manager.find(ClaimQuantity, { where: { claimId } }), eventTime: claim.eventTime } : null;
      if (claim && now) {
        await setDiscrepancyFlag(manager, claimId, (await this.contradicting(manager, claimId, now, 1)).length > 0);
        // Claims this one contradicts now: flag the ones not flagged yet, in one statement per figure.
        for (const [i, q] of now.quantities.entries()) {
          const match = this.contradictionQuery(manager, claimId, q, now.eventTime, `n${i}`);
          await manager
            .createQueryBuilder()
            .update(Claim)
            .set({ hasDiscrepancy: true, updatedAt: new Date(), version: () => 'version' })
            .where('has_discrepancy = :unflagged', { unflagged: false })
            .andWhere(`id IN (${match.getQuery()})`, match.getParameters())
            .execute();
        }
      }
      // Claims that contradicted the old figures may have no contradiction left.
      for (const otherId of await this.contradicting(manager, claimId, before)) {
        const other = await manager.findOne(Claim, { where: { id: otherId } });
        if (!other) continue;
        const figures = { quantities: await manager.find(ClaimQuantity, { where: { claimId: otherId } }), eventTime: other.eventTime };
        await setDiscrepancyFlag(manager, otherId, (await this.contradicting(manager, otherId, figures, 1)).length > 0);
      }
    }
  }

  /**
   * Claims that are new (or restored, whose flag may be stale) get their flag worked out afresh, and each live claim
   * they contradict is flagged. Two statements per chunk of claims, whatever their number, so an import of thousands
   * of claims pays in-database comparisons rather than a few round trips per claim.
   */
  private async flagNewContradictions(manager: EntityManager, claimIds: string[]): Promise<void> {
    for (let i = 0; i < claimIds.length; i += NEW_CLAIMS_CHUNK) {
      const chunk = claimIds.slice(i, i + NEW_CLAIMS_CHUNK);
      // Between chunks of a large import, readers are answered (on SQLite from their own connection, database/sqlite-reads.ts).
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await manager
        .createQueryBuilder()
        .update(Claim)
        .set({ hasDiscrepancy: false, version: () => 'version' })
        .where('has_discrepancy = :flagged AND id IN (:...chunk)', { flagged: true, chunk })
        .execute();
      // A figure n of claim `mine` against a figure o of another live claim `theirs`: EXISTS stops at the first
      // contradiction, which on a busy variable comes early.
      const contradiction = (mine: string, theirs: string) => `EXISTS (SELECT 1 FROM claim_quantity n
        JOIN claim_quantity o ON o.variable = n.variable AND o.claim_id <> n.claim_id
        JOIN claim cn ON cn.id = n.claim_id JOIN claim co ON co.id = o.claim_id AND co.deleted_at IS NULL
        WHERE n.claim_id = ${mine} AND ${theirs} AND ${conflictSql('n', 'o')} AND ${windowsOverlapSql('cn', 'co')})`;
      const flag = (where: string) =>
        manager
          .createQueryBuilder()
          .update(Claim)
          .set({ hasDiscrepancy: true, updatedAt: new Date(), version: () => 'version' })
          .where(`has_discrepancy = :unflagged AND deleted_at IS NULL AND ${where}`, { unflagged: false, chunk })
          .execute();
      // The chunk's claims, against every live claim...
      await flag(`id IN (:...chunk) AND ${contradiction('claim.id', '1 = 1')}`);
      // ...and the other claims on the chunk's variables, against the chunk's claims.
      await flag(
        `id IN (SELECT q.claim_id FROM claim_quantity q WHERE q.variable IN (SELECT v.variable FROM claim_quantity v WHERE v.claim_id IN (:...chunk)))
         AND ${contradiction('claim.id', 'o.claim_id IN (:...chunk)')}`,
      );
    }
  }

  /** Live claims whose figures contradict these, at most `limit` of them. */
  async contradicting(manager: EntityManager, claimId: string, figures: Figures, limit?: number): Promise<string[]> {
    const found = new Set<string>();
    for (const [i, q] of figures.quantities.entries()) {
      const qb = this.contradictionQuery(manager, claimId, q, figures.eventTime, `f${i}`);
      if (limit) qb.limit(limit);
      for (const row of await qb.getRawMany<{ claim_id: string }>()) found.add(row.claim_id);
      if (limit && found.size >= limit) break;
    }
    return [...found];
  }

  /** Ids of live claims with a figure on `q`'s variable that cannot be true with `q`, in an overlapping window. */
  private contradictionQuery(manager: EntityManager, claimId: string, q: Figures['quantities'][number], eventTime: Figures['eventTime'], p: string) {
    const { sql, params } = contradictsSql('q', quantityRange(q), p);
    const qb = manager
      .createQueryBuilder()
      .select('DISTINCT q.claim_id', 'claim_id')
      .from('claim_quantity', 'q')
      .innerJoin('claim', 'c', 'c.id = q.claim_id AND c.deleted_at IS NULL')
      .where(`q.variable = :${p}variable AND q.claim_id <> :${p}claim`, { [`${p}variable`]: q.variable, [`${p}claim`]: claimId })
      .andWhere(sql, params);
    const { start, end } = eventTime ?? { start: null, end: null };
    if (start) {
      qb.andWhere(`(c.event_time_start IS NULL OR (c.event_time_start <= :${p}end AND COALESCE(c.event_time_end, c.event_time_start) >= :${p}start))`, {
        [`${p}start`]: start,
        [`${p}end`]: end ?? start,
      });
    }
    return qb;
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

/**
 * has_discrepancy is in the claim's exported rows, so a flag that flips moves updated_at (incremental
 * sync, database/touch-claims.ts); a flag that stays as it was leaves the claim alone.
 */
async function setDiscrepancyFlag(manager: EntityManager, claimId: string, value: boolean): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Claim)
    .set({ hasDiscrepancy: value, updatedAt: new Date(), version: () => 'version' })
    .where('id = :claimId AND has_discrepancy = :was', { claimId, was: !value })
    .execute();
}

/**
 * Derived values are not edits: writing them must not bump the claim's version (a reporter's
 * update would then be refused as stale). updated_at is moved by the writers that call the hooks (touch-claims.ts). Naming the version column in the
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
