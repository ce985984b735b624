import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Article', { description: 'Where something was reported.' })
export class ArticleModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The URL as given.' })
  url: string;

  @Field({ description: 'Lower-case host, no fragment, no tracking parameters; unique.' })
  canonicalUrl: string;

  @Field(() => String, { nullable: true })
  headline: string | null;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: 'The wire agency the story came from, if any.' })
  wireAgency: string | null;

  @Field(() => String, { nullable: true })
  byline: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field(() => String, { nullable: true })
  bodyText: string | null;

  @Field(() => Date, { nullable: true })
  retrievedAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
