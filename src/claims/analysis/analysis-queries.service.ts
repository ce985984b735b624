import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Claim } from '../claim.entity';
import { ClaimsService } from '../claims.service';
import { pageSize } from '../../common/pagination';
import { groupByKey } from '../../common/loaders';
import { AnalysisService } from './analysis.service';
import { CONFLICTS_LIMIT, contradictingPairsSql } from './discrepancy-sql';
import { DiscrepanciesArgs } from './dto/discrepancies.args';

export interface TrackRecordRow {
  sourceId: string;
  status: string;
  count: number;
}

/** Read-side questions editors ask of the maintained analysis values. */
@Injectable()
export class AnalysisQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly claims: ClaimsService,
  ) {}

  /**
   * Claims whose figures contradict each of these claims', at most `limit` per claim, by id: one statement
   * finds the pairs for all of them and one more loads the claims, however many claims are asked about. The
   * claim tree reads the same pairs, in the same order and bound, in its own statement (conflictingClaimIdsSql).
   */
  async conflictsOfMany(claimIds: readonly string[], limit = CONFLICTS_LIMIT): Promise<Claim[][]> {
    if (!claimIds.length) return [];
    // Through the figures' rows on the event-day tree (figure-span-index.ts): index ranges, not a pass over the variable.
    const pairs = contradictingPairsSql(null);
    const sql = `SELECT r.mine, r.theirs FROM (
        SELECT d.mine, d.theirs, ROW_NUMBER() OVER (PARTITION BY d.mine ORDER BY d.theirs) AS rn FROM (${pairs}) d
      ) r WHERE r.rn <= :limit ORDER BY r.mine, r.theirs`;
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(sql, { ids: [...claimIds], limit });
    const rows: Array<{ mine: string; theirs: string }> = await this.dataSource.query(query, parameters);
    const claims = rows.length ? new Map((await this.claims.findByIds([...new Set(rows.map((r) => r.theirs))])).map((c) => [c.id, c])) : new Map<string, Claim>();
    const found = groupByKey(claimIds, rows, (r) => r.mine);
    return found.map((group) => group.map((r) => claims.get(r.theirs)).filter((c): c is Claim => c !== undefined));
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

  /**
   * Claims each source takes part in as speaker (any stance) or as a hop of a relay chain, each claim
   * once: what the claims filter's sourceId finds. A relay asserts nothing, so trackRecord leaves it out.
   */
  async claimCounts(sourceIds: readonly string[]): Promise<Array<{ sourceId: string; count: number }>> {
    const sql = `SELECT x.source_id, COUNT(DISTINCT x.claim_id) AS n FROM (
        SELECT a.source_id, a.claim_id FROM attribution a WHERE a.deleted_at IS NULL AND a.source_id IN (:...ids)
        UNION ALL
        SELECT h.source_id, a.claim_id FROM relay_hop h JOIN attribution a ON a.id = h.attribution_id AND a.deleted_at IS NULL WHERE h.source_id IN (:...ids)
      ) x JOIN claim c ON c.id = x.claim_id AND c.deleted_at IS NULL
      GROUP BY x.source_id`;
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(sql, { ids: [...sourceIds] });
    const rows: Array<{ source_id: string; n: string | number }> = await this.dataSource.query(query, parameters);
    return rows.map((r) => ({ sourceId: r.source_id, count: Number(r.n) }));
  }

  /**
   * Pairs of contradicting claims on one variable, each pair once, newest claims first. Built
   * from the flagged claims, so the work is bounded by `first`, not by the variable's size.
   */
  async discrepancies(args: DiscrepanciesArgs): Promise<Array<{ variable: string; claim: Claim; otherClaim: Claim }>> {
    const wanted = pageSize(args);
    const manager = this.dataSource.manager;
    const qb = manager
      .createQueryBuilder(Claim, 'c')
      .where('c.has_discrepancy = :flag', { flag: true })
      .andWhere('EXISTS (SELECT 1 FROM claim_quantity q WHERE q.claim_id = c.id AND q.variable = :variable)', { variable: args.variable });
    if (args.from) qb.andWhere('(c.event_time_start IS NULL OR COALESCE(c.event_time_end, c.event_time_start) >= :from)', { from: args.from });
    if (args.to) qb.andWhere('(c.event_time_start IS NULL OR c.event_time_start <= :to)', { to: args.to });
    const flagged = await qb.orderBy('c.id', 'DESC').take(wanted * 2).getMany();
    const pairs: Array<{ variable: string; claim: Claim; otherClaim: Claim }> = [];
    const seen = new Set<string>();
    for (const claim of flagged) {
      const figures = await this.claims.figuresOf(manager, claim);
      figures.quantities = figures.quantities.filter((q) => q.variable === args.variable);
      const others = await this.analysis.contradicting(manager, claim.id, figures, wanted);
      for (const other of others.length ? await this.claims.findByIds(others) : []) {
        const key = [claim.id, other.id].sort().join(':');
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ variable: args.variable, claim, otherClaim: other });
        if (pairs.length >= wanted) return pairs;
      }
    }
    return pairs;
  }
}
