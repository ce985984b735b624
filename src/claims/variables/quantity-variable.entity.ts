import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/**
 * One entry of the vocabulary of figures: what a quantity's `variable` key means, how it is
 * written in other datasets (UCDP GED, ACLED), and the other keys that mean the same (aliases,
 * normalised to the name when a claim is written). Seeded by migration; editors add more.
 */
@Entity('quantity_variable')
export class QuantityVariable {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** The counted thing ("people", "fighters"); null for money. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  unit: string | null;

  /** ISO 4217 code for money. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'simple-json' })
  aliases: string[] = [];

  /** The UCDP GED field this counts toward, if any ("deaths_civilians", "deaths_a + deaths_b"). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  ucdp: string | null;

  /** The ACLED field or event type this counts toward, if any. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  acled: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy: string | null = null;

  @Column(timestampColumn())
  createdAt: Date = new Date();
}
