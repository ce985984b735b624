import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../core/actor';
import { declareOrder, readKeysetPage } from '../common/keyset';
import { Page, PageArgs } from '../common/pagination';
import { insertAtCommit } from '../database/deferred-inserts';
import { AuditEvent, FieldChange } from './audit-event.entity';
import { createdFields, diffRecords } from './diff';

/** A record as audited: its columns plus any related values worth keeping (aliases, quantities, chain). */
export type AuditSnapshot = { id: string };

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

/**
 * Records who changed what. Always called with the writer's EntityManager, so an event exists
 * exactly when its change was committed.
 */
/** Ids are time-ordered, so id order is the order events were written in. */
const OLDEST_EVENTS = declareOrder('audit.oldest', [{ column: 'e.id', direction: 'ASC', part: 'id' }]);

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  recordCreate<T extends AuditSnapshot>(manager: EntityManager, actor: Actor, entityType: string, record: T): Promise<void> {
    return this.record(manager, actor, 'CREATE', entityType, record.id, createdFields(record));
  }

  async recordUpdate<B extends AuditSnapshot, A extends AuditSnapshot>(manager: EntityManager, actor: Actor, entityType: string, before: B, after: A): Promise<void> {
    const changes = diffRecords(before, after);
    const deleted = changes.find((c) => c.field === 'deletedAt');
    const action = deleted ? (deleted.after ? 'DELETE' : 'RESTORE') : 'UPDATE';
    if (changes.length) await this.record(manager, actor, action, entityType, after.id, changes);
  }

  async record(manager: EntityManager, actor: Actor, action: string, entityType: string, entityId: string, changes: FieldChange[]): Promise<void> {
    // Written with the transaction's other audit events just before it commits: one INSERT, not one per change.
    await insertAtCommit(manager, AuditEvent, this.event(actor, action, entityType, entityId, changes));
  }

  /**
   * The CREATE event of a record, for a writer that inserts it with the records themselves
   * (claims/log-claim.service.ts writes a batch of claims and their events in one statement).
   */
  createEvent<T extends AuditSnapshot>(actor: Actor, entityType: string, record: T): AuditEvent {
    return this.event(actor, 'CREATE', entityType, record.id, createdFields(record));
  }

  private event(actor: Actor, action: string, entityType: string, entityId: string, changes: FieldChange[]): AuditEvent {
    return Object.assign(new AuditEvent(), { actorId: actor.id, actorName: actor.name, action, entityType, entityId, changes });
  }

  async list(filter: AuditFilter, page: PageArgs, { count = true } = {}): Promise<Page<AuditEvent>> {
    const qb = this.dataSource.manager.createQueryBuilder(AuditEvent, 'e');
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.at <= :to', { to: filter.to });
    return readKeysetPage(qb, OLDEST_EVENTS, page, (e) => [e.id], { count });
  }
}
