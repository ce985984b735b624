import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IdArgs } from '../common/args';
import { RequestContext } from '../common/context';
import { groupByKey } from '../common/loaders';
import { CreateSourceInput } from './dto/source-fields.input';
import { MergeSourcesInput } from './dto/merge-sources.input';
import { SourcesArgs } from './dto/sources.args';
import { UpdateSourceInput } from './dto/update-source.input';
import { SourceKind } from './source-kind';
import { SourceConnection } from './source.connection';
import { SourceModel } from './source.model';
import { SourcesService } from './sources.service';

@Resolver(() => SourceModel)
export class SourcesResolver {
  constructor(private readonly service: SourcesService) {}

  @Query(() => SourceModel)
  source(@Args() { id }: IdArgs): Promise<SourceModel> {
    return this.service.get(id);
  }

  @Query(() => SourceConnection, { description: 'Sources by name, A to Z.' })
  sources(@Args() { filter, ...page }: SourcesArgs): Promise<SourceConnection> {
    return this.service.list(page, filter);
  }

  @Mutation(() => SourceModel)
  createSource(@Args('input') input: CreateSourceInput): Promise<SourceModel> {
    return this.service.create(input);
  }

  @Mutation(() => SourceModel)
  updateSource(@Args('input') input: UpdateSourceInput): Promise<SourceModel> {
    return this.service.update(input);
  }

  @Mutation(() => SourceModel, { description: 'Folds a duplicate into the survivor and returns the survivor.' })
  mergeSources(@Args('input') input: MergeSourcesInput): Promise<SourceModel> {
    return this.service.merge(input);
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
    return source.kind === SourceKind.ANONYMOUS;
  }
}
