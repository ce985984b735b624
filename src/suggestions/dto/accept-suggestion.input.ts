import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AttachableClaimInput } from '../../claims/dto/claim-fields.input';
import { LogAttributionInput } from '../../claims/dto/log-claim.input';

@InputType({ description: 'A suggestion as the reporter accepted it, edited or not.' })
export class AcceptSuggestionInput extends AttachableClaimInput {
  @Field(() => ID, { description: 'The article the suggestion came from; the citation points at it.' })
  @IsUUID()
  articleId: string;

  @Field(() => LogAttributionInput, { nullable: true, description: 'Source, relays, cue, conditions and the quote with its offsets. Give this or attributions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LogAttributionInput)
  attribution?: LogAttributionInput;

  @Field(() => [LogAttributionInput], {
    nullable: true,
    description: 'Several suggestions taken into one claim ("medics and residents said ..."): one attribution each. Give this or attribution.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LogAttributionInput)
  attributions?: LogAttributionInput[];
}
