import { Field, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../common/node';
import { RecordModel } from '../common/record.model';

@ObjectType('Article', { description: 'Where something was reported.', implements: () => [NodeInterface] })
export class ArticleModel extends RecordModel {
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
}
