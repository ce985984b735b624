import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Two articles an editor says are (linkWireCopies) or are not (unlinkWireCopies) copies of one wire story.' })
export class WireLinkInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  articleId: string;

  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  otherArticleId: string;
}
