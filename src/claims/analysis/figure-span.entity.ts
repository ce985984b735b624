import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A live claim's figure filed under one node of the event-day tree (figure-spans.ts): the discrepancy check
 * probes these by (variable, kind, node, flagged) and a bound, so its cost does not grow with the variable.
 * Derived from claim_quantity and claim; rebuilt whenever a claim's figures, event time or liveness change.
 */
@Entity('figure_span')
@Index('IDX_figure_span_high', ['variable', 'kind', 'node', 'flagged', 'high'])
@Index('IDX_figure_span_low', ['variable', 'kind', 'node', 'flagged', 'low'])
export class FigureSpan {
  /**
   * First in the primary key: rows are written, re-flagged and removed by claim, so the key serves those look-ups and
   * no index of its own on claim_id is kept up to date on every write.
   */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  claimId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  quantityId: string;

  @PrimaryColumn({ type: 'varchar', length: 1 })
  kind: string;

  @PrimaryColumn({ type: 'int' })
  node: number;

  @Column({ type: 'varchar', length: 100 })
  variable: string;

  /** The figure's range in double precision, as quantityRange reads it; NULL for an open end. */
  @Column({ type: 'double precision', nullable: true })
  low: number | null;

  @Column({ type: 'boolean' })
  lowInclusive: boolean;

  @Column({ type: 'double precision', nullable: true })
  high: number | null;

  @Column({ type: 'boolean' })
  highInclusive: boolean;

  /** The claim's has_discrepancy, so that the claims still to flag are found without passing the flagged ones. */
  @Column({ type: 'boolean', default: false })
  flagged: boolean;
}
