import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { SourcesModule } from '../sources/sources.module';
import { AttributionLoaders } from './attribution-loaders';
import { AttributionsService } from './attributions.service';
import {
  ArticleCitationsResolver,
  AttributionsResolver,
  CitationsResolver,
  RelayHopResolver,
  SourceAttributionsResolver,
} from './attributions.resolver';

@Module({
  imports: [SourcesModule, ArticlesModule],
  providers: [
    AttributionsService,
    AttributionLoaders,
    AttributionsResolver,
    RelayHopResolver,
    CitationsResolver,
    ArticleCitationsResolver,
    SourceAttributionsResolver,
  ],
  exports: [AttributionsService, AttributionLoaders],
})
export class AttributionsModule {}
