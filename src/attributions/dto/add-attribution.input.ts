import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { AttributionFieldsInput } from './attribution-fields.input';
import { RelayChain, RelayHopInput } from './relay-hop.input';

@InputType()
export class AddAttributionInput extends AttributionFieldsInput {
  @Field(() => ID)
  @IsUUID()
  claimId: string;

  @Field(() => ID, { description: 'The original speaker.' })
  @IsUUID()
  sourceId: string;

  @RelayChain('Intermediaries, outermost first.')
  chain?: RelayHopInput[];
}
