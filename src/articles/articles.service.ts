import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../access/actor';
import { assertCanEdit } from '../access/edit-policy';
import { AuditService } from '../audit/audit.service';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { RecordType } from '../common/record-type';
import { Page, PageArgs, decodeCursor, pageSize, toPage } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { touchClaimsOf } from '../database/touch-claims';
import { TransactionRunner } from '../database/transaction-runner';
import { Article } from './article.entity';
import { InvalidUrlError, canonicalizeUrl } from './canonical-url';
import { ArticleFieldsInput, CreateArticleInput } from './dto/article-fields.input';
import { UpdateArticleInput } from './dto/update-article.input';
import { insertNew } from '../database/insert-new';

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
    const size = pageSize(args.first);
    const qb = this.dataSource.manager.createQueryBuilder(Article, 'a');
    const totalCount = count ? await qb.getCount() : 0;
    if (args.after) {
      const [id] = decodeCursor(args.after, ['text']);
      qb.andWhere('a.id < :cid', { cid: id });
    }
    const rows = await qb.orderBy('a.id', 'DESC').take(size + 1).getMany();
    return toPage(rows, size, totalCount, (a) => [a.id]);
  }

  create(input: CreateArticleInput, actor: Actor): Promise<Article> {
    return this.tx.run((manager) => this.createWith(manager, input, 'url', actor));
  }

  async createWith(manager: EntityManager, input: CreateArticleInput, field: string, actor: Actor): Promise<Article> {
    const canonicalUrl = canonical(input.url, field);
    await this.refuseDuplicate(manager, canonicalUrl, field);
    const article = manager.create(Article, { ...nullFields(input), url: input.url, canonicalUrl, createdBy: actor.id });
    await insertNew(manager, article);
    await this.audit.recordCreate(manager, actor, RecordType.ARTICLE, article);
    return article;
  }

  /** Used by logClaim and imports: the article with this canonical URL, or a new one. */
  async findOrCreate(manager: EntityManager, input: CreateArticleInput, field: string, actor: Actor): Promise<Article> {
    const canonicalUrl = canonical(input.url, `${field}.url`);
    const existing = await manager.findOne(Article, { where: { canonicalUrl } });
    if (existing) return existing;
    try {
      return await this.createWith(manager, input, `${field}.url`, actor);
    } catch (error) {
      // A concurrent request committed this URL between the two look-ups: that is the article wanted.
      const committed = error instanceof ConflictError ? await manager.findOne(Article, { where: { canonicalUrl } }) : null;
      if (committed) return committed;
      throw error;
    }
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
    if (existing?.deletedAt) {
      // Named with what to do: a reporter can neither read nor restore a deleted article.
      throw new ConflictError(
        `The article with the URL ${canonicalUrl} (${existing.id}) was deleted at ${existing.deletedAt.toISOString()}; ` +
          `an editor can restore it with restoreRecord(input: { type: ARTICLE, id: "${existing.id}" }), then log or create it again`,
        { field, existingId: existing.id, canonicalUrl, deletedAt: existing.deletedAt.toISOString(), hint: 'restoreRecord' },
      );
    }
    if (existing && existing.id !== exceptId) {
      throw new ConflictError(`Article ${existing.id} already has the URL ${canonicalUrl}`, {
        field,
        existingId: existing.id,
        canonicalUrl,
      });
    }
  }
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
