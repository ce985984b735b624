import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination';
import { ClaimSort } from '../claim.enums';
import { ClaimFilterInput } from './claim-filter.input';

@ArgsType()
export class ClaimsArgs extends PageArgs {
  @Field(() => ClaimFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilterInput)
  filter?: ClaimFilterInput;

  @Field(() => ClaimSort, { nullable: true, defaultValue: ClaimSort.NEWEST })
  @IsOptional()
  @IsEnum(ClaimSort)
  sort?: ClaimSort;
}
