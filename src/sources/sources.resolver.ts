import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../common/selection';
import { IdArgs } from '../common/args';
import { RequestContext } from '../common/context';
import { groupByKey } from '../common/loaders';
import { CreateSourceInput } from './dto/source-fields.input';
import { MergeSourcesInput } from './dto/merge-sources.input';
import { SourcesArgs } from './dto/sources.args';
import { UpdateSourceInput } from './dto/update-source.input';
import { isAnonymousKind } from './source-kind';
import { SourceConnection } from './source.connection';
import { ReliabilityChangeModel, SourceModel } from './source.model';
import { SetReliabilityInput } from './dto/set-reliability.input';
import { LinkSourcesInput, UnlinkSourcesInput } from './dto/source-ids.input';
import { SourcesService } from './sources.service';

@Resolver(() => SourceModel)
export class SourcesResolver {
  constructor(private readonly service: SourcesService) {}

  @Query(() => SourceModel)
  source(@Args() { id }: IdArgs): Promise<SourceModel> {
    return this.service.get(id);
  }

  @Query(() => SourceConnection, { description: 'Sources by name, A to Z.' })
  sources(@Args() { filter, ...page }: SourcesArgs, @Info() info: GraphQLResolveInfo): Promise<SourceConnection> {
    return this.service.list(page, filter, { count: selectsField(info, 'totalCount') });
  }

  @Mutation(() => SourceModel)
  createSource(@Args('input') input: CreateSourceInput, @CurrentActor() actor: Actor): Promise<SourceModel> {
    return this.service.create(input, actor);
  }

  @Mutation(() => SourceModel)
  updateSource(@Args('input') input: UpdateSourceInput, @CurrentActor() actor: Actor): Promise<SourceModel> {
    return this.service.update(input, actor);
  }

  @Mutation(() => SourceModel, { description: 'Folds a duplicate into the survivor and returns the survivor.' })
  mergeSources(@Args('input') input: MergeSourcesInput, @CurrentActor() actor: Actor): Promise<SourceModel> {
    return this.service.merge(input, actor);
  }

  @Mutation(() => SourceModel, { description: 'Sets the Admiralty reliability grade, keeping who changed it and why.' })
  setSourceReliability(@Args('input') input: SetReliabilityInput, @CurrentActor() actor: Actor): Promise<SourceModel> {
    return this.service.setReliability(input, actor);
  }

  @Mutation(() => [SourceModel], { description: 'Marks sources as one origin, so independence counts them once.' })
  linkSources(@Args('input') input: LinkSourcesInput, @CurrentActor() actor: Actor): Promise<SourceModel[]> {
    return this.service.link(input.sourceIds, actor);
  }

  @Mutation(() => [SourceModel], { description: 'Undoes linkSources for these sources.' })
  unlinkSources(@Args('input') input: UnlinkSourcesInput, @CurrentActor() actor: Actor): Promise<SourceModel[]> {
    return this.service.unlink(input.sourceIds, actor);
  }

  @ResolveField(() => [ReliabilityChangeModel], { description: 'Every change of the reliability grade, oldest first.' })
  async reliabilityHistory(@Parent() source: SourceModel, @Context() ctx: RequestContext): Promise<ReliabilityChangeModel[]> {
    const loader = ctx.loaders.get('source.reliabilityHistory', async (ids) =>
      groupByKey(ids, await this.service.reliabilityHistory(ids), (r) => r.sourceId),
    );
    return (await loader.load(source.id)) as ReliabilityChangeModel[];
  }

  @ResolveField(() => [SourceModel], { description: 'Other sources an editor linked to this one as the same origin.' })
  async linkedSources(@Parent() source: SourceModel & { originGroupId?: string | null }, @Context() ctx: RequestContext): Promise<SourceModel[]> {
    if (!source.originGroupId) return [];
    const loader = ctx.loaders.get('source.linked', async (groups) =>
      groupByKey(groups, await this.service.linkedSources(groups), (s) => s.originGroupId as string),
    );
    return (await loader.load(source.originGroupId)).filter((s) => s.id !== source.id);
  }

  @ResolveField(() => [String])
  async aliases(@Parent() source: SourceModel, @Context() ctx: RequestContext): Promise<string[]> {
    const loader = ctx.loaders.get('source.aliases', async (ids) =>
      groupByKey(ids, await this.service.aliasesBySourceIds(ids), (a) => a.sourceId),
    );
    return (await loader.load(source.id)).map((a) => a.alias);
  }

  @ResolveField(() => Boolean, { description: 'True when the speaker is known only by a description.' })
  anonymous(@Parent() source: SourceModel): boolean {
    return isAnonymousKind(source.kind);
  }
}
