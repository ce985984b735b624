import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';
import { ArticleModel } from './article.model';

@ObjectType()
export class ArticleConnection extends Connection(ArticleModel, 'Article') {}
