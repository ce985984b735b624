import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { AttributionFieldsInput } from './attribution-fields.input';
import { RelayHopInput } from './relay-hop.input';

@InputType()
export class UpdateAttributionInput extends AttributionFieldsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @Field(() => [RelayHopInput], { nullable: true, description: 'Replaces the whole chain when given; [] clears it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RelayHopInput)
  chain?: RelayHopInput[];
}
