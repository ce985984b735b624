import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { OptionalText, stack } from '../../common/input-fields';

/** How one hop of a relay chain passed the words on; also logClaim's RelayRefInput.cue. */
export const RelayCue = () => OptionalText(50, '"quoting", "citing".');

/** An attribution's relay chain, as addAttribution and updateAttribution take it: at most 10 hops. */
export const RelayChain = (description: string) =>
  stack(Field(() => [RelayHopInput], { nullable: true, description }), IsOptional(), IsArray(), ArrayMaxSize(10), ValidateNested({ each: true }), Type(() => RelayHopInput));

@InputType()
export class RelayHopInput {
  @Field(() => ID, { description: 'The intermediary, e.g. the TV network.' })
  @IsUUID()
  sourceId: string;

  @RelayCue()
  cue?: string | null;
}
