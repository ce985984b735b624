import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Actor } from '../../core/actor';
import { assertEditorial } from '../../access/edit-policy';
import { Article } from '../../articles/article.entity';
import { WireLink } from '../../articles/wire-link.entity';
import { AuditService } from '../../audit/audit.service';
import { BadInputError } from '../../common/errors';
import { newId } from '../../common/ids';
import { RecordType } from '../../common/record-type';
import { TransactionRunner } from '../../database/transaction-runner';
import { SourcesService } from '../../sources/sources.service';
import { WireLinkInput } from './dto/wire-link.input';

interface CitedAnonymous {
  id: string;
  nameKey: string;
  originGroupId: string | null;
  articleId: string;
}

/**
 * linkWireCopies and unlinkWireCopies (editors). Linking says two articles are one wire story:
 * reportedBy counts them as one report, and the same anonymous description cited in each ("a senior
 * military official") becomes one origin, so the copy adds no independent source. Unlinking says
 * they are not copies, even when the text rule would group them, and undoes the origins the link
 * joined. Both are in the audit history of the two articles.
 */
@Injectable()
export class WireLinksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sources: SourcesService,
    private readonly audit: AuditService,
  ) {}

  link(input: WireLinkInput, actor: Actor): Promise<WireLink> {
    assertEditorial(actor, 'link wire copies');
    return this.tx.run(async (manager) => {
      const [a, b] = await this.pair(manager, input);
      const existing = await manager.findOne(WireLink, { where: { articleId: a, otherArticleId: b } });
      if (existing?.copies) throw BadInputError.field('otherArticleId', 'these articles are already linked as copies of one wire story');
      const originJoins = await this.joinOrigins(manager, actor, a, b);
      const link = await this.save(manager, existing, { articleId: a, otherArticleId: b, copies: true, originJoins, linkedBy: actor.id, linkedAt: new Date() });
      await this.record(manager, actor, 'LINK_WIRE_COPY', a, b, true);
      return link;
    });
  }

  unlink(input: WireLinkInput, actor: Actor): Promise<WireLink> {
    assertEditorial(actor, 'unlink wire copies');
    return this.tx.run(async (manager) => {
      const [a, b] = await this.pair(manager, input);
      const existing = await manager.findOne(WireLink, { where: { articleId: a, otherArticleId: b } });
      if (existing && !existing.copies) throw BadInputError.field('otherArticleId', 'these articles are already marked as not copies');
      // Only sources still in the group the link gave them go back: a later editor's link or unlink stands.
      const current = existing?.originJoins.length ? await this.sourcesWhere(manager, 's.id IN (:...ids)', existing.originJoins.map((j) => j.sourceId)) : new Map<string, string | null>();
      const restore = new Map((existing?.originJoins ?? []).filter((j) => current.get(j.sourceId) === j.after).map((j) => [j.sourceId, j.before]));
      await this.sources.setOriginGroupsWith(manager, actor, restore);
      const link = await this.save(manager, existing, { articleId: a, otherArticleId: b, copies: false, originJoins: [], linkedBy: actor.id, linkedAt: new Date() });
      await this.record(manager, actor, 'UNLINK_WIRE_COPY', a, b, false);
      return link;
    });
  }

  /** Both articles live and different; the pair's ids in stored order (smaller first). */
  private async pair(manager: EntityManager, input: WireLinkInput): Promise<[string, string]> {
    if (input.articleId === input.otherArticleId) throw BadInputError.field('otherArticleId', 'must differ from articleId');
    const found = new Set((await manager.find(Article, { where: { id: In([input.articleId, input.otherArticleId]) }, select: { id: true } })).map((r) => r.id));
    for (const field of ['articleId', 'otherArticleId'] as const) {
      if (!found.has(input[field])) throw BadInputError.field(field, `no live article has id ${input[field]}`);
    }
    return input.articleId < input.otherArticleId ? [input.articleId, input.otherArticleId] : [input.otherArticleId, input.articleId];
  }

  /**
   * Each anonymous description cited in both articles by different sources becomes one origin: the
   * sources (and the groups they are in) join the group of the first one that has a group, or a new one.
   */
  private async joinOrigins(manager: EntityManager, actor: Actor, a: string, b: string): Promise<WireLink['originJoins']> {
    const cited = await this.citedAnonymous(manager, [a, b]);
    const changes = new Map<string, { before: string | null; after: string }>();
    for (const key of new Set(cited.map((c) => c.nameKey))) {
      const sources = cited.filter((c) => c.nameKey === key);
      if (!sources.some((s) => s.articleId === a) || !sources.some((s) => s.articleId === b)) continue;
      const ids = [...new Set(sources.map((s) => s.id))].sort();
      if (ids.length < 2) continue;
      const groups = [...new Set(sources.map((s) => s.originGroupId).filter((g): g is string => !!g))].sort();
      const target = groups[0] ?? newId();
      const members = groups.length ? await this.sourcesWhere(manager, 's.origin_group_id IN (:...ids)', groups) : new Map<string, string | null>();
      const before = new Map<string, string | null>([...sources.map((s) => [s.id, s.originGroupId] as const), ...members]);
      for (const [id, group] of before) if (group !== target) changes.set(id, { before: group, after: target });
    }
    await this.sources.setOriginGroupsWith(manager, actor, new Map([...changes].map(([id, c]) => [id, c.after])));
    return [...changes].map(([sourceId, c]) => ({ sourceId, before: c.before, after: c.after }));
  }

  private async citedAnonymous(manager: EntityManager, articleIds: string[]): Promise<CitedAnonymous[]> {
    return manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.name_key AS "nameKey"', 's.origin_group_id AS "originGroupId"', 'ci.article_id AS "articleId"'])
      .from('citation', 'ci')
      .innerJoin('attribution', 'at', 'at.id = ci.attribution_id AND at.deleted_at IS NULL')
      .innerJoin('source', 's', "s.id = at.source_id AND s.deleted_at IS NULL AND s.kind = 'ANONYMOUS'")
      .where('ci.article_id IN (:...articleIds) AND ci.deleted_at IS NULL', { articleIds })
      .getRawMany<CitedAnonymous>();
  }

  /** Origin groups of the sources matching `condition` (on :...ids). */
  private async sourcesWhere(manager: EntityManager, condition: string, ids: string[]): Promise<Map<string, string | null>> {
    const rows: Array<{ id: string; originGroupId: string | null }> = await manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.origin_group_id AS "originGroupId"'])
      .from('source', 's')
      .where(condition, { ids })
      .getRawMany();
    return new Map(rows.map((r) => [r.id, r.originGroupId]));
  }

  private async save(manager: EntityManager, existing: WireLink | null, fields: Omit<WireLink, 'id'>): Promise<WireLink> {
    if (existing) {
      await manager.update(WireLink, { id: existing.id }, fields);
      return { ...existing, ...fields };
    }
    const link = manager.create(WireLink, fields);
    await manager.insert(WireLink, link);
    return link;
  }

  private async record(manager: EntityManager, actor: Actor, action: string, a: string, b: string, copies: boolean): Promise<void> {
    await this.audit.record(manager, actor, action, RecordType.ARTICLE, a, [{ field: 'wireCopyOf', before: copies ? null : b, after: copies ? b : null }]);
    await this.audit.record(manager, actor, action, RecordType.ARTICLE, b, [{ field: 'wireCopyOf', before: copies ? null : a, after: copies ? a : null }]);
  }
}
