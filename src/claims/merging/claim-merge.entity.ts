import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/ids';
import { timestampColumn } from '../../database/columns';

/** What a merge moved, so that unmergeClaim can put exactly that back. */
export interface MergeMoves {
  attributionIds: string[];
  /** Each moved quantity with its position on the duplicate. */
  quantities: Array<{ id: string; position: number }>;
}

/**
 * One mergeClaims: the duplicate is deleted (merged is a state like deletion) and this row says
 * into which claim and what moved. Undone rows stay, with when and by whom, as history.
 */
@Entity('claim_merge')
export class ClaimMerge {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  @Index()
  survivorId: string;

  @Column({ type: 'varchar', length: 36 })
  @Index()
  duplicateId: string;

  @Column({ type: 'simple-json' })
  moves: MergeMoves;

  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedBy: string | null;

  @Column(timestampColumn())
  mergedAt: Date = new Date();

  @Column({ type: 'varchar', length: 36, nullable: true })
  undoneBy: string | null = null;

  @Column(timestampColumn({ nullable: true }))
  undoneAt: Date | null = null;
}
