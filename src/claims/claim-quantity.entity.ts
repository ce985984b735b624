import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { newId } from '../common/ids';
import { QUANTITY_DECIMAL } from '../common/validators';
import { decimalColumn } from '../database/columns';
import { Claim } from './claim.entity';

/**
 * One reported figure. "more than 300 fighters" is lower=300 exclusive; "at least $200 million"
 * is lower=200000000 inclusive, currency USD; "about 300" is value=300, approximate.
 */
@Entity('claim_quantity')
// Matching reads a claim's figures by variable from this index alone (migration ClaimMatchingIndexes). Declared so schema checks leave it alone.
@Index('IDX_claim_quantity_claim_variable', { synchronize: false })
export class ClaimQuantity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  @Index()
  claimId: string;

  @ManyToOne(() => Claim, (claim) => claim.quantities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<Claim>;

  @Column({ type: 'int', default: 0 })
  position: number;

  /** What is counted, as a stable key: "fighters_refusing_surrender", "cash_taken". */
  @Column({ type: 'varchar', length: 100 })
  @Index()
  variable: string;

  @Column(decimalColumn({ nullable: true, ...QUANTITY_DECIMAL }))
  value: number | null;

  @Column(decimalColumn({ nullable: true, ...QUANTITY_DECIMAL }))
  lower: number | null;

  @Column({ type: 'boolean', default: true })
  lowerInclusive: boolean = true;

  @Column(decimalColumn({ nullable: true, ...QUANTITY_DECIMAL }))
  upper: number | null;

  @Column({ type: 'boolean', default: true })
  upperInclusive: boolean = true;

  @Column({ type: 'boolean', default: false })
  approximate: boolean = false;

  /** A vague figure ("dozens", "hundreds") kept as a conventional range: lower and upper are not the source's numbers. */
  @Column({ type: 'boolean', default: false })
  vague: boolean = false;

  /** The qualifier as written: "more than", "at least", "around". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  qualifier: string | null;

  /** The counted noun: "fighters", "trucks". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  unit: string | null;

  /** ISO 4217 code when the quantity is money. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;
}
