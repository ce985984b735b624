import { Column, Entity, Index, OneToMany, Relation } from 'typeorm';
import type { SpeakerAnonymity } from './analysis/sourcing';
import { BaseRecord } from '../database/base.entity';
import { COORDINATE_DECIMAL } from '../common/validators';
import { decimalColumn, timestampColumn } from '../database/columns';
import { ClaimQuantity } from './claim-quantity.entity';
import { ClaimStatus, PlacePrecision, TimePrecision } from './claim-enum-values';
import { DeclaredValues, declareEntityColumns } from './declared-columns';

// The place filter's expression indexes (migration FilterColumns, lower(...)) are declared so schema checks leave them alone.
export class PlaceColumns {
  @Column({ type: 'varchar', length: 200, nullable: true })
  @Index('IDX_claim_place_name_lower', { synchronize: false })
  name: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  @Index('IDX_claim_place_admin_area_lower', { synchronize: false })
  adminArea: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  @Index('IDX_claim_place_country', { synchronize: false })
  country: string | null;

  @Column(decimalColumn({ nullable: true, ...COORDINATE_DECIMAL }))
  latitude: number | null;

  @Column(decimalColumn({ nullable: true, ...COORDINATE_DECIMAL }))
  longitude: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  precision: PlacePrecision | null;
}

export class EventTimeColumns {
  @Column(timestampColumn({ nullable: true }))
  start: Date | null;

  /** Equal to start for an instant; later for a window ("in the past six months"). */
  @Column(timestampColumn({ nullable: true }))
  end: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  precision: TimePrecision | null;
}

/**
 * The columns the analysis module derives from attributions and figures (never typed in). They are
 * not audited: they follow from the audited records, and at a claim's creation they are worked out
 * only after its attributions are written, so a snapshot then would record values never committed.
 */
export const DERIVED_CLAIM_COLUMNS = ['independentSourceCount', 'denyingSourceCount', 'questioningSourceCount', 'sourcing', 'circular', 'speakerAnonymity', 'hasDiscrepancy'] as const;

/** A claim as audited: its typed-in columns only. */
export function auditedClaim<T extends Partial<Claim>>(claim: T): Omit<T, (typeof DERIVED_CLAIM_COLUMNS)[number]> {
  const copy: Record<string, unknown> = { ...claim };
  for (const column of DERIVED_CLAIM_COLUMNS) delete copy[column];
  return copy as Omit<T, (typeof DERIVED_CLAIM_COLUMNS)[number]>;
}

@Entity('claim')
@Index(['eventTime.start', 'id'])
// Each equality filter's index ends in id, so a filtered list walks it newest first and stops at the page size.
@Index(['status', 'id'])
@Index(['sourcing', 'id'])
@Index(['independentSourceCount', 'id'])
@Index(['speakerAnonymity', 'id'])
@Index(['hasDiscrepancy', 'id'])
// Incremental sync reads the claims changed since a time (`updatedSince`).
@Index(['updatedAt'])
// Matching's candidates (migration ClaimMatchingIndexes): same place in a window, live claims in a window. Declared so schema checks leave them alone.
@Index('IDX_claim_place_window', { synchronize: false })
@Index('IDX_claim_live_window', { synchronize: false })
// The deleted claims alone (migration ClaimDeletedIndex), so the live count is every claim less these.
@Index('IDX_claim_deleted', { synchronize: false })
export class Claim extends BaseRecord {
  /**
   * PostgreSQL's full-text index for matching (migration ClaimStatementSearch) and its trigram index for the
   * list's text filter (migration ClaimStatementTrigrams); declared so schema checks leave them alone.
   */
  @Column({ type: 'text' })
  @Index('IDX_claim_statement_fts', { synchronize: false })
  @Index('IDX_claim_statement_trgm_gin', { synchronize: false })
  statement: string;

  /** PostgreSQL's trigram index serves the tag filter's LIKE (migration FilterColumns); declared so schema checks leave it alone. */
  @Column({ type: 'simple-json' })
  @Index('IDX_claim_tags_trgm', { synchronize: false })
  tags: string[] = [];

  @Column({ type: 'varchar', length: 20, default: ClaimStatus.UNVERIFIED })
  status: ClaimStatus = ClaimStatus.UNVERIFIED;

  @Column(() => PlaceColumns)
  place: PlaceColumns;

  @Column(() => EventTimeColumns)
  eventTime: EventTimeColumns;

  // Derived from the live attributions and kept right by the analysis module inside every
  // writer's transaction, so editors' filters run in SQL. Never typed in.
  @Column({ type: 'int', default: 0 })
  independentSourceCount: number = 0;

  @Column({ type: 'int', default: 0 })
  denyingSourceCount: number = 0;

  @Column({ type: 'int', default: 0 })
  questioningSourceCount: number = 0;

  @Column({ type: 'varchar', length: 20, default: 'UNSOURCED' })
  sourcing: string = 'UNSOURCED';

  @Column({ type: 'boolean', default: false })
  circular: boolean = false;

  /** Whether the live speakers are anonymous (claims/analysis/sourcing.ts speakerAnonymityOf): the anonymity filter's column. */
  @Column({ type: 'varchar', length: 16, default: 'NONE' })
  speakerAnonymity: SpeakerAnonymity = 'NONE';

  /** True while another live claim's figures for a shared variable cannot be true with this one's. */
  @Column({ type: 'boolean', default: false })
  hasDiscrepancy: boolean = false;

  /** The claim's id in the system it was imported from; makes re-importing the same file a no-op. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  @Index({ unique: true })
  externalId: string | null;

  @OneToMany(() => ClaimQuantity, (q) => q.claim, { cascade: true })
  quantities: Relation<ClaimQuantity[]>;
}

/** The typed-in plain columns (hedge…), declared once in declared-columns.ts. */
export interface Claim extends DeclaredValues {}
declareEntityColumns(Claim);
