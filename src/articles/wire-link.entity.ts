import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { newId } from '../common/ids';
import { timestampColumn } from '../database/columns';

/** An anonymous source whose origin group an editor's wire link set, and the group it had before (restored on unlink). */
export interface OriginJoin {
  sourceId: string;
  before: string | null;
  after: string;
}

/**
 * An editor's word on two articles (linkWireCopies / unlinkWireCopies): copies of one wire story, or
 * not, whatever the text rule (wire-copies.ts) says. One row per pair, the smaller id first; the
 * latest word stands. The change itself is in the audit history of both articles.
 */
@Entity('wire_link')
@Index('IDX_wire_link_pair', ['articleId', 'otherArticleId'], { unique: true })
@Index('IDX_wire_link_other', ['otherArticleId'])
export class WireLink {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Column({ type: 'varchar', length: 36 })
  articleId: string;

  @Column({ type: 'varchar', length: 36 })
  otherArticleId: string;

  /** True: one wire story. False: not copies, even if the same agency and a near-identical body say so. */
  @Column({ type: 'boolean' })
  copies: boolean;

  /** What linking did to the anonymous sources cited in both (one origin each description), for unlinking to undo. */
  @Column({ type: 'simple-json' })
  originJoins: OriginJoin[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  linkedBy: string | null;

  @Column(timestampColumn())
  linkedAt: Date = new Date();
}
