import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalText, RequiredText } from '../../common/input-fields';
import { Trim, TrimEach } from '../../common/validators';
import { Reliability, SourceKind } from '../source.enums';

/** The descriptive fields shared by createSource, updateSource and logClaim's new sources. */
@InputType({ isAbstract: true })
export class SourceFieldsInput {
  @Field(() => [String], { nullable: true, description: 'Other names: "SOHR" for the Syrian Observatory for Human Rights.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @TrimEach()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  aliases?: string[];

  @OptionalText(200, 'Where the source is based: "Britain".')
  basedIn?: string | null;

  @OptionalText(300)
  affiliation?: string | null;

  @Field(() => String, { nullable: true, description: 'A Wikidata item id such as Q12345.' })
  @IsOptional()
  @Trim()
  @Matches(/^Q[1-9][0-9]{0,11}$/, { message: 'must be a Wikidata item id such as Q12345' })
  wikidataId?: string | null;

  @Field(() => Reliability, { nullable: true, description: 'Editors and admins only.' })
  @IsOptional()
  @IsEnum(Reliability)
  reliability?: Reliability | null;

  @OptionalText(2000, 'Who an anonymous source is, if known. Readable by editors and admins only; never exported or logged.')
  confidentialNote?: string | null;
}

export const SOURCE_NAME_MAX = 300;

@InputType()
export class CreateSourceInput extends SourceFieldsInput {
  @Field(() => SourceKind)
  @IsEnum(SourceKind)
  kind: SourceKind;

  @RequiredText(SOURCE_NAME_MAX, 'The name, or for an anonymous source its description as written.')
  name: string;
}
