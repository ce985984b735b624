import { Args, Extensions, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../core/actor';
import { CurrentActor } from '../../core/current-actor.decorator';
import { LIST_BOUND } from '../../limits/query-limits';
import { toClaimModel } from '../claim.mapper';
import { ClaimModel } from '../claim.model';
import { MAX_MATCHES, SimilarClaimsArgs } from './dto/similar-claims.args';
import { ClaimMatchModel } from './matching.model';
import { ClaimMatch, ClaimMatchingService } from './matching.service';

/** How many candidates a claim's possibleDuplicates shows. */
export const POSSIBLE_DUPLICATES_SHOWN = 5;

function toMatchModel(m: ClaimMatch): ClaimMatchModel {
  return { claim: toClaimModel(m.claim), score: m.score, tier: m.tier, reasons: m.reasons };
}

@Resolver(() => ClaimModel)
export class ClaimMatchingResolver {
  constructor(private readonly matching: ClaimMatchingService) {}

  @Query(() => [ClaimMatchModel], {
    description: 'Is this already recorded? Claims that may record the same thing as a recorded claim or a draft, best first, with score, tier and reasons.',
  })
  @Extensions({ [LIST_BOUND]: MAX_MATCHES })
  async similarClaims(@Args() args: SimilarClaimsArgs, @CurrentActor() actor: Actor): Promise<ClaimMatchModel[]> {
    return (await this.matching.similar(args, actor)).map(toMatchModel);
  }

  @ResolveField(() => [ClaimMatchModel], {
    description: `Up to ${POSSIBLE_DUPLICATES_SHOWN} live claims that may record the same thing (similarClaims for this claim); empty for a deleted claim.`,
  })
  @Extensions({ [LIST_BOUND]: POSSIBLE_DUPLICATES_SHOWN })
  async possibleDuplicates(@Parent() claim: ClaimModel, @CurrentActor() actor: Actor): Promise<ClaimMatchModel[]> {
    if (claim.deletedAt) return [];
    return (await this.matching.similar({ claimId: claim.id, first: POSSIBLE_DUPLICATES_SHOWN }, actor)).map(toMatchModel);
  }
}
