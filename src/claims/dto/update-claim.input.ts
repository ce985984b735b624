import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validators';
import { ClaimFieldsInput, STATEMENT_MAX } from './claim-fields.input';

@InputType()
export class UpdateClaimInput extends ClaimFieldsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(STATEMENT_MAX)
  statement?: string;
}
