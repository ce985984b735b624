import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { newId } from '../common/ids';
import { Source } from '../sources/source.entity';
import { Attribution } from './attribution.entity';

/**
 * One intermediary that relayed an attribution. Position 0 is the hop the article heard from
 * directly; the last hop is the one closest to the original speaker. "AFP, citing CNN, which
 * quoted an official" is [AFP, CNN] with the official as the attribution's source.
 */
@Entity('relay_hop')
@Index(['attributionId', 'position'], { unique: true })
export class RelayHop {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  attributionId: string;

  @ManyToOne(() => Attribution, (a) => a.chain, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attribution_id' })
  attribution: Relation<Attribution>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 36 })
  @Index()
  sourceId: string;

  @ManyToOne(() => Source)
  @JoinColumn({ name: 'source_id' })
  source: Relation<Source>;

  /** How this hop passed it on: "quoting", "citing". */
  @Column({ type: 'varchar', length: 50, nullable: true })
  cue: string | null;
}
