import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validators';
import { ClaimStatus } from '../claim.enums';

@InputType()
export class SetClaimStatusInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => ClaimStatus)
  @IsEnum(ClaimStatus)
  status: ClaimStatus;

  @Field({ description: 'Why: kept in the claim\'s status history.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
