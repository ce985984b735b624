import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClaimModel } from '../claim.model';
import { MatchReasonCode, MatchTier } from './match-score';

registerEnumType(MatchTier, {
  name: 'MatchTier',
  description: 'LIKELY: probably the same claim (merge or attach). POSSIBLE: worth a look. Thresholds in docs/sourcing-rules.md.',
});
registerEnumType(MatchReasonCode, { name: 'MatchReasonCode', description: 'Why a candidate scored as it did; each reason adds to or takes from the score.' });

@ObjectType('MatchReason')
export class MatchReasonModel {
  @Field(() => MatchReasonCode)
  code: MatchReasonCode;

  @Field(() => Float, { description: 'What this reason added to the score (negative: took away).' })
  weight: number;

  @Field({ description: 'In words: "deaths_civilians 12", "text similarity 0.81".' })
  detail: string;
}

@ObjectType('ClaimMatch', { description: 'A claim that may record the same thing, with its score (0 to 1), tier and reasons.' })
export class ClaimMatchModel {
  @Field(() => ClaimModel)
  claim: ClaimModel;

  @Field(() => Float)
  score: number;

  @Field(() => MatchTier)
  tier: MatchTier;

  @Field(() => [MatchReasonModel])
  reasons: MatchReasonModel[];
}
