import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget } from 'typeorm';
import { Actor } from '../core/actor';
import { assertCanEdit } from '../access/edit-policy';
import { AccessService } from '../access/access.service';
import { User } from '../access/user.entity';
import { ApiKey } from '../access/api-key.entity';
import { Article } from '../articles/article.entity';
import { Attribution } from '../attributions/attribution.entity';
import { AttributionsService } from '../attributions/attributions.service';
import { Citation } from '../attributions/citation.entity';
import { AuditService } from '../audit/audit.service';
import { Claim } from '../claims/claim.entity';
import { ClaimsService, Figures } from '../claims/claims.service';
import { ClaimMergeService } from '../claims/merging/claim-merge.service';
import { BaseRecord } from '../database/base.entity';
import { BadInputError, NotFoundError } from '../common/errors';
import { RecordType } from '../common/record-type';
import { versionedUpdate } from '../common/versioned-update';
import { TransactionRunner } from '../database/transaction-runner';
import { touchClaimsOf } from '../database/touch-claims';
import { Source } from '../sources/source.entity';
import { DeleteRecordInput, RestoreRecordInput } from './dto/record-ref.input';

const TARGETS: Record<RecordType, EntityTarget<BaseRecord>> = {
  [RecordType.CLAIM]: Claim,
  [RecordType.SOURCE]: Source,
  [RecordType.ATTRIBUTION]: Attribution,
  [RecordType.CITATION]: Citation,
  [RecordType.ARTICLE]: Article,
  [RecordType.USER]: User,
};

/**
 * Deletion is a state: a deleted record keeps every column, gains deleted-at and deleted-by,
 * disappears from queries and exports, and can be restored by an editor.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
    private readonly attributions: AttributionsService,
    private readonly access: AccessService,
    private readonly merges: ClaimMergeService,
  ) {}

  async delete(input: DeleteRecordInput, actor: Actor): Promise<BaseRecord> {
    const deleted = await this.tx.run(async (manager) => {
      const current = await manager.findOne(TARGETS[input.type], { where: { id: input.id } });
      if (!current) throw new NotFoundError(input.type, input.id);
      assertCanEdit(actor, current, await this.claimStatusOf(manager, input.type, current));
      const figures = input.type === RecordType.CLAIM ? await this.claims.figuresOf(manager, current as Claim) : null;
      const { before, after } = await versionedUpdate<BaseRecord>(manager, TARGETS[input.type], input.type, input.id, input.version, {
        deletedAt: new Date(),
        deletedBy: actor.id,
        // A deleted source gives up its name: a new one of that name may be created (source.entity.ts).
        ...(input.type === RecordType.SOURCE ? { liveNameKey: null } : {}),
      });
      await this.audit.recordUpdate(manager, actor, input.type, before, after);
      if (input.type === RecordType.USER) await manager.update(ApiKey, { userId: input.id }, { revokedAt: new Date() });
      await this.afterChange(manager, input.type, after, figures);
      return after;
    });
    // A deleted user's keys were revoked above.
    if (input.type === RecordType.USER) this.access.forgetAuthenticatedKeys();
    return deleted;
  }

  restore(input: RestoreRecordInput, actor: Actor): Promise<BaseRecord> {
    return this.tx.run(async (manager) => {
      const current = await manager.findOne(TARGETS[input.type], { where: { id: input.id }, withDeleted: true });
      if (!current) throw new NotFoundError(input.type, input.id);
      if (!current.deletedAt) return current;
      // Restoring a merged claim alone would leave its attributions on the survivor.
      const survivor = input.type === RecordType.CLAIM ? (await this.merges.mergedInto([input.id], manager)).get(input.id) : undefined;
      if (survivor) throw BadInputError.field('id', `this claim was merged into ${survivor}: use unmergeClaim to bring it back with what moved`);
      const { before, after } = await versionedUpdate<BaseRecord>(manager, TARGETS[input.type], input.type, input.id, undefined, {
        deletedAt: null,
        deletedBy: null,
      });
      // A restored source takes its name back unless a live source has it now; then it stays a duplicate for an editor to merge.
      if (input.type === RecordType.SOURCE) {
        await manager
          .createQueryBuilder()
          .update(TARGETS[RecordType.SOURCE])
          .set({ liveNameKey: () => 'name_key' } as never)
          .where('id = :id', { id: input.id })
          .andWhere("kind <> 'ANONYMOUS'")
          .andWhere('NOT EXISTS (SELECT 1 FROM source other WHERE other.live_name_key = source.name_key)')
          .execute();
      }
      await this.audit.recordUpdate(manager, actor, input.type, before, after);
      await this.afterChange(manager, input.type, after);
      return after;
    });
  }

  /** Derived values depend on which claims and attributions are live. */
  private async afterChange(manager: EntityManager, type: RecordType, record: BaseRecord, figuresBefore: Figures | null = null): Promise<void> {
    if (type === RecordType.CLAIM) await this.claims.notifyFiguresChanged(manager, [{ claimId: record.id, before: figuresBefore }]);
    if (type === RecordType.ATTRIBUTION) await this.attributions.claimsChanged(manager, [(record as Attribution).claimId]);
    // What the claims' exported rows show changed with it: their updated_at moves (touch-claims.ts).
    if (type === RecordType.CITATION) await touchClaimsOf(manager, 'citations', [record.id]);
    if (type === RecordType.ARTICLE) await touchClaimsOf(manager, 'articles', [record.id]);
    if (type === RecordType.SOURCE) await touchClaimsOf(manager, 'sources', [record.id]);
  }

  private async claimStatusOf(manager: EntityManager, type: RecordType, record: BaseRecord): Promise<string | undefined> {
    let claimId: string | undefined;
    if (type === RecordType.CLAIM) claimId = record.id;
    if (type === RecordType.ATTRIBUTION) claimId = (record as Attribution).claimId;
    if (type === RecordType.CITATION) {
      claimId = (await manager.findOne(Attribution, { where: { id: (record as Citation).attributionId }, withDeleted: true }))?.claimId;
    }
    if (!claimId) return undefined;
    return (await manager.findOne(Claim, { where: { id: claimId }, withDeleted: true }))?.status;
  }
}
