import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators';

@InputType()
export class RelayHopInput {
  @Field(() => ID, { description: 'The intermediary, e.g. the TV network.' })
  @IsUUID()
  sourceId: string;

  @Field(() => String, { nullable: true, description: '"quoting", "citing".' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  cue?: string | null;
}
