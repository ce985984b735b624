import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { toClaimModel } from '../claims/claim.mapper';
import { ClaimModel } from '../claims/claim.model';
import { AcceptSuggestionInput } from './dto/accept-suggestion.input';
import { SuggestArgs } from './dto/suggest.args';
import { toSuggestionModel } from './suggestion.mapper';
import { AttributionSuggestionModel } from './suggestion.model';
import { SuggestionsService } from './suggestions.service';

@Resolver(() => AttributionSuggestionModel)
export class SuggestionsResolver {
  constructor(private readonly service: SuggestionsService) {}

  @Query(() => [AttributionSuggestionModel], { description: 'Claims and their attribution found in a stored article, or in text with its publication time.' })
  async suggestAttributions(@Args() args: SuggestArgs): Promise<AttributionSuggestionModel[]> {
    const { text, suggestions } = await this.service.suggest(args);
    return suggestions.map((s) => toSuggestionModel(text, s));
  }

  @Mutation(() => ClaimModel, { description: 'Records a reviewed suggestion as claim, attribution, sources and citation, matched as logClaim matches.' })
  async acceptSuggestion(@Args('input') input: AcceptSuggestionInput, @CurrentActor() actor: Actor): Promise<ClaimModel> {
    return toClaimModel(await this.service.accept(input, actor));
  }
}
