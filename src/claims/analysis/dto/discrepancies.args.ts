import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/pagination';
import { RangeFrom, RangeTo } from '../../../common/input-fields';

@ArgsType()
export class DiscrepanciesArgs {
  @Field({ description: 'The quantity variable, e.g. "militants_remaining".' })
  @Matches(/^[a-z][a-z0-9_]{0,99}$/, { message: 'must be a snake_case variable key' })
  variable: string;

  @RangeFrom('Only pairs where a claim\'s event time overlaps this range (undated claims always qualify).')
  from?: Date;

  @RangeTo()
  to?: Date;

  @Field(() => Int, { nullable: true, description: `At most this many pairs, default 25, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;
}
