import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ClaimsModule } from '../claims/claims.module';
import { SourcesModule } from '../sources/sources.module';
import { ExtractionPool } from './extraction-pool';
import { SuggestionsResolver } from './suggestions.resolver';
import { SuggestionsService } from './suggestions.service';

/** Suggestions from article text (src/extraction), reviewed and accepted through logClaim. */
@Module({
  imports: [ArticlesModule, SourcesModule, ClaimsModule],
  providers: [SuggestionsService, SuggestionsResolver, ExtractionPool],
})
export class SuggestionsModule {}
