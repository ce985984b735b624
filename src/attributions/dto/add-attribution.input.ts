import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AttributionFieldsInput } from './attribution-fields.input';
import { RelayHopInput } from './relay-hop.input';

@InputType()
export class AddAttributionInput extends AttributionFieldsInput {
  @Field(() => ID)
  @IsUUID()
  claimId: string;

  @Field(() => ID, { description: 'The original speaker.' })
  @IsUUID()
  sourceId: string;

  @Field(() => [RelayHopInput], { nullable: true, description: 'Intermediaries, outermost first.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RelayHopInput)
  chain?: RelayHopInput[];
}
