import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Article } from '../articles/article.entity';
import { Actor } from '../core/actor';
import { assertCanAddTo, assertCanEdit } from '../access/edit-policy';
import { isEditorial } from '../core/role';
import { AuditService } from '../audit/audit.service';
import { BadInputError, NotFoundError } from '../common/errors';
import { RecordType } from '../common/record-type';
import { declareOrder, readKeysetPage } from '../common/keyset';
import { Page, PageArgs } from '../common/pagination';
import { pickDefined, staleVersion, versionedUpdate } from '../common/versioned-update';
import { DomainEvents } from '../database/domain-events';
import { TransactionRunner } from '../database/transaction-runner';
import { Source } from '../sources/source.entity';
import { Attribution } from './attribution.entity';
import { Citation } from './citation.entity';
import { touchClaimsOf } from '../database/touch-claims';
import { AddAttributionInput } from './dto/add-attribution.input';
import { AddCitationInput, QuoteInput } from './dto/add-citation.input';
import { RelayHopInput } from './dto/relay-hop.input';
import { RemoveAttributionInput } from './dto/remove-attribution.input';
import { UpdateAttributionInput } from './dto/update-attribution.input';
import { anonymityProblems } from './anonymity-grant';
import { chainProblems } from './relay-chain';
import { RelayHop } from './relay-hop.entity';
import { insertNew } from '../database/insert-new';

import { liveArticleSql, liveAttributionSql, liveClaimSql } from './live-rows';

declare module '../database/domain-events' {
  interface DomainEventMap {
    /** Claims whose attributions, speakers or relays changed: their derived sourcing values are stale. */
    'attributions.claimsChanged': string[];
  }
}

/** A source's attributions, newest first. */
const NEWEST_ATTRIBUTIONS = declareOrder('attributions.newest', [{ column: 'a.id', direction: 'DESC', part: 'id' }]);

@Injectable()
export class AttributionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async claimsChanged(manager: EntityManager, claimIds: string[]): Promise<void> {
    const unique = [...new Set(claimIds)];
    await touchClaimsOf(manager, 'claims', unique);
    await this.events.publish(manager, 'attributions.claimsChanged', unique);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Attribution> {
    const attribution = await manager.findOne(Attribution, { where: { id } });
    if (!attribution) throw new NotFoundError('Attribution', id);
    return attribution;
  }

  async getCitation(id: string, actor?: Actor): Promise<Citation> {
    const qb = this.dataSource.manager.createQueryBuilder(Citation, 'ci').where('ci.id = :id', { id });
    // Outside the newsroom, a citation is readable only while everything above it is live.
    if (actor && !isEditorial(actor.role)) qb.andWhere(`${liveAttributionSql('ci.attribution_id')} AND ${liveArticleSql('ci.article_id')}`);
    const citation = await qb.getOne();
    if (!citation) throw new NotFoundError('Citation', id);
    return citation;
  }

  /** An attribution as `attribution(id)` shows it: outside the newsroom, only while its claim is live. */
  async getForReader(id: string, actor: Actor): Promise<Attribution> {
    const qb = this.dataSource.manager.createQueryBuilder(Attribution, 'a').where('a.id = :id', { id });
    if (!isEditorial(actor.role)) qb.andWhere(liveClaimSql('a.claim_id'));
    const attribution = await qb.getOne();
    if (!attribution) throw new NotFoundError('Attribution', id);
    return attribution;
  }

  findByIds(ids: readonly string[]): Promise<Attribution[]> {
    return this.dataSource.manager.find(Attribution, { where: { id: In([...ids]) }, withDeleted: true });
  }

  /** Relay hops in chain order, each with its source joined in. */
  chainsByAttributionIds(ids: readonly string[]): Promise<RelayHop[]> {
    return this.dataSource.manager.find(RelayHop, { where: { attributionId: In([...ids]) }, relations: { source: true }, order: { position: 'ASC' } });
  }

  /** Live citations in live articles, oldest first, each with its article joined in (as the claim trees show them). */
  citationsByAttributionIds(ids: readonly string[]): Promise<Citation[]> {
    return this.dataSource.manager
      .createQueryBuilder(Citation, 'ci')
      .innerJoinAndSelect('ci.article', 'ar', 'ar.deleted_at IS NULL')
      .where('ci.attribution_id IN (:...ids)', { ids })
      .orderBy('ci.id', 'ASC')
      .getMany();
  }

  /** Live citations of live attributions of live claims: a deleted claim is not reachable through its articles. */
  citationsByArticleIds(ids: readonly string[]): Promise<Citation[]> {
    return this.dataSource.manager
      .createQueryBuilder(Citation, 'ci')
      .where('ci.article_id IN (:...ids)', { ids })
      .andWhere(liveAttributionSql('ci.attribution_id'))
      .orderBy('ci.id', 'ASC')
      .getMany();
  }

  async pageBySource(sourceId: string, args: PageArgs, { count = true } = {}): Promise<Page<Attribution>> {
    // Attributions of deleted claims vanish with them.
    const qb = this.dataSource.manager.createQueryBuilder(Attribution, 'a').where('a.source_id = :sourceId', { sourceId }).andWhere(liveClaimSql('a.claim_id'));
    return readKeysetPage(qb, NEWEST_ATTRIBUTIONS, args, (a) => [a.id], { count });
  }

  add(input: AddAttributionInput, actor: Actor): Promise<Attribution> {
    return this.tx.run(async (manager) => {
      const claim = await liveClaim(manager, input.claimId);
      if (!claim) throw BadInputError.field('claimId', `no claim has id ${input.claimId}`);
      assertCanAddTo(actor, claim);
      await assertSourcesExist(manager, [input.sourceId], 'sourceId');
      const attribution = await this.addWith(manager, { ...input, chain: input.chain ?? [] }, actor, '');
      await this.claimsChanged(manager, [input.claimId]);
      return attribution;
    });
  }

  /** Creates an attribution whose claim and sources are known to exist; the caller owns the transaction. */
  async addWith(manager: EntityManager, input: AddAttributionInput & { chain: RelayHopInput[] }, actor: Actor, field: string): Promise<Attribution> {
    const chainField = field ? `${field}.chain` : 'chain';
    const problems = [...chainProblems(input.sourceId, input.chain.map((h) => h.sourceId), chainField), ...anonymityProblems(input.anonymityGranted, input.anonymityReason, field)];
    if (problems.length) throw new BadInputError(problems);
    await assertSourcesExist(manager, input.chain.map((h) => h.sourceId), chainField);
    const attribution = newAttribution(manager, input, actor);
    await insertNew(manager, attribution);
    await this.writeChain(manager, attribution.id, input.chain);
    await this.audit.recordCreate(manager, actor, RecordType.ATTRIBUTION, { ...attribution, chain: await this.chainOf(manager, attribution.id) });
    return attribution;
  }

  update(input: UpdateAttributionInput, actor: Actor): Promise<Attribution> {
    return this.tx.run(async (manager) => {
      const current = await this.get(input.id, manager);
      assertCanEdit(actor, current, await claimStatus(manager, current.claimId));
      const chainBefore = await this.chainOf(manager, input.id);
      const speakerId = input.sourceId ?? current.sourceId;
      if (input.sourceId) await assertSourcesExist(manager, [input.sourceId], 'sourceId');
      const chain = input.chain ?? (await manager.find(RelayHop, { where: { attributionId: input.id }, order: { position: 'ASC' } }));
      const reason = input.anonymityReason === undefined ? current.anonymityReason : input.anonymityReason;
      const problems = [...chainProblems(speakerId, chain.map((h) => h.sourceId), 'chain'), ...anonymityProblems(input.anonymityGranted, reason, '')];
      if (problems.length) throw new BadInputError(problems);
      const patch: Partial<Attribution> = pickDefined({
        sourceId: input.sourceId,
        stance: input.stance,
        cue: input.cue,
        mode: input.mode,
        saidAt: input.saidAt,
        credibility: input.credibility,
        anonymityGranted: input.anonymityGranted ?? (input.anonymityReason ? true : undefined),
        anonymityReason: input.anonymityReason,
        relationship: input.relationship,
        conditions: input.conditions,
      });
      const { before, after } = await versionedUpdate<Attribution>(manager, Attribution, 'Attribution', input.id, input.version, patch);
      if (input.chain) {
        await assertSourcesExist(manager, input.chain.map((h) => h.sourceId), 'chain');
        await manager.delete(RelayHop, { attributionId: input.id });
        await this.writeChain(manager, input.id, input.chain);
      }
      await this.audit.recordUpdate(manager, actor, RecordType.ATTRIBUTION, { ...before, chain: chainBefore }, { ...after, chain: await this.chainOf(manager, input.id) });
      await this.claimsChanged(manager, [after.claimId]);
      return after;
    });
  }

  /** Deletion is a state: the attribution is marked deleted, never erased. */
  remove(input: RemoveAttributionInput, actor: Actor): Promise<Attribution> {
    return this.tx.run(async (manager) => {
      const current = await this.get(input.id, manager);
      assertCanEdit(actor, current, await claimStatus(manager, current.claimId));
      if (input.version !== undefined && input.version !== current.version) throw staleVersion('Attribution', input.id, current.version);
      const { before, after } = await versionedUpdate<Attribution>(manager, Attribution, 'Attribution', input.id, current.version, {
        deletedAt: new Date(),
        deletedBy: actor.id,
      });
      await this.audit.recordUpdate(manager, actor, RecordType.ATTRIBUTION, before, after);
      await this.claimsChanged(manager, [current.claimId]);
      return after;
    });
  }

  addCitation(input: AddCitationInput, actor: Actor): Promise<Citation> {
    return this.tx.run(async (manager) => {
      const attribution = await this.get(input.attributionId, manager);
      const claim = await liveClaim(manager, attribution.claimId);
      if (!claim) throw new NotFoundError('Claim', attribution.claimId);
      assertCanAddTo(actor, claim);
      const article = await manager.findOne(Article, { where: { id: input.articleId } });
      if (!article) throw new NotFoundError('Article', input.articleId);
      return this.citeWith(manager, input.attributionId, article, input, '', actor);
    });
  }

  /** Anchors a quote in an article; where the article's text is stored, the offsets must point at the quote. */
  async citeWith(
    manager: EntityManager,
    attributionId: string,
    article: Article,
    quote: CitedQuote,
    field: string,
    actor: Actor,
  ): Promise<Citation> {
    const problems = quoteProblems(article, quote, field);
    if (problems.length) throw new BadInputError(problems.slice(0, 1));
    const citation = newCitation(manager, attributionId, article.id, quote, actor);
    await insertNew(manager, citation);
    await touchClaimsOf(manager, 'attributions', [attributionId]);
    await this.audit.recordCreate(manager, actor, RecordType.CITATION, citation);
    return citation;
  }

  private async chainOf(manager: EntityManager, attributionId: string): Promise<string[]> {
    return auditedChain(await manager.find(RelayHop, { where: { attributionId }, order: { position: 'ASC' } }));
  }

  private async writeChain(manager: EntityManager, attributionId: string, chain: RelayHopInput[]): Promise<void> {
    if (!chain.length) return;
    await manager.insert(RelayHop, newRelayHops(manager, attributionId, chain));
  }
}

/** The claim's owner and status, which decide who may add to it; null when it does not exist or is deleted. */
async function liveClaim(manager: EntityManager, id: string): Promise<{ createdBy: string | null; status: string } | null> {
  const row = await manager
    .createQueryBuilder()
    .select('c.created_by', 'createdBy')
    .addSelect('c.status', 'status')
    .from('claim', 'c')
    .where('c.id = :id AND c.deleted_at IS NULL', { id })
    .getRawOne();
  return row ? { createdBy: row.createdBy ?? null, status: row.status } : null;
}

async function assertSourcesExist(manager: EntityManager, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = new Set((await manager.find(Source, { where: { id: In(ids) }, select: { id: true } })).map((s) => s.id));
  const problems = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: ids.length > 1 || field.endsWith('chain') ? `${field}.${i}.sourceId` : field, message: `no source has id ${id}` }]));
  if (problems.length) throw new BadInputError(problems);
}

async function claimStatus(manager: EntityManager, claimId: string): Promise<string | undefined> {
  const row = await manager.createQueryBuilder().select('c.status', 'status').from('claim', 'c').where('c.id = :claimId', { claimId }).getRawOne();
  return row?.status;
}

/** Columns an attribution's input never sets: identity and bookkeeping. */
const NOT_FROM_INPUT = new Set(['id', 'claimId', 'sourceId', 'createdBy', 'createdAt', 'updatedAt', 'version', 'deletedAt', 'deletedBy']);

/**
 * A new attribution in memory. Every column of the entity that the input carries is copied, so a
 * field added to the attribution inputs and to the entity under one name flows through to the row
 * (addAttribution, logClaim and imports alike) without a mapping to extend.
 */
export function newAttribution(
  manager: EntityManager,
  input: { claimId: string; sourceId: string },
  actor: Actor,
): Attribution {
  const given = input as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = { claimId: input.claimId, sourceId: input.sourceId, createdBy: actor.id };
  for (const column of manager.connection.getMetadata(Attribution).columns) {
    const name = column.propertyName;
    if (!NOT_FROM_INPUT.has(name) && given[name] !== undefined) values[name] = given[name];
  }
  // A stated reason implies the grant (anonymity-grant.ts refuses a reason with the grant switched off).
  if (values.anonymityGranted === undefined) values.anonymityGranted = given.anonymityReason != null;
  return manager.create(Attribution, values as Partial<Attribution>);
}

export function newRelayHops(manager: EntityManager, attributionId: string, chain: RelayHopInput[]): RelayHop[] {
  return chain.map((hop, position) => manager.create(RelayHop, { attributionId, position, sourceId: hop.sourceId, cue: hop.cue ?? null }));
}

/** The chain as audited: "source id (cue)" per hop, outermost first. */
export function auditedChain(hops: Array<{ sourceId: string; cue: string | null }>): string[] {
  return hops.map((h) => (h.cue ? `${h.sourceId} (${h.cue})` : h.sourceId));
}

export type CitedQuote = Omit<QuoteInput, 'quote'> & { quote: string | null };

/** Where the article's text is stored, the offsets must point at the quote; offsets need the words. First problem first. */
export function quoteProblems(article: Pick<Article, 'bodyText'>, quote: CitedQuote, field: string): Array<{ field: string; message: string }> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const { startOffset, endOffset } = quote;
  const length = quote.quote?.length ?? 0;
  if (quote.quote === null && (startOffset != null || endOffset != null)) return [{ field: at('quote'), message: 'offsets need the quoted words' }];
  if (startOffset != null && endOffset != null && endOffset - startOffset !== length) {
    return [{ field: at('endOffset'), message: 'endOffset - startOffset must equal the length of the quote' }];
  }
  if (article.bodyText && startOffset != null && article.bodyText.slice(startOffset, startOffset + length) !== quote.quote) {
    return [{ field: at('startOffset'), message: 'the article text at this offset is not the quote' }];
  }
  return [];
}

export function newCitation(manager: EntityManager, attributionId: string, articleId: string, quote: CitedQuote, actor: Actor): Citation {
  const { startOffset, endOffset } = quote;
  return manager.create(Citation, {
    attributionId,
    articleId,
    quote: quote.quote,
    prefix: quote.prefix ?? null,
    suffix: quote.suffix ?? null,
    startOffset: startOffset ?? null,
    endOffset: endOffset ?? (startOffset != null ? startOffset + (quote.quote?.length ?? 0) : null),
    createdBy: actor.id,
  });
}
