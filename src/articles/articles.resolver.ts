import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canEdit } from '../access/edit-policy';
import { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../common/selection';
import { IdArgs } from '../common/args';
import { PageArgs } from '../common/pagination';
import { ArticleConnection } from './article.connection';
import { ArticleModel } from './article.model';
import { ArticlesService } from './articles.service';
import { CreateArticleInput } from './dto/article-fields.input';
import { UpdateArticleInput } from './dto/update-article.input';

@Resolver(() => ArticleModel)
export class ArticlesResolver {
  constructor(private readonly service: ArticlesService) {}

  @Query(() => ArticleModel)
  article(@Args() { id }: IdArgs): Promise<ArticleModel> {
    return this.service.get(id);
  }

  @Query(() => ArticleConnection, { description: 'Articles, most recently recorded first.' })
  articles(@Args() page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ArticleConnection> {
    return this.service.list(page, { count: selectsField(info, 'totalCount') });
  }

  @Mutation(() => ArticleModel, { description: 'Refused with CONFLICT, naming the existing article, when the canonical URL is taken.' })
  createArticle(@Args('input') input: CreateArticleInput, @CurrentActor() actor: Actor): Promise<ArticleModel> {
    return this.service.create(input, actor);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit this article\'s details, by the rule updateArticle applies: editors always; a reporter if they recorded it.' })
  viewerCanEdit(@Parent() article: ArticleModel, @CurrentActor() actor: Actor): boolean {
    return canEdit(actor, article);
  }

  @Mutation(() => ArticleModel)
  updateArticle(@Args('input') input: UpdateArticleInput, @CurrentActor() actor: Actor): Promise<ArticleModel> {
    return this.service.update(input, actor);
  }
}
