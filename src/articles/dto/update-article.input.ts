import { InputType } from '@nestjs/graphql';
import { OptionalText, Versioned } from '../../common/input-fields';
import { ArticleFieldsInput, URL_MAX } from './article-fields.input';

@InputType()
export class UpdateArticleInput extends Versioned(ArticleFieldsInput) {
  @OptionalText(URL_MAX)
  url?: string;
}
