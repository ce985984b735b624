import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';
import { timestampColumn } from '../database/columns';

/** An API key, stored only as a SHA-256 hash: the key itself is shown once, at creation. */
@Entity('api_key')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  @Index()
  userId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The first characters of the key, so people can tell their keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  @Index({ unique: true })
  hash: string;

  @Column(timestampColumn())
  createdAt: Date = new Date();

  @Column(timestampColumn({ nullable: true }))
  lastUsedAt: Date | null = null;

  @Column(timestampColumn({ nullable: true }))
  revokedAt: Date | null = null;
}
