import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { Article } from '../articles/article.entity';
import { Attribution } from './attribution.entity';

/**
 * Where an attribution is reported: an article and the exact words, anchored W3C-style
 * (exact text with prefix and suffix, plus character offsets) so it can be found again.
 */
@Entity('citation')
export class Citation extends BaseRecord {
  @Column({ type: 'varchar', length: 36 })
  @Index()
  attributionId: string;

  @ManyToOne(() => Attribution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attribution_id' })
  attribution: Relation<Attribution>;

  @Column({ type: 'varchar', length: 36 })
  @Index()
  articleId: string;

  @ManyToOne(() => Article)
  @JoinColumn({ name: 'article_id' })
  article: Relation<Article>;

  /** Null when the reporter recorded only that the article carries the attribution. */
  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  prefix: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  suffix: string | null;

  @Column({ type: 'int', nullable: true })
  startOffset: number | null;

  @Column({ type: 'int', nullable: true })
  endOffset: number | null;
}
