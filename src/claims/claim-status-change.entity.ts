import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';
import { timestampColumn } from '../database/columns';

/** One editorial status change, with who made it and why. Appended, never edited. */
@Entity('claim_status_change')
export class ClaimStatusChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  @Index()
  claimId: string;

  @Column({ type: 'varchar', length: 20 })
  fromStatus: string;

  @Column({ type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column(timestampColumn())
  changedAt: Date = new Date();
}
