import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validators';
import { Reliability } from '../source.enums';

@InputType()
export class SetReliabilityInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Reliability, { nullable: true, description: 'The new Admiralty grade; null clears it.' })
  @IsOptional()
  @IsEnum(Reliability)
  reliability?: Reliability | null;

  @Field({ description: 'Why the grade changed; kept in the source\'s reliability history.' })
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
