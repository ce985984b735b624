import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CreateArticleInput } from '../../articles/dto/article-fields.input';
import { QuoteInput } from '../../attributions/dto/add-citation.input';
import { AttributionFieldsInput } from '../../attributions/dto/attribution-fields.input';
import { RelayCue } from '../../attributions/dto/relay-hop.input';
import { OptionalText } from '../../common/input-fields';
import { SOURCE_NAME_MAX, SourceFieldsInput } from '../../sources/dto/source-fields.input';
import { SourceKind } from '../../sources/source.enums';
import { AttachableClaimInput } from './claim-fields.input';

@InputType({ description: 'A source by id, or by name: found by name or alias (ignoring case and accents), or created. Anonymous sources are always new.' })
export class SourceRefInput extends SourceFieldsInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @OptionalText(SOURCE_NAME_MAX, 'The name, or for an anonymous source its description: "a senior military official".')
  name?: string;

  @Field(() => SourceKind, { nullable: true, description: 'Used when the source is created; default INDIVIDUAL.' })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;
}

@InputType()
export class RelayRefInput {
  @Field(() => SourceRefInput)
  @ValidateNested()
  @Type(() => SourceRefInput)
  source: SourceRefInput;

  @RelayCue()
  cue?: string | null;
}

@InputType()
export class LogQuoteInput extends QuoteInput {}

@InputType()
export class LogAttributionInput extends AttributionFieldsInput {
  @Field(() => SourceRefInput, { description: 'The original speaker.' })
  @ValidateNested()
  @Type(() => SourceRefInput)
  source: SourceRefInput;

  @Field(() => [RelayRefInput], { nullable: true, description: 'Who passed it on, outermost first: [CNN] for "CNN, quoting an official".' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RelayRefInput)
  via?: RelayRefInput[];

  @Field(() => LogQuoteInput, { nullable: true, description: 'The words in the article; becomes a citation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LogQuoteInput)
  quote?: LogQuoteInput;
}

@InputType()
export class LogArticleInput extends CreateArticleInput {}

@InputType({ description: 'Everything a reporter records for one claim while reading one article, written at once or not at all.' })
export class LogClaimInput extends AttachableClaimInput {
  @Field(() => LogArticleInput, { description: 'Found by canonical URL, or created.' })
  @ValidateNested()
  @Type(() => LogArticleInput)
  article: LogArticleInput;

  @Field(() => [LogAttributionInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LogAttributionInput)
  attributions: LogAttributionInput[];
}
