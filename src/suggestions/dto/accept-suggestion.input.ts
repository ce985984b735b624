import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { AttachableClaimInput } from '../../claims/dto/claim-fields.input';
import { LogAttributionInput } from '../../claims/dto/log-claim.input';

@InputType({ description: 'A suggestion as the reporter accepted it, edited or not.' })
export class AcceptSuggestionInput extends AttachableClaimInput {
  @Field(() => ID, { description: 'The article the suggestion came from; the citation points at it.' })
  @IsUUID()
  articleId: string;

  @Field(() => LogAttributionInput, { description: 'Source, relays, cue, conditions and the quote with its offsets.' })
  @ValidateNested()
  @Type(() => LogAttributionInput)
  attribution: LogAttributionInput;
}
