import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';

/**
 * A maintained pair of claims whose figures for one variable cannot both be true. Stored in
 * both directions so "claims in discrepancy" is a plain indexed look-up.
 */
@Entity('claim_conflict')
@Index(['claimId', 'otherClaimId', 'variable'], { unique: true })
export class ClaimConflict {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  claimId: string;

  @Column({ type: 'varchar', length: 36 })
  @Index()
  otherClaimId: string;

  @Column({ type: 'varchar', length: 100 })
  @Index()
  variable: string;
}
