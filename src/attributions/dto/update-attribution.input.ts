import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Versioned } from '../../common/input-fields';
import { AttributionFieldsInput } from './attribution-fields.input';
import { RelayChain, RelayHopInput } from './relay-hop.input';

@InputType()
export class UpdateAttributionInput extends Versioned(AttributionFieldsInput) {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @RelayChain('Replaces the whole chain when given; [] clears it.')
  chain?: RelayHopInput[];
}
