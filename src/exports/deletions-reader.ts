import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { date } from './export-reader';

/** Why rows left the export: deleted, or (claims only) merged into another claim by mergeClaims (issue 16). */
export type RemovalReason = 'DELETED' | 'MERGED';

export interface Removal {
  /** CLAIM: every row of the claim is gone. ATTRIBUTION: the row with this row_id is gone (the claim's other rows are re-sent). */
  type: 'CLAIM' | 'ATTRIBUTION';
  id: string;
  claim_id: string;
  reason: RemovalReason;
  /** For a MERGED claim, the claim its rows now belong to (it comes with `updatedSince`); otherwise null. */
  merged_into: string | null;
  at: string;
}

/**
 * The second half of incremental sync: records that left the export since a time. Read from the
 * records' own deleted-at, so a record restored since is not listed (it comes back through
 * `updatedSince`, its claim's updated_at having moved).
 */
@Injectable()
export class DeletionsReader {
  constructor(private readonly dataSource: DataSource) {}

  async since(since: Date | undefined): Promise<Removal[]> {
    const claims = this.dataSource
      .createQueryBuilder()
      .select(['c.id AS id', 'c.id AS claim_id', 'c.deleted_at AS at', 'm.survivor_id AS merged_into'])
      .from('claim', 'c')
      // A merge not undone (claim_merge.undone_at) is why a merged claim is deleted; an unmerged claim is live again.
      .leftJoin('claim_merge', 'm', 'm.duplicate_id = c.id AND m.undone_at IS NULL')
      // The table is an entity's with a delete-date column: TypeORM would add "deleted_at IS NULL" by itself.
      .withDeleted()
      .where('c.deleted_at IS NOT NULL');
    const attributions = this.dataSource
      .createQueryBuilder()
      .select(['a.id AS id', 'a.claim_id AS claim_id', 'a.deleted_at AS at', 'NULL AS merged_into'])
      .from('attribution', 'a')
      .withDeleted()
      .where('a.deleted_at IS NOT NULL');
    if (since) {
      claims.andWhere('c.deleted_at >= :since', { since });
      attributions.andWhere('a.deleted_at >= :since', { since });
    }
    const [c, a] = await Promise.all([claims.getRawMany(), attributions.getRawMany()]);
    const removals: Removal[] = [
      ...c.map((r) => removal('CLAIM', r)),
      ...a.map((r) => removal('ATTRIBUTION', r)),
    ];
    return removals.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
}

function removal(type: Removal['type'], r: Record<string, unknown>): Removal {
  const mergedInto = r.merged_into == null ? null : String(r.merged_into);
  return { type, id: String(r.id), claim_id: String(r.claim_id), reason: mergedInto ? 'MERGED' : 'DELETED', merged_into: mergedInto, at: (date(r.at) as Date).toISOString() };
}
