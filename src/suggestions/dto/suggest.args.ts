import { ArgsType, Field, ID } from '@nestjs/graphql';
import { SUGGEST_MAX_TEXT_CHARS } from '../../config/settings';
import { IsDate, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class SuggestArgs {
  @Field(() => ID, { nullable: true, description: 'An article with stored body text and publication time.' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @Field({ nullable: true, description: 'Text to read instead of a stored article.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUGGEST_MAX_TEXT_CHARS)
  text?: string;

  @Field(() => Date, { nullable: true, description: 'Publication time, needed with text: relative dates are resolved against it.' })
  @IsOptional()
  @IsDate()
  publishedAt?: Date;
}
