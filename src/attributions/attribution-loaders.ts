import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Article } from '../articles/article.entity';
import { ArticlesService } from '../articles/articles.service';
import { RequestLoaders, byKey, groupByKey } from '../common/loaders';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';
import { Attribution } from './attribution.entity';
import { AttributionsService } from './attributions.service';
import { Citation } from './citation.entity';
import { RelayHop } from './relay-hop.entity';

/** The batch functions behind attribution-related fields; one DataLoader of each per request. */
@Injectable()
export class AttributionLoaders {
  constructor(
    private readonly attributions: AttributionsService,
    private readonly sources: SourcesService,
    private readonly articles: ArticlesService,
  ) {}

  source(loaders: RequestLoaders): DataLoader<string, Source | null> {
    return loaders.get('source.byId', async (ids) => byKey(ids, await this.sources.findByIds(ids), (s) => s.id));
  }

  article(loaders: RequestLoaders): DataLoader<string, Article | null> {
    return loaders.get('article.byId', async (ids) => byKey(ids, await this.articles.findByIds(ids), (a) => a.id));
  }

  attribution(loaders: RequestLoaders): DataLoader<string, Attribution | null> {
    return loaders.get('attribution.byId', async (ids) => byKey(ids, await this.attributions.findByIds(ids), (a) => a.id));
  }

  // The batches below join the row each child field needs next (hop source, article) and
  // prime that loader with it, so a nested page costs one round trip per level instead of two.

  chain(loaders: RequestLoaders): DataLoader<string, RelayHop[]> {
    return loaders.get('attribution.chain', async (ids) => {
      const rows = await this.attributions.chainsByAttributionIds(ids);
      prime(this.source(loaders), rows, (h) => h.source);
      return groupByKey(ids, rows, (h) => h.attributionId);
    });
  }

  citationsByAttribution(loaders: RequestLoaders): DataLoader<string, Citation[]> {
    return loaders.get('citation.byAttribution', async (ids) => {
      const rows = await this.attributions.citationsByAttributionIds(ids);
      prime(this.article(loaders), rows, (c) => c.article);
      return groupByKey(ids, rows, (c) => c.attributionId);
    });
  }

  citationsByArticle(loaders: RequestLoaders): DataLoader<string, Citation[]> {
    return loaders.get('citation.byArticle', async (ids) =>
      groupByKey(ids, await this.attributions.citationsByArticleIds(ids), (c) => c.articleId),
    );
  }
}

/** Seeds a by-id loader with rows that came joined to a batch (DataLoader keeps an existing entry). */
function prime<R, T extends { id: string }>(loader: DataLoader<string, T | null>, rows: R[], joined: (row: R) => T | null | undefined): void {
  for (const row of rows) {
    const value = joined(row);
    if (value) loader.prime(value.id, value);
  }
}
