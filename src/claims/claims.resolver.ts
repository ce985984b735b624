import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { AttributionTree } from '../attributions/attribution-tree';
import { AttributionModel } from '../attributions/attribution.model';
import { readable } from '../access/read-policy';
import { canEdit } from '../access/edit-policy';
import { IdArgs } from '../common/args';
import { RequestContext } from '../common/context';
import { byKey, groupByKey } from '../common/loaders';
import { selectsField } from '../common/selection';
import { ClaimConnection } from './claim.connection';
import { ClaimTreePlans } from './claim-tree';
import { toClaimModel } from './claim.mapper';
import { ClaimModel, ClaimStatusChangeModel, QuantityModel } from './claim.model';
import { SetClaimStatusInput } from './dto/set-claim-status.input';
import { ClaimsService } from './claims.service';
import { CreateClaimInput } from './dto/claim-fields.input';
import { ClaimsArgs } from './dto/claims.args';
import { LogClaimInput } from './dto/log-claim.input';
import { UpdateClaimInput } from './dto/update-claim.input';
import { LogClaimService } from './log-claim.service';

@Resolver(() => ClaimModel)
export class ClaimsResolver {
  constructor(
    private readonly service: ClaimsService,
    private readonly logger: LogClaimService,
    private readonly attributionTree: AttributionTree,
    private readonly trees: ClaimTreePlans,
  ) {}

  @Query(() => ClaimModel)
  claim(@Args() { id }: IdArgs, @CurrentActor() actor: Actor, @Info() info: GraphQLResolveInfo): Promise<ClaimModel> {
    return this.service.getTree(id, this.trees.one(info), actor);
  }

  @Query(() => ClaimConnection)
  async claims(@Args() { filter, sort, ...page }: ClaimsArgs, @CurrentActor() actor: Actor, @Info() info: GraphQLResolveInfo): Promise<ClaimConnection> {
    return this.service.listTrees(page, filter ?? {}, sort, actor, this.trees.page(info), { count: selectsField(info, 'totalCount') });
  }

  @Mutation(() => ClaimModel)
  async createClaim(@Args('input') input: CreateClaimInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.service.create(input, actor));
  }

  @Mutation(() => ClaimModel, { description: 'Edits the claim; editorial status changes only through setClaimStatus.' })
  async updateClaim(@Args('input') input: UpdateClaimInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.service.update(input, actor));
  }

  @Mutation(() => ClaimModel, { description: 'Records a claim with its quantities, attributions, sources and citing article in one transaction.' })
  async logClaim(@Args('input') input: LogClaimInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.logger.log(input, actor));
  }

  @Mutation(() => ClaimModel, { description: 'The only way to change editorial status; the reason is kept in statusHistory.' })
  async setClaimStatus(@Args('input') input: SetClaimStatusInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.service.setStatus(input, actor));
  }

  @ResolveField(() => [ClaimStatusChangeModel], { description: 'Editorial status changes, oldest first.' })
  async statusHistory(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<ClaimStatusChangeModel[]> {
    const loader = ctx.loaders.get('claim.statusHistory', async (ids) => groupByKey(ids, await this.service.statusHistory(ids), (c) => c.claimId));
    return (await loader.load(claim.id)) as ClaimStatusChangeModel[];
  }

  @ResolveField(() => [QuantityModel])
  quantities(@Parent() claim: ClaimModel, @Context() ctx: RequestContext): Promise<QuantityModel[]> {
    const loader = ctx.loaders.get('claim.quantities', async (ids) =>
      groupByKey(ids, await this.service.quantitiesByClaimIds(ids), (q) => q.claimId),
    );
    return loader.load(claim.id);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit this claim, by the rule updateClaim applies: editors always; a reporter while it is theirs and UNVERIFIED.' })
  viewerCanEdit(@Parent() claim: ClaimModel, @CurrentActor() actor: Actor): boolean {
    return canEdit(actor, claim, claim.status);
  }

  @ResolveField(() => [AttributionModel], { description: 'Live attributions, oldest first.' })
  attributions(@Parent() claim: ClaimModel, @Context() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AttributionModel[]> {
    return this.attributionTree.byClaim(ctx.loaders, info, claim.id);
  }
}

@Resolver(() => AttributionModel)
export class AttributionClaimResolver {
  constructor(private readonly service: ClaimsService) {}

  @ResolveField(() => ClaimModel)
  async claim(@Parent() a: AttributionModel, @Context() ctx: RequestContext): Promise<ClaimModel> {
    return toClaimModel(readable(await this.claimById(ctx, a.claimId), 'Claim', a.claimId, ctx));
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit this attribution, by the rule updateAttribution applies: editors always; a reporter while it is theirs and its claim UNVERIFIED.' })
  async viewerCanEdit(@Parent() a: AttributionModel, @Context() ctx: RequestContext): Promise<boolean> {
    if (!canEdit(ctx.actor, a)) return false;
    const claim = await this.claimById(ctx, a.claimId);
    return !!claim && canEdit(ctx.actor, a, claim.status);
  }

  private claimById(ctx: RequestContext, id: string) {
    return ctx.loaders.get('claim.byId', async (ids) => byKey(ids, await this.service.findByIds(ids), (c) => c.id)).load(id);
  }
}
