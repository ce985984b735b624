import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Claim } from '../claim.entity';
import { Source } from '../../sources/source.entity';
import type { SpeakerAnonymity } from './sourcing';

/**
 * A source that a claim's live attributions name, as speaker, relay or both: derived from the
 * attributions and their chains by the analysis module with the claim's sourcing values, never
 * written by anyone else. The primary key (source, claim) makes "claims CNN speaks to or relays,
 * newest first" an index range; the claim index serves the per-claim check and the refresh.
 */
@Entity('claim_source')
@Index(['claimId'])
@Index(['sourceId', 'speakerAnonymity', 'claimId'])
export class ClaimSource {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  sourceId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  claimId: string;

  @Column({ type: 'boolean' })
  speaks: boolean;

  @Column({ type: 'boolean' })
  relays: boolean;

  /** The claim's own speaker_anonymity (claims/analysis/sourcing.ts claimSourcesOf), rewritten with these rows. */
  @Column({ type: 'varchar', length: 16 })
  speakerAnonymity: SpeakerAnonymity;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source: Relation<Source>;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<Claim>;
}
