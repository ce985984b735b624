import { Injectable } from '@nestjs/common';
import { Actor } from '../core/actor';
import { ArticlesService } from '../articles/articles.service';
import { Claim } from '../claims/claim.entity';
import { LogClaimInput } from '../claims/dto/log-claim.input';
import { LogClaimService } from '../claims/log-claim.service';
import { BadInputError } from '../common/errors';
import { KnownSource, Suggestion } from '../extraction';
import { SourcesService } from '../sources/sources.service';
import { ExtractionPool } from './extraction-pool';
import { AcceptSuggestionInput } from './dto/accept-suggestion.input';
import { SuggestArgs } from './dto/suggest.args';

/** Connects the database-free extraction module to stored articles and sources. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly sources: SourcesService,
    private readonly logClaims: LogClaimService,
    private readonly pool: ExtractionPool,
  ) {}

  async suggest(args: SuggestArgs): Promise<{ text: string; suggestions: Suggestion[] }> {
    const { text, publishedAt } = await this.input(args);
    return { text, suggestions: await this.pool.extract(text, { publishedAt, knownSources: await this.knownSources() }) };
  }

  /** Accepting goes through logClaim, so sources and the article are matched exactly as when logging by hand. */
  async accept(input: AcceptSuggestionInput, actor: Actor): Promise<Claim> {
    const { articleId: _articleId, attribution, attributions, ...claim } = input;
    if (attribution && attributions) throw BadInputError.field('attributions', 'give either attribution or attributions, not both');
    const accepted = attributions ?? (attribution ? [attribution] : []);
    if (accepted.length === 0) throw BadInputError.field('attribution', 'give attribution, or attributions for several sources');
    const article = await this.articles.get(input.articleId);
    const logInput = Object.assign(new LogClaimInput(), { ...claim, article: { url: article.url }, attributions: accepted });
    return this.logClaims.log(logInput, actor);
  }

  private async input(args: SuggestArgs): Promise<{ text: string; publishedAt: Date }> {
    if (args.articleId) {
      if (args.text) throw BadInputError.field('text', 'give either articleId or text, not both');
      const article = await this.articles.get(args.articleId);
      if (!article.bodyText) throw BadInputError.field('articleId', 'this article has no stored body text');
      return { text: article.bodyText, publishedAt: args.publishedAt ?? article.publishedAt ?? article.createdAt };
    }
    if (!args.text) throw BadInputError.field('text', 'give articleId, or text with publishedAt');
    if (!args.publishedAt) throw BadInputError.field('publishedAt', 'is needed to resolve dates in the text');
    return { text: args.text, publishedAt: args.publishedAt };
  }

  private async knownSources(): Promise<KnownSource[]> {
    const sources = await this.sources.namedSources();
    const aliases = new Map<string, string[]>();
    for (const a of await this.sources.aliasesBySourceIds(sources.map((s) => s.id))) {
      aliases.set(a.sourceId, [...(aliases.get(a.sourceId) ?? []), a.alias]);
    }
    return sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, aliases: aliases.get(s.id) ?? [] }));
  }
}
