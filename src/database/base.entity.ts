import { BeforeUpdate, Column, DeleteDateColumn, PrimaryColumn, VersionColumn } from 'typeorm';
import { timestampColumn } from './columns';
import { newId } from '../common/ids';

/**
 * Columns every editable record carries: a time-ordered id, timestamps, a version for
 * optimistic concurrency, and soft deletion (nothing is lost: deletion is a state).
 */
export abstract class BaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column(timestampColumn())
  createdAt: Date = new Date();

  @Column(timestampColumn())
  updatedAt: Date = new Date();

  @VersionColumn({ default: 1 })
  version: number;

  @DeleteDateColumn(timestampColumn({ nullable: true }))
  deletedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  deletedBy: string | null;

  /** The user who created the record; reporters may edit only their own. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy: string | null = null;

  @BeforeUpdate()
  protected touch(): void {
    this.updatedAt = new Date();
  }
}
