import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { timestampColumn } from '../database/columns';

@Entity('article')
export class Article extends BaseRecord {
  /** The URL as the reporter gave it. */
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  /** Lower-case host, no fragment, no tracking parameters: one article, one row. */
  @Column({ type: 'varchar', length: 2048 })
  @Index({ unique: true })
  canonicalUrl: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  headline: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Index()
  publisher: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  wireAgency: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  byline: string | null;

  @Column(timestampColumn({ nullable: true }))
  @Index()
  publishedAt: Date | null;

  /** BCP 47 language tag, e.g. "en" or "ar-SY". */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language: string | null;

  @Column({ type: 'text', nullable: true })
  bodyText: string | null;

  @Column(timestampColumn({ nullable: true }))
  retrievedAt: Date | null;
}
