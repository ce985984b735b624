import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';
import { timestampColumn } from '../database/columns';

/** One change of a source's Admiralty grade, with who changed it and why. */
@Entity('reliability_change')
export class ReliabilityChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  @Index()
  sourceId: string;

  @Column({ type: 'varchar', length: 1, nullable: true })
  fromGrade: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  toGrade: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column(timestampColumn())
  changedAt: Date = new Date();
}
