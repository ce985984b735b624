import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../core/actor';
import { CurrentActor } from '../../core/current-actor.decorator';
import { RequestContext } from '../../common/context';
import { toClaimModel } from '../claim.mapper';
import { ClaimModel } from '../claim.model';
import { ClaimMergeService } from './claim-merge.service';
import { MergeClaimsInput, UnmergeClaimInput } from './dto/merge-claims.input';

@Resolver(() => ClaimModel)
export class ClaimMergeResolver {
  constructor(private readonly merges: ClaimMergeService) {}

  @Mutation(() => ClaimModel, {
    description: 'Editors: moves the duplicate\'s attributions (with citations) and the figures for variables the survivor lacks to the survivor, and marks the duplicate merged. Answers with the survivor. Undo with unmergeClaim.',
  })
  async mergeClaims(@Args('input') input: MergeClaimsInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.merges.merge(input, actor));
  }

  @Mutation(() => ClaimModel, { description: 'Editors: undoes the latest merge of this claim, moving back what it moved. Answers with the restored claim.' })
  async unmergeClaim(@Args('input') input: UnmergeClaimInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.merges.unmerge(input, actor));
  }

  @ResolveField(() => ID, { nullable: true, description: 'The claim this one was merged into (a merged claim is deleted; editors see it).' })
  async mergedInto(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<string | null> {
    if (!claim.deletedAt) return null;
    const loader = ctx.loaders.get('claim.mergedInto', async (ids) => {
      const map = await this.merges.mergedInto(ids);
      return ids.map((id) => map.get(id) ?? null);
    });
    return (await loader.load(claim.id)) as string | null;
  }
}
