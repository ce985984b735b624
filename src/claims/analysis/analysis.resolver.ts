import { Args, Context, Extensions, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toClaimModel } from '../claim.mapper';
import { ClaimModel } from '../claim.model';
import { RequestContext } from '../../common/context';
import { groupByKey } from '../../common/loaders';
import { SourceModel } from '../../sources/source.model';
import { LIST_BOUND } from '../../limits/query-limits';
import { AnalysisQueriesService } from './analysis-queries.service';
import { DiscrepancyModel, SourceTrackRecordModel } from './analysis.model';
import { AnalysisService } from './analysis.service';
import { attributionLine } from './attribution-line';
import { CONFLICTS_LIMIT } from './discrepancy-sql';
import { DiscrepanciesArgs } from './dto/discrepancies.args';

@Resolver(() => ClaimModel)
export class ClaimAnalysisResolver {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly queries: AnalysisQueriesService,
  ) {}

  @ResolveField(() => String, { description: 'Newsroom-style attribution: "CNN, quoting a senior military official (anonymous); also reported by ...".' })
  async attributionLine(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<string> {
    const loader = ctx.loaders.get('claim.attributionFacts', async (ids) => {
      const facts = await this.analysis.attributionFacts(ids);
      return ids.map((id) => facts.get(id) ?? []);
    });
    return attributionLine(await loader.load(claim.id));
  }

  @ResolveField(() => [ClaimModel], { description: `Claims whose figures for a shared variable cannot both be true with this one's (at most ${CONFLICTS_LIMIT}).` })
  @Extensions({ [LIST_BOUND]: CONFLICTS_LIMIT })
  async conflictsWith(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<ClaimModel[]> {
    // Only claims flagged as in discrepancy have any; the others cost no query.
    if (!claim.hasDiscrepancy) return [];
    const loader = ctx.loaders.get('claim.conflictsWith', (ids) => this.queries.conflictsOfMany(ids));
    return (await loader.load(claim.id)).map(toClaimModel);
  }

  @Query(() => [DiscrepancyModel], { description: 'Pairs of claims on one variable whose figures cannot both be true.' })
  async discrepancies(@Args() args: DiscrepanciesArgs): Promise<DiscrepancyModel[]> {
    const pairs = await this.queries.discrepancies(args);
    return pairs.map((p) => ({ variable: p.variable, claim: toClaimModel(p.claim), otherClaim: toClaimModel(p.otherClaim) }));
  }
}

@Resolver(() => SourceModel)
export class SourceAnalysisResolver {
  constructor(private readonly queries: AnalysisQueriesService) {}

  @ResolveField(() => SourceTrackRecordModel, { description: 'Claims this source asserts, by editorial status.' })
  async trackRecord(@Parent() source: SourceModel, @Context() ctx: RequestContext): Promise<SourceTrackRecordModel> {
    const loader = ctx.loaders.get('source.trackRecord', async (ids) => groupByKey(ids, await this.queries.trackRecords(ids), (r) => r.sourceId));
    const rows = await loader.load(source.id);
    const count = (status: string) => rows.find((r) => r.status === status)?.count ?? 0;
    return {
      total: rows.reduce((sum, r) => sum + r.count, 0),
      unverified: count('UNVERIFIED'),
      corroborated: count('CORROBORATED'),
      contested: count('CONTESTED'),
      confirmed: count('CONFIRMED'),
      falseCount: count('FALSE'),
      retracted: count('RETRACTED'),
    };
  }

  @ResolveField(() => Int, { description: 'Claims where this source speaks (any stance) or relays, each counted once; the claims filter sourceId lists them.' })
  async claimCount(@Parent() source: SourceModel, @Context() ctx: RequestContext): Promise<number> {
    const loader = ctx.loaders.get('source.claimCount', async (ids) => groupByKey(ids, await this.queries.claimCounts(ids), (r) => r.sourceId));
    return (await loader.load(source.id))[0]?.count ?? 0;
  }
}
