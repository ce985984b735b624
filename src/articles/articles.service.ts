import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../core/actor';
import { assertCanEdit } from '../access/edit-policy';
import { AuditService } from '../audit/audit.service';
import { BadInputError, ConflictError, DomainError, NotFoundError } from '../common/errors';
import { AuditEvent } from '../audit/audit-event.entity';
import { RecordType } from '../common/record-type';
import { declareOrder, readKeysetPage } from '../common/keyset';
import { Page, PageArgs } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { touchClaimsOf } from '../database/touch-claims';
import { TransactionRunner } from '../database/transaction-runner';
import { Article } from './article.entity';
import { InvalidUrlError, canonicalizeUrl } from './canonical-url';
import { ArticleFieldsInput, CreateArticleInput } from './dto/article-fields.input';
import { UpdateArticleInput } from './dto/update-article.input';
import { completeRow, insertNew } from '../database/insert-new';

/** Canonical URLs per look-up: well under both databases' bound-parameter limits. */
const LOOKUP_CHUNK = 500;

/** Articles, most recently recorded first (ids are time-ordered). */
const NEWEST_ARTICLES = declareOrder('articles.newest', [{ column: 'a.id', direction: 'DESC', part: 'id' }]);

@Injectable()
export class ArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<Article> {
    const article = await this.dataSource.manager.findOne(Article, { where: { id } });
    if (!article) throw new NotFoundError('Article', id);
    return article;
  }

  findByIds(ids: readonly string[]): Promise<Article[]> {
    return this.dataSource.manager.find(Article, { where: { id: In([...ids]) }, withDeleted: true });
  }

  /** `count: false` skips the COUNT when nobody asked for totalCount. */
  async list(args: PageArgs, { count = true } = {}): Promise<Page<Article>> {
    return readKeysetPage(this.dataSource.manager.createQueryBuilder(Article, 'a'), NEWEST_ARTICLES, args, (a) => [a.id], { count });
  }

  create(input: CreateArticleInput, actor: Actor): Promise<Article> {
    return this.tx.run((manager) => this.createWith(manager, input, 'url', actor));
  }

  async createWith(manager: EntityManager, input: CreateArticleInput, field: string, actor: Actor): Promise<Article> {
    const canonicalUrl = canonical(input.url, field);
    await this.refuseDuplicate(manager, canonicalUrl, field);
    const article = newArticle(manager, input, canonicalUrl, actor);
    await insertNew(manager, article);
    await this.audit.recordCreate(manager, actor, RecordType.ARTICLE, article);
    return article;
  }

  /**
   * logClaim and imports: the article of each input, by canonical URL, in one look-up; the missing
   * ones are made in memory with their audit events, for the caller to insert with the rest of its
   * batch (claims/log-claim.service.ts). The first input of a URL gives a new article its fields. A
   * deleted article is refused as createArticle refuses it; `fail` says which input was at fault.
   * A concurrent writer committing the same URL first makes the caller's INSERT break the unique
   * index, and TransactionRunner runs the work again, which then finds that article here.
   */
  async findOrPrepare(
    manager: EntityManager,
    inputs: Array<{ input: CreateArticleInput; field: string }>,
    actor: Actor,
    fail: (index: number, error: DomainError) => Error = (_i, e) => e,
  ): Promise<{ articles: Article[]; created: Article[]; events: AuditEvent[] }> {
    const urls = inputs.map(({ input, field }, i) => {
      try {
        return canonical(input.url, `${field}.url`);
      } catch (error) {
        throw error instanceof DomainError ? fail(i, error) : error;
      }
    });
    const byUrl = new Map<string, Article>();
    const distinct = [...new Set(urls)];
    for (let at = 0; at < distinct.length; at += LOOKUP_CHUNK) {
      const found = await manager.find(Article, { where: { canonicalUrl: In(distinct.slice(at, at + LOOKUP_CHUNK)) }, withDeleted: true });
      for (const article of found) if (!byUrl.get(article.canonicalUrl) || !article.deletedAt) byUrl.set(article.canonicalUrl, article);
    }
    const created: Article[] = [];
    const events: AuditEvent[] = [];
    inputs.forEach(({ input, field }, i) => {
      const existing = byUrl.get(urls[i]);
      if (existing?.deletedAt) throw fail(i, deletedArticleError(existing, `${field}.url`));
      if (existing) return;
      const article = completeRow(manager.connection.getMetadata(Article), newArticle(manager, input, urls[i], actor));
      byUrl.set(urls[i], article);
      created.push(article);
      events.push(this.audit.createEvent(actor, RecordType.ARTICLE, article));
    });
    return { articles: urls.map((url) => byUrl.get(url) as Article), created, events };
  }

  update(input: UpdateArticleInput, actor: Actor): Promise<Article> {
    return this.tx.run(async (manager) => {
      const current = await manager.findOne(Article, { where: { id: input.id } });
      if (!current) throw new NotFoundError('Article', input.id);
      assertCanEdit(actor, current);
      const patch: Partial<Article> = pickDefined({ ...fieldsOf(input), url: input.url });
      if (input.url) {
        patch.canonicalUrl = canonical(input.url, 'url');
        await this.refuseDuplicate(manager, patch.canonicalUrl, 'url', input.id);
      }
      const { before, after } = await versionedUpdate<Article>(manager, Article, 'Article', input.id, input.version, patch);
      await touchClaimsOf(manager, 'articles', [input.id]);
      await this.audit.recordUpdate(manager, actor, RecordType.ARTICLE, before, after);
      return after;
    });
  }

  private async refuseDuplicate(manager: EntityManager, canonicalUrl: string, field: string, exceptId?: string): Promise<void> {
    const existing = await manager.findOne(Article, { where: { canonicalUrl }, withDeleted: true });
    if (existing?.deletedAt) throw deletedArticleError(existing, field);
    if (existing && existing.id !== exceptId) {
      throw new ConflictError(`Article ${existing.id} already has the URL ${canonicalUrl}`, {
        field,
        existingId: existing.id,
        canonicalUrl,
      });
    }
  }
}

/** Named with what to do: a reporter can neither read nor restore a deleted article. */
function deletedArticleError(existing: Article, field: string): ConflictError {
  const { id, canonicalUrl, deletedAt } = existing as Article & { deletedAt: Date };
  return new ConflictError(
    `The article with the URL ${canonicalUrl} (${id}) was deleted at ${deletedAt.toISOString()}; ` +
      `an editor can restore it with restoreRecord(input: { type: ARTICLE, id: "${id}" }), then log or create it again`,
    { field, existingId: id, canonicalUrl, deletedAt: deletedAt.toISOString(), hint: 'restoreRecord' },
  );
}

function newArticle(manager: EntityManager, input: CreateArticleInput, canonicalUrl: string, actor: Actor): Article {
  return manager.create(Article, { ...nullFields(input), url: input.url, canonicalUrl, createdBy: actor.id });
}

function canonical(url: string, field: string): string {
  try {
    return canonicalizeUrl(url);
  } catch (error) {
    if (error instanceof InvalidUrlError) throw BadInputError.field(field, error.message);
    throw error;
  }
}

function fieldsOf(input: ArticleFieldsInput): ArticleFieldsInput {
  const { headline, publisher, wireAgency, byline, publishedAt, language, bodyText, retrievedAt } = input;
  return { headline, publisher, wireAgency, byline, publishedAt, language, bodyText, retrievedAt };
}

function nullFields(input: ArticleFieldsInput): Required<ArticleFieldsInput> {
  const f = fieldsOf(input);
  return {
    headline: f.headline ?? null, publisher: f.publisher ?? null, wireAgency: f.wireAgency ?? null, byline: f.byline ?? null,
    publishedAt: f.publishedAt ?? null, language: f.language ?? null, bodyText: f.bodyText ?? null, retrievedAt: f.retrievedAt ?? null,
  };
}
