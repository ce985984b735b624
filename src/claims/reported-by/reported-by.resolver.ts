import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Article } from '../../articles/article.entity';
import { Attribution } from '../../attributions/attribution.entity';
import { Citation } from '../../attributions/citation.entity';
import { RequestContext } from '../../common/context';
import { ClaimModel } from '../claim.model';
import { ReportedByModel } from './reported-by.model';
import { outletOf, wireGroups, wireLinksOf } from '../../articles/wire-copies';

@Resolver(() => ClaimModel)
export class ReportedByResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => ReportedByModel, { description: 'The outlets, articles and wire groups that carry the claim, through its live citations.' })
  async reportedBy(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<ReportedByModel> {
    const loader = ctx.loaders.get('claim.reportedBy', async (ids) => {
      const rows = await this.dataSource.manager
        .createQueryBuilder(Citation, 'ci')
        .innerJoin(Attribution, 'a', 'a.id = ci.attribution_id AND a.deleted_at IS NULL')
        .innerJoin(Article, 'ar', 'ar.id = ci.article_id AND ar.deleted_at IS NULL')
        .select('a.claim_id', 'claimId')
        .addSelect(['ar.id AS id', 'ar.url AS url', 'ar.publisher AS publisher', 'ar.wire_agency AS "wireAgency"', 'ar.headline AS headline', 'ar.body_text AS "bodyText"'])
        .where('a.claim_id IN (:...ids)', { ids: [...ids] })
        .orderBy('ar.id')
        .getRawMany<{ claimId: string; id: string; url: string; publisher: string | null; wireAgency: string | null; headline: string | null; bodyText: string | null }>();
      const links = await wireLinksOf(this.dataSource.manager, [...new Set(rows.map((r) => r.id))]);
      return ids.map((id) => {
        const articles = [...new Map(rows.filter((r) => r.claimId === id).map((r) => [r.id, r])).values()];
        const groups = wireGroups(articles, links);
        const outlets = [...new Set(articles.map(outletOf))];
        return {
          outletCount: outlets.length,
          reportCount: groups.length,
          outlets,
          articleIds: articles.map((a) => a.id),
          reports: groups.map((g) => ({ wireAgency: g.length > 1 || g[0].wireAgency ? g[0].wireAgency : null, articleIds: g.map((a) => a.id), outlets: [...new Set(g.map(outletOf))] })),
        };
      });
    });
    return (await loader.load(claim.id)) as ReportedByModel;
  }
}
