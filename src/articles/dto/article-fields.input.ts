import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/validators';

/** Characters of article text kept: a long feature is about 100,000; the request body limit leaves room for this much. */
export const BODY_TEXT_MAX = 1_000_000;

@InputType({ isAbstract: true })
export class ArticleFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  headline?: string | null;

  @Field(() => String, { nullable: true, description: 'The outlet that published it: "The Times of Israel".' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'The wire agency the copy came from: "AP".' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  wireAgency?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
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
  @Field()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(URL_MAX)
  url: string;
}
