import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Claim } from '../claims/claim.entity';
import { pageSize } from '../common/pagination';
import { ClaimConflict } from './claim-conflict.entity';
import { DiscrepanciesArgs } from './dto/discrepancies.args';

export interface TrackRecordRow {
  sourceId: string;
  status: string;
  count: number;
}

/** Read-side questions editors ask of the maintained analysis tables. */
@Injectable()
export class AnalysisQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Conflict pairs of these claims whose other side is still live. */
  conflictsOf(claimIds: readonly string[]): Promise<ClaimConflict[]> {
    return this.dataSource.manager
      .createQueryBuilder(ClaimConflict, 'cc')
      .innerJoin(Claim, 'o', 'o.id = cc.other_claim_id AND o.deleted_at IS NULL')
      .where('cc.claim_id IN (:...ids)', { ids: [...claimIds] })
      .orderBy('cc.other_claim_id', 'ASC')
      .getMany();
  }

  async trackRecords(sourceIds: readonly string[]): Promise<TrackRecordRow[]> {
    const rows: Array<{ source_id: string; status: string; n: string | number }> = await this.dataSource
      .createQueryBuilder()
      .select('a.source_id', 'source_id')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(DISTINCT c.id)', 'n')
      .from('attribution', 'a')
      .innerJoin('claim', 'c', 'c.id = a.claim_id AND c.deleted_at IS NULL')
      .where('a.deleted_at IS NULL AND a.stance = :stance AND a.source_id IN (:...ids)', { stance: 'ASSERTS', ids: [...sourceIds] })
      .groupBy('a.source_id')
      .addGroupBy('c.status')
      .getRawMany();
    return rows.map((r) => ({ sourceId: r.source_id, status: r.status, count: Number(r.n) }));
  }

  /** Each pair once (claim id < other id), most recently logged first. */
  async discrepancies(args: DiscrepanciesArgs): Promise<Array<{ variable: string; claim: Claim; otherClaim: Claim }>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ClaimConflict, 'cc')
      .innerJoinAndMapOne('cc.claim', Claim, 'a', 'a.id = cc.claim_id AND a.deleted_at IS NULL')
      .innerJoinAndMapOne('cc.otherClaim', Claim, 'b', 'b.id = cc.other_claim_id AND b.deleted_at IS NULL')
      .where('cc.variable = :variable AND cc.claim_id < cc.other_claim_id', { variable: args.variable });
    for (const alias of ['a', 'b']) {
      if (args.from) qb.andWhere(`(${alias}.event_time_start IS NULL OR COALESCE(${alias}.event_time_end, ${alias}.event_time_start) >= :from)`, { from: args.from });
      if (args.to) qb.andWhere(`(${alias}.event_time_start IS NULL OR ${alias}.event_time_start <= :to)`, { to: args.to });
    }
    const rows = (await qb.orderBy('cc.claim_id', 'DESC').addOrderBy('cc.other_claim_id', 'DESC').take(pageSize(args.first)).getMany()) as Array<
      ClaimConflict & { claim: Claim; otherClaim: Claim }
    >;
    return rows.map((r) => ({ variable: r.variable, claim: r.claim, otherClaim: r.otherClaim }));
  }
}
