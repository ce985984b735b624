import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { timestampColumn } from '../database/columns';
import { Source } from '../sources/source.entity';
import { AttributionMode, Stance } from './attribution-enum-values';
import { RelayHop } from './relay-hop.entity';

/** A source's stance on a claim, and the conditions under which it was given. */
@Entity('attribution')
export class Attribution extends BaseRecord {
  @Column({ type: 'varchar', length: 36 })
  @Index()
  claimId: string;

  // The target by its class name, as a string: claims/ builds on attributions/, so this folder does not import Claim.
  // Nothing reads the relation's object; it declares the foreign key and its cascade.
  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<{ id: string }>;

  /** The original speaker. Outlets that passed the words on are in `chain`. */
  @Column({ type: 'varchar', length: 36 })
  @Index()
  sourceId: string;

  @ManyToOne(() => Source)
  @JoinColumn({ name: 'source_id' })
  source: Relation<Source>;

  @Column({ type: 'varchar', length: 16, default: Stance.ASSERTS })
  @Index()
  stance: Stance = Stance.ASSERTS;

  /** The verb as written: "said", "reported", "quoting". */
  @Column({ type: 'varchar', length: 50, nullable: true })
  cue: string | null;

  @Column({ type: 'varchar', length: 16, default: AttributionMode.PARAPHRASE })
  mode: AttributionMode = AttributionMode.PARAPHRASE;

  @Column(timestampColumn({ nullable: true }))
  saidAt: Date | null;

  /** Admiralty information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged. */
  @Column({ type: 'int', nullable: true })
  credibility: number | null;

  /** The copy grants the speaker anonymity ("said on condition of anonymity"), with or without a reason. */
  @Column({ type: 'boolean', default: false })
  anonymityGranted: boolean = false;

  /** Why anonymity was granted, as stated: "not authorized to speak about the talks". */
  @Column({ type: 'varchar', length: 500, nullable: true })
  anonymityReason: string | null;

  /** The speaker's relationship to the matter: "close to the negotiations". */
  @Column({ type: 'varchar', length: 300, nullable: true })
  relationship: string | null;

  /** Other conditions as written, e.g. "could not be independently verified". */
  @Column({ type: 'simple-json' })
  conditions: string[] = [];

  @OneToMany(() => RelayHop, (hop) => hop.attribution, { cascade: true })
  chain: Relation<RelayHop[]>;
}
