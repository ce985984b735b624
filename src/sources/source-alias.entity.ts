import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { newId } from '../common/ids';
import { Source } from './source.entity';

@Entity('source_alias')
@Index(['sourceId', 'aliasKey'], { unique: true })
export class SourceAlias {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  sourceId: string;

  @ManyToOne(() => Source, (source) => source.aliases, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source: Relation<Source>;

  @Column({ type: 'varchar', length: 300 })
  alias: string;

  @Column({ type: 'varchar', length: 300 })
  @Index()
  aliasKey: string;
}
