import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';
import { timestampColumn } from '../database/columns';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Who changed what, when: written in the same transaction as the change it records. */
@Entity('audit_event')
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column(timestampColumn())
  @Index()
  at: Date = new Date();

  @Column({ type: 'varchar', length: 36, nullable: true })
  @Index()
  actorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  /** CREATE, UPDATE, DELETE, RESTORE. */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  @Column({ type: 'simple-json' })
  changes: FieldChange[] = [];
}
