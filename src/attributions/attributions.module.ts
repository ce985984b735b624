import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { SourcesModule } from '../sources/sources.module';
import { AttributionLoaders } from './attribution-loaders';
import { AttributionTree } from './attribution-tree';
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
    AttributionTree,
    AttributionsResolver,
    RelayHopResolver,
    CitationsResolver,
    ArticleCitationsResolver,
    SourceAttributionsResolver,
  ],
  exports: [AttributionsService, AttributionLoaders, AttributionTree],
})
export class AttributionsModule {}
