import { Actor } from '../core/actor';
import { readable } from '../access/read-policy';
import { CurrentActor } from '../core/current-actor.decorator';
import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../common/selection';
import { ArticleModel } from '../articles/article.model';
import { IdArgs } from '../common/args';
import { RequestContext } from '../common/context';
import { NotFoundError } from '../common/errors';
import { PageArgs } from '../common/pagination';
import { SourceModel } from '../sources/source.model';
import { AttributionConnection } from './attribution.connection';
import { AttributionLoaders } from './attribution-loaders';
import { AttributionModel, CitationModel, RelayHopModel } from './attribution.model';
import { AttributionsService } from './attributions.service';
import { AddAttributionInput } from './dto/add-attribution.input';
import { AddCitationInput } from './dto/add-citation.input';
import { RemoveAttributionInput } from './dto/remove-attribution.input';
import { UpdateAttributionInput } from './dto/update-attribution.input';

@Resolver(() => AttributionModel)
export class AttributionsResolver {
  constructor(
    private readonly service: AttributionsService,
    private readonly loaders: AttributionLoaders,
  ) {}

  @Query(() => AttributionModel)
  attribution(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<AttributionModel> {
    return this.service.getForReader(id, actor);
  }

  @Mutation(() => AttributionModel)
  addAttribution(@Args('input') input: AddAttributionInput, @CurrentActor() actor: Actor): Promise<AttributionModel> {
    return this.service.add(input, actor);
  }

  @Mutation(() => AttributionModel)
  updateAttribution(@Args('input') input: UpdateAttributionInput, @CurrentActor() actor: Actor): Promise<AttributionModel> {
    return this.service.update(input, actor);
  }

  @Mutation(() => AttributionModel, { description: 'Marks the attribution deleted; it stays in history.' })
  removeAttribution(@Args('input') input: RemoveAttributionInput, @CurrentActor() actor: Actor): Promise<AttributionModel> {
    return this.service.remove(input, actor);
  }

  @ResolveField(() => SourceModel, { description: 'The original speaker.' })
  async source(@Parent() a: AttributionModel, @Context() ctx: RequestContext): Promise<SourceModel> {
    return required(await this.loaders.source(ctx.loaders).load(a.sourceId), 'Source', a.sourceId);
  }

  @ResolveField(() => [RelayHopModel], { description: 'Intermediaries in order, outermost first.' })
  chain(@Parent() a: AttributionModel, @Context() ctx: RequestContext): Promise<RelayHopModel[]> {
    return this.loaders.chain(ctx.loaders).load(a.id);
  }

  @ResolveField(() => [CitationModel])
  citations(@Parent() a: AttributionModel, @Context() ctx: RequestContext): Promise<CitationModel[]> {
    return this.loaders.citationsByAttribution(ctx.loaders).load(a.id);
  }
}

@Resolver(() => RelayHopModel)
export class RelayHopResolver {
  constructor(private readonly loaders: AttributionLoaders) {}

  @ResolveField(() => SourceModel)
  async source(@Parent() hop: RelayHopModel, @Context() ctx: RequestContext): Promise<SourceModel> {
    return required(await this.loaders.source(ctx.loaders).load(hop.sourceId), 'Source', hop.sourceId);
  }
}

@Resolver(() => CitationModel)
export class CitationsResolver {
  constructor(
    private readonly service: AttributionsService,
    private readonly loaders: AttributionLoaders,
  ) {}

  @Query(() => CitationModel)
  citation(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<CitationModel> {
    return this.service.getCitation(id, actor);
  }

  @Mutation(() => CitationModel)
  addCitation(@Args('input') input: AddCitationInput, @CurrentActor() actor: Actor): Promise<CitationModel> {
    return this.service.addCitation(input, actor);
  }

  @ResolveField(() => ArticleModel)
  async article(@Parent() c: CitationModel, @Context() ctx: RequestContext): Promise<ArticleModel> {
    return readable(await this.loaders.article(ctx.loaders).load(c.articleId), 'Article', c.articleId, ctx);
  }

  @ResolveField(() => AttributionModel)
  async attribution(@Parent() c: CitationModel, @Context() ctx: RequestContext): Promise<AttributionModel> {
    return readable(await this.loaders.attribution(ctx.loaders).load(c.attributionId), 'Attribution', c.attributionId, ctx);
  }
}

@Resolver(() => ArticleModel)
export class ArticleCitationsResolver {
  constructor(private readonly loaders: AttributionLoaders) {}

  @ResolveField(() => [CitationModel], { description: 'Every citation of this article.' })
  citations(@Parent() article: ArticleModel, @Context() ctx: RequestContext): Promise<CitationModel[]> {
    return this.loaders.citationsByArticle(ctx.loaders).load(article.id);
  }
}

@Resolver(() => SourceModel)
export class SourceAttributionsResolver {
  constructor(private readonly service: AttributionsService) {}

  @ResolveField(() => AttributionConnection, { description: 'Attributions where this source is the speaker, newest first.' })
  attributions(@Parent() source: SourceModel, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<AttributionConnection> {
    return this.service.pageBySource(source.id, page, { count: selectsField(info, 'totalCount') });
  }
}

function required<T>(value: T | null, type: string, id: string): T {
  if (value === null) throw new NotFoundError(type, id);
  return value;
}
