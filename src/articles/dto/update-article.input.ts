import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validators';
import { ArticleFieldsInput, URL_MAX } from './article-fields.input';

@InputType()
export class UpdateArticleInput extends ArticleFieldsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(URL_MAX)
  url?: string;
}
