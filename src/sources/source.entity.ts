import { Column, Entity, Index, OneToMany, Relation } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { SourceAlias } from './source-alias.entity';
import { Reliability, SourceKind } from './source-kind';

@Entity('source')
export class Source extends BaseRecord {
  @Column({ type: 'varchar', length: 32 })
  @Index()
  kind: SourceKind;

  /** For an anonymous source the name is its description: "a senior military official". */
  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Case- and accent-folded name, for matching "Deir Ezzor 24" against "deir ezzor 24". */
  @Column({ type: 'varchar', length: 300 })
  @Index()
  nameKey: string;

  /**
   * nameKey while the source is named (not ANONYMOUS) and not deleted, else NULL: unique, so the
   * database itself keeps two live named sources from sharing a name, however many requests create
   * one at once (sources.service.ts). Anonymous descriptions repeat legitimately ("a senior official").
   */
  @Column({ type: 'varchar', length: 300, nullable: true })
  @Index({ unique: true })
  liveNameKey: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  basedIn: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  wikidataId: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  reliability: Reliability | null;

  /** Who an anonymous source really is, if the reporter knows. Editors and admins only. */
  @Column({ type: 'text', nullable: true })
  confidentialNote: string | null;

  /** Sources an editor has linked as one origin (e.g. the same anonymous official in two stories). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @Index()
  originGroupId: string | null;

  @OneToMany(() => SourceAlias, (alias) => alias.source, { cascade: true })
  aliases: Relation<SourceAlias[]>;
}
