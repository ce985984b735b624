import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ShortTextList } from '../../../common/validators';
import { CreateClaimInput } from '../../dto/claim-fields.input';
import { MatchTier } from '../match-score';

/** The most candidates one similarClaims call returns (also its cost bound for the query limits). */
export const MAX_MATCHES = 20;

@InputType({ description: 'A claim not yet recorded, as it would be logged: is it already recorded?' })
export class ClaimDraftInput extends CreateClaimInput {
  @Field(() => [ID], { nullable: true, description: 'Speakers and relays already recorded, by id.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each source id must be an id (a UUID)' })
  sourceIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Named speakers and relays, found by name or alias.' })
  @IsOptional()
  @ShortTextList()
  sourceNames?: string[];
}

@ArgsType()
export class SimilarClaimsArgs {
  @Field(() => ID, { nullable: true, description: 'A recorded claim; give this or draft.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id (a UUID)' })
  claimId?: string;

  @Field(() => ClaimDraftInput, { nullable: true, description: 'A claim about to be logged; give this or claimId.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimDraftInput)
  draft?: ClaimDraftInput;

  @Field(() => Int, { nullable: true, description: `At most this many candidates, best first (default 5, at most ${MAX_MATCHES}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MATCHES)
  first?: number;

  @Field(() => MatchTier, { nullable: true, description: 'The lowest tier returned; default POSSIBLE.' })
  @IsOptional()
  @IsEnum(MatchTier)
  tier?: MatchTier;

  @Field({ nullable: true, description: 'Editors only: also compare with deleted claims.' })
  @IsOptional()
  @IsBoolean()
  includeDeleted?: boolean;
}

