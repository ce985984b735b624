import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Actor } from '../../core/actor';
import { assertEditorial } from '../../access/edit-policy';
import { Attribution } from '../../attributions/attribution.entity';
import { AttributionsService } from '../../attributions/attributions.service';
import { AuditService } from '../../audit/audit.service';
import { BadInputError } from '../../common/errors';
import { RecordType } from '../../common/record-type';
import { versionedUpdate } from '../../common/versioned-update';
import { lockedForUpdate } from '../../database/row-lock';
import { TransactionRunner } from '../../database/transaction-runner';
import { ClaimQuantity } from '../claim-quantity.entity';
import { Claim } from '../claim.entity';
import { ClaimsService } from '../claims.service';
import { ClaimMerge } from './claim-merge.entity';

/**
 * mergeClaims and unmergeClaim. A merge moves the duplicate's live attributions (their citations
 * come with them) and the figures for variables the survivor lacks, then deletes the duplicate,
 * recording what moved; derived values (sourcing, discrepancy flags) are worked out again for both
 * claims in the same transaction. Unmerging moves exactly those back and restores the duplicate.
 */
@Injectable()
export class ClaimMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly claims: ClaimsService,
    private readonly attributions: AttributionsService,
    private readonly audit: AuditService,
  ) {}

  merge(input: { survivorId: string; duplicateId: string; survivorVersion?: number; duplicateVersion?: number }, actor: Actor): Promise<Claim> {
    assertEditorial(actor, 'merge claims');
    if (input.survivorId === input.duplicateId) return Promise.reject(BadInputError.field('duplicateId', 'must differ from survivorId'));
    return this.tx.run(async (manager) => {
      // Both rows locked (in id order, so two merges cannot deadlock) before the duplicate's attributions are read:
      // an attach to either waits for the merge, or the merge waits for the attach and moves what it added.
      await manager.find(Claim, { where: { id: In([input.survivorId, input.duplicateId]) }, order: { id: 'ASC' }, ...lockedForUpdate(manager) });
      const survivor = await this.claims.get(input.survivorId, manager, actor);
      const duplicate = await this.claims.get(input.duplicateId, manager, actor);
      const figures = [await this.claims.figuresOf(manager, survivor), await this.claims.figuresOf(manager, duplicate)];
      const attributionIds = (await manager.find(Attribution, { where: { claimId: duplicate.id }, select: { id: true }, order: { id: 'ASC' } })).map((a) => a.id);
      const kept = new Set(figures[0].quantities.map((q) => q.variable));
      const moving = (await manager.find(ClaimQuantity, { where: { claimId: duplicate.id }, order: { position: 'ASC' } })).filter((q) => !kept.has(q.variable));
      const moves = { attributionIds, quantities: moving.map((q) => ({ id: q.id, position: q.position })) };

      await this.moveAttributions(manager, actor, attributionIds, duplicate.id, survivor.id);
      const next = figures[0].quantities.length;
      for (const [k, q] of moving.entries()) await manager.update(ClaimQuantity, { id: q.id }, { claimId: survivor.id, position: next + k });
      await versionedUpdate<Claim>(manager, Claim, 'Claim', survivor.id, input.survivorVersion, {});
      const deleted = await versionedUpdate<Claim>(manager, Claim, 'Claim', duplicate.id, input.duplicateVersion, { deletedAt: new Date(), deletedBy: actor.id });
      await manager.insert(ClaimMerge, manager.create(ClaimMerge, { survivorId: survivor.id, duplicateId: duplicate.id, moves, mergedBy: actor.id }));

      await this.audit.record(manager, actor, 'MERGE', RecordType.CLAIM, duplicate.id, [
        { field: 'deletedAt', before: null, after: deleted.after.deletedAt },
        { field: 'mergedInto', before: null, after: survivor.id },
      ]);
      await this.audit.record(manager, actor, 'MERGE', RecordType.CLAIM, survivor.id, [
        { field: 'mergedFrom', before: null, after: duplicate.id },
        { field: 'quantities', before: figures[0].quantities.map((q) => q.variable), after: [...kept, ...moving.map((q) => q.variable)] },
      ]);
      await this.derive(manager, [survivor, duplicate], figures);
      return this.claims.get(survivor.id, manager);
    });
  }

  unmerge(input: { duplicateId: string }, actor: Actor): Promise<Claim> {
    assertEditorial(actor, 'unmerge claims');
    return this.tx.run(async (manager) => {
      const merge = await manager.findOne(ClaimMerge, { where: { duplicateId: input.duplicateId, undoneAt: IsNull() }, order: { mergedAt: 'DESC' } });
      if (!merge) throw BadInputError.field('duplicateId', 'this claim is not merged into another');
      const survivor = await manager.findOneOrFail(Claim, { where: { id: merge.survivorId }, withDeleted: true });
      const duplicate = await manager.findOneOrFail(Claim, { where: { id: merge.duplicateId }, withDeleted: true });
      const figures = [await this.claims.figuresOf(manager, survivor), await this.claims.figuresOf(manager, duplicate)];
      // Only what is still on the survivor goes back: an attribution since deleted or moved on stays where it is.
      const stillThere = (await manager.find(Attribution, { where: { id: In(merge.moves.attributionIds.length ? merge.moves.attributionIds : ['']), claimId: survivor.id }, withDeleted: true })).map((a) => a.id);
      await this.moveAttributions(manager, actor, stillThere, survivor.id, duplicate.id);
      for (const q of merge.moves.quantities) await manager.update(ClaimQuantity, { id: q.id, claimId: survivor.id }, { claimId: duplicate.id, position: q.position });
      await versionedUpdate<Claim>(manager, Claim, 'Claim', survivor.id, undefined, {});
      await versionedUpdate<Claim>(manager, Claim, 'Claim', duplicate.id, undefined, { deletedAt: null, deletedBy: null });
      await manager.update(ClaimMerge, { id: merge.id }, { undoneAt: new Date(), undoneBy: actor.id });

      await this.audit.record(manager, actor, 'UNMERGE', RecordType.CLAIM, duplicate.id, [
        { field: 'deletedAt', before: duplicate.deletedAt, after: null },
        { field: 'mergedInto', before: survivor.id, after: null },
      ]);
      await this.audit.record(manager, actor, 'UNMERGE', RecordType.CLAIM, survivor.id, [{ field: 'mergedFrom', before: duplicate.id, after: null }]);
      await this.derive(manager, [survivor, duplicate], figures);
      return this.claims.get(duplicate.id, manager);
    });
  }

  /** The claims each of `claimIds` is merged into now (absent when not merged). */
  async mergedInto(claimIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = await manager.find(ClaimMerge, { where: { duplicateId: In([...claimIds]), undoneAt: IsNull() } });
    return new Map(rows.map((r) => [r.duplicateId, r.survivorId]));
  }

  private async moveAttributions(manager: EntityManager, actor: Actor, ids: string[], from: string, to: string): Promise<void> {
    if (!ids.length) return;
    await manager
      .createQueryBuilder()
      .update(Attribution)
      .set({ claimId: to, updatedAt: new Date(), version: () => 'version + 1' } as never)
      .where('id IN (:...ids)', { ids })
      .execute();
    for (const id of ids) await this.audit.record(manager, actor, 'UPDATE', RecordType.ATTRIBUTION, id, [{ field: 'claimId', before: from, after: to }]);
  }

  /** Sourcing and discrepancy flags follow the attributions and figures that moved. */
  private async derive(manager: EntityManager, claims: Claim[], figures: Array<Awaited<ReturnType<ClaimsService['figuresOf']>>>): Promise<void> {
    await this.attributions.claimsChanged(manager, claims.map((c) => c.id));
    await this.claims.notifyFiguresChanged(manager, claims.map((c, i) => ({ claimId: c.id, before: figures[i] })));
  }
}
