import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BODY_TEXT_MAX } from '../../articles/dto/article-fields.input';
import { NotBefore } from '../../common/validators';

/** Offsets point into an article's text, so they cannot pass its longest length (and stay far inside a 32-bit column). */
const OFFSET_MESSAGE = `must be at most ${BODY_TEXT_MAX}, the longest article text`;

/** The longest quote, in characters as @MaxLength counts them (imports/import-row.ts checks a quote's length against it first). */
export const QUOTE_MAX = 5000;

/** The quoted words and their anchor in the article; shared by addCitation and logClaim. */
@InputType({ isAbstract: true })
export class QuoteInput {
  @Field({ description: 'The exact words in the article.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(QUOTE_MAX)
  quote: string;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters just before the quote, to find it again.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  prefix?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  suffix?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BODY_TEXT_MAX, { message: OFFSET_MESSAGE })
  startOffset?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BODY_TEXT_MAX, { message: OFFSET_MESSAGE })
  @NotBefore('startOffset')
  endOffset?: number | null;
}

@InputType()
export class AddCitationInput extends QuoteInput {
  @Field(() => ID)
  @IsUUID()
  attributionId: string;

  @Field(() => ID)
  @IsUUID()
  articleId: string;
}

