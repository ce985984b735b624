import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalText, RequiredText } from '../../common/input-fields';

/** Characters of article text kept: a long feature is about 100,000; the request body limit leaves room for this much. */
export const BODY_TEXT_MAX = 1_000_000;

@InputType({ isAbstract: true })
export class ArticleFieldsInput {
  @OptionalText(500)
  headline?: string | null;

  @OptionalText(300, 'The outlet that published it: "The Times of Israel".')
  publisher?: string | null;

  @OptionalText(300, 'The wire agency the copy came from: "AP".')
  wireAgency?: string | null;

  @OptionalText(300)
  byline?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag: "en", "ar-SY".' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as "en" or "ar-SY"' })
  language?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(BODY_TEXT_MAX)
  bodyText?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  retrievedAt?: Date | null;
}

export const URL_MAX = 2048;

@InputType()
export class CreateArticleInput extends ArticleFieldsInput {
  @RequiredText(URL_MAX)
  url: string;
}
