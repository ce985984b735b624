import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Actor } from '../access/actor';
import { assertCanEdit, assertEditorial } from '../access/edit-policy';
import { AuditService } from '../audit/audit.service';
import { wireCopyIds } from '../articles/wire-copies';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { RecordType } from '../common/record-type';
import { Page, PageArgs, decodeCursor, pageSize, toPage } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { TransactionRunner } from '../database/transaction-runner';
import { CreateSourceInput, SourceFieldsInput } from './dto/source-fields.input';
import { MergeSourcesInput } from './dto/merge-sources.input';
import { SourceFilterInput } from './dto/source-filter.input';
import { UpdateSourceInput } from './dto/update-source.input';
import { SourceAlias } from './source-alias.entity';
import { ReliabilityChange } from './reliability-change.entity';
import { SetReliabilityInput } from './dto/set-reliability.input';
import { newId } from '../common/ids';
import { SourceKind } from './source-kind';
import { liveNameKeyOf, sourceNameKey } from './source-name';
import { Source } from './source.entity';
import { insertNew } from '../database/insert-new';
import { touchClaimsOf } from '../database/touch-claims';

/** A source named in logClaim or an import: by id, or by name (found or created). */
export interface SourceRef extends SourceFieldsInput {
  id?: string;
  name?: string;
  kind?: SourceKind;
}

/** Listeners told which sources changed identity (merged, linked), inside the writer's transaction. */
export type SourcesChangedHook = (manager: EntityManager, sourceIds: string[]) => Promise<void>;

@Injectable()
export class SourcesService {
  private readonly hooks: SourcesChangedHook[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  onSourcesChanged(hook: SourcesChangedHook): void {
    this.hooks.push(hook);
  }

  private async sourcesChanged(manager: EntityManager, sourceIds: string[]): Promise<void> {
    await touchClaimsOf(manager, 'sources', sourceIds);
    for (const hook of this.hooks) await hook(manager, sourceIds);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Source> {
    const source = await manager.findOne(Source, { where: { id } });
    if (!source) throw new NotFoundError('Source', id);
    return source;
  }

  /** Includes merged (deleted) sources, so history and old attributions still resolve. */
  findByIds(ids: readonly string[]): Promise<Source[]> {
    return this.dataSource.manager.find(Source, { where: { id: In([...ids]) }, withDeleted: true });
  }

  async aliasesBySourceIds(ids: readonly string[]): Promise<SourceAlias[]> {
    return this.dataSource.manager.find(SourceAlias, { where: { sourceId: In([...ids]) }, order: { alias: 'ASC' } });
  }

  /** Every live named source: the vocabulary the extractor matches speakers against. */
  namedSources(): Promise<Source[]> {
    return this.dataSource.manager.find(Source, { where: { kind: Not(SourceKind.ANONYMOUS) }, order: { id: 'ASC' } });
  }

  /** Live sources whose name or alias folds to the same key as `name`. */
  async findByNameOrAlias(name: string, manager: EntityManager = this.dataSource.manager): Promise<Source[]> {
    const key = sourceNameKey(name);
    return manager
      .createQueryBuilder(Source, 's')
      .where('s.name_key = :key', { key })
      .orWhere('s.id IN (SELECT a.source_id FROM source_alias a WHERE a.alias_key = :key)', { key })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  /** `count: false` skips the COUNT when nobody asked for totalCount. */
  async list(args: PageArgs, filter: SourceFilterInput = {}, { count = true } = {}): Promise<Page<Source>> {
    const size = pageSize(args.first);
    const qb = this.dataSource.manager.createQueryBuilder(Source, 's');
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.name) {
      const key = sourceNameKey(filter.name);
      qb.andWhere('(s.name_key = :key OR s.id IN (SELECT a.source_id FROM source_alias a WHERE a.alias_key = :key))', { key });
    }
    const totalCount = count ? await qb.getCount() : 0;
    if (args.after) {
      const [nameKey, id] = decodeCursor(args.after, ['text', 'text']);
      qb.andWhere('(s.name_key > :ck OR (s.name_key = :ck AND s.id > :cid))', { ck: nameKey, cid: id });
    }
    const rows = await qb.orderBy('s.name_key', 'ASC').addOrderBy('s.id', 'ASC').take(size + 1).getMany();
    return toPage(rows, size, totalCount, (s) => [s.nameKey, s.id]);
  }

  create(input: CreateSourceInput, actor: Actor): Promise<Source> {
    return this.tx.run((manager) => this.createWith(manager, input, actor));
  }

  /**
   * `afterLookup`: the caller (find-or-create) has just looked the name up and missed. A source
   * committed since then is a lost race, not a user's mistake: the unique index refuses the insert,
   * and the transaction runs again and finds the winner's row (TransactionRunner).
   * `id`: only an import gives one, to keep the id a source had in the file's system (imports/import.service.ts).
   */
  async createWith(manager: EntityManager, input: CreateSourceInput, actor: Actor, options: { afterLookup?: boolean; id?: string } = {}): Promise<Source> {
    const { afterLookup = false, id } = options;
    if (input.reliability) assertEditorial(actor, 'grade reliability');
    assertConfidentialFits(input.kind, input.confidentialNote);
    const nameKey = sourceNameKey(input.name);
    if (!afterLookup) await refuseTakenName(manager, input.kind, nameKey, 'name');
    const source = manager.create(Source, {
      ...(id ? { id } : {}),
      kind: input.kind,
      name: input.name,
      nameKey,
      liveNameKey: liveNameKeyOf({ kind: input.kind, nameKey }),
      basedIn: input.basedIn ?? null,
      affiliation: input.affiliation ?? null,
      wikidataId: input.wikidataId ?? null,
      reliability: input.reliability ?? null,
      confidentialNote: input.confidentialNote ?? null,
      createdBy: actor.id,
    });
    await insertNew(manager, source);
    await this.addAliases(manager, source, input.aliases ?? []);
    await this.audit.recordCreate(manager, actor, RecordType.SOURCE, { ...source, aliases: input.aliases ?? [] });
    return source;
  }

  update(input: UpdateSourceInput, actor: Actor): Promise<Source> {
    return this.tx.run(async (manager) => {
      const current = await this.get(input.id, manager);
      assertCanEdit(actor, current);
      if (input.reliability !== undefined && input.reliability !== current.reliability) assertEditorial(actor, 'grade reliability');
      assertConfidentialFits(input.kind ?? current.kind, input.confidentialNote);
      const aliasesBefore = await this.aliasNames(manager, input.id);
      const patch: Partial<Source> = pickDefined({
        kind: input.kind,
        name: input.name,
        basedIn: input.basedIn,
        affiliation: input.affiliation,
        wikidataId: input.wikidataId,
        reliability: input.reliability,
        confidentialNote: input.confidentialNote,
      });
      if (input.name) patch.nameKey = sourceNameKey(input.name);
      if (input.name || input.kind) {
        const named = { kind: input.kind ?? current.kind, nameKey: patch.nameKey ?? current.nameKey };
        if (named.nameKey !== current.nameKey || named.kind !== current.kind) await refuseTakenName(manager, named.kind, named.nameKey, 'name', current.id);
        patch.liveNameKey = liveNameKeyOf(named);
      }
      const { before, after } = await versionedUpdate<Source>(manager, Source, 'Source', input.id, input.version, patch);
      // Name, kind and grade are in every exported row of the claims this source speaks to or relays.
      await touchClaimsOf(manager, 'sources', [input.id]);
      await this.recordReliability(manager, before, after, null, actor.id);
      if (input.aliases) {
        await manager.delete(SourceAlias, { sourceId: input.id });
        await this.addAliases(manager, after, input.aliases);
      }
      const aliasesAfter = await this.aliasNames(manager, input.id);
      await this.audit.recordUpdate(manager, actor, RecordType.SOURCE, { ...before, aliases: aliasesBefore }, { ...after, aliases: aliasesAfter });
      return after;
    });
  }

  /** Moves every attribution and relay of the duplicate to the survivor; the duplicate's names become aliases. */
  merge(input: MergeSourcesInput, actor: Actor): Promise<Source> {
    if (input.survivorId === input.mergedId) {
      return Promise.reject(BadInputError.field('mergedId', 'must differ from survivorId'));
    }
    return this.tx.run(async (manager) => {
      const survivor = await this.get(input.survivorId, manager);
      const merged = await this.get(input.mergedId, manager);
      const mergedAliases = await manager.find(SourceAlias, { where: { sourceId: merged.id } });
      const survivorAliases = await this.aliasNames(manager, survivor.id);
      await manager.createQueryBuilder().update('attribution').set({ sourceId: survivor.id }).where('source_id = :m', { m: merged.id }).execute();
      await manager.createQueryBuilder().update('relay_hop').set({ sourceId: survivor.id }).where('source_id = :m', { m: merged.id }).execute();
      await this.addAliases(manager, survivor, [merged.name, ...mergedAliases.map((a) => a.alias)]);
      const deleted = await versionedUpdate<Source>(manager, Source, 'Source', merged.id, undefined, { deletedAt: new Date(), deletedBy: actor.id, liveNameKey: null });
      await this.audit.recordUpdate(manager, actor, RecordType.SOURCE, deleted.before, { ...deleted.after, mergedInto: survivor.id });
      await this.audit.record(manager, actor, 'UPDATE', RecordType.SOURCE, survivor.id, [
        { field: 'aliases', before: survivorAliases, after: await this.aliasNames(manager, survivor.id) },
        { field: 'mergedFrom', before: null, after: merged.id },
      ]);
      await this.sourcesChanged(manager, [survivor.id, merged.id]);
      return this.get(survivor.id, manager);
    });
  }

  /** Grades a source, keeping who changed the grade and why. */
  setReliability(input: SetReliabilityInput, actor: Actor): Promise<Source> {
    return this.tx.run(async (manager) => {
      await this.get(input.id, manager);
      const { before, after } = await versionedUpdate<Source>(manager, Source, 'Source', input.id, input.version, { reliability: input.reliability ?? null });
      await touchClaimsOf(manager, 'sources', [input.id]);
      await this.recordReliability(manager, before, after, input.reason, actor.id);
      await this.audit.recordUpdate(manager, actor, RecordType.SOURCE, before, after);
      return after;
    });
  }

  reliabilityHistory(sourceIds: readonly string[]): Promise<ReliabilityChange[]> {
    return this.dataSource.manager.find(ReliabilityChange, { where: { sourceId: In([...sourceIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
  }

  private async recordReliability(manager: EntityManager, before: Source, after: Source, reason: string | null, actorId: string | null): Promise<void> {
    if (before.reliability === after.reliability) return;
    await manager.insert(
      ReliabilityChange,
      manager.create(ReliabilityChange, { sourceId: after.id, fromGrade: before.reliability, toGrade: after.reliability, reason, actorId }),
    );
  }

  /**
   * Marks sources as one origin for independence counting: the same anonymous official quoted
   * in two stories, say. Groups already formed are joined into one.
   */
  link(sourceIds: string[], actor: Actor): Promise<Source[]> {
    return this.tx.run(async (manager) => {
      const sources = await this.getAll(manager, sourceIds);
      const groups = new Set(sources.map((s) => s.originGroupId).filter((g): g is string => !!g));
      const groupId = [...groups].sort()[0] ?? newId();
      const members = groups.size ? await manager.find(Source, { where: { originGroupId: In([...groups]) } }) : [];
      const ids = [...new Set([...sourceIds, ...members.map((m) => m.id)])];
      await this.setOriginGroup(manager, actor, ids, groupId);
      await this.sourcesChanged(manager, ids);
      return manager.find(Source, { where: { id: In(ids) }, order: { id: 'ASC' } });
    });
  }

  unlink(sourceIds: string[], actor: Actor): Promise<Source[]> {
    return this.tx.run(async (manager) => {
      await this.getAll(manager, sourceIds);
      await this.setOriginGroup(manager, actor, sourceIds, null);
      await this.sourcesChanged(manager, sourceIds);
      return manager.find(Source, { where: { id: In(sourceIds) }, order: { id: 'ASC' } });
    });
  }

  /**
   * Sets each source's origin group (audited), in the caller's transaction, and works the derived
   * values of their claims out again: for writers that join or split origins as part of another
   * change (an editor linking two articles as wire copies).
   */
  async setOriginGroupsWith(manager: EntityManager, actor: Actor, groups: ReadonlyMap<string, string | null>): Promise<void> {
    if (!groups.size) return;
    for (const [id, groupId] of groups) await this.setOriginGroup(manager, actor, [id], groupId);
    await this.sourcesChanged(manager, [...groups.keys()]);
  }

  private async setOriginGroup(manager: EntityManager, actor: Actor, ids: string[], groupId: string | null): Promise<void> {
    for (const id of ids) {
      const { before, after } = await versionedUpdate<Source>(manager, Source, 'Source', id, undefined, { originGroupId: groupId });
      await this.audit.recordUpdate(manager, actor, RecordType.SOURCE, before, after);
    }
  }

  private async aliasNames(manager: EntityManager, sourceId: string): Promise<string[]> {
    return (await manager.find(SourceAlias, { where: { sourceId }, order: { alias: 'ASC' } })).map((a) => a.alias);
  }

  linkedSources(groupIds: readonly string[]): Promise<Source[]> {
    return this.dataSource.manager.find(Source, { where: { originGroupId: In([...groupIds]) }, order: { id: 'ASC' } });
  }

  private async getAll(manager: EntityManager, ids: string[]): Promise<Source[]> {
    const found = await manager.find(Source, { where: { id: In(ids) } });
    const missing = ids.filter((id) => !found.some((s) => s.id === id));
    if (missing.length) throw new BadInputError(missing.map((id) => ({ field: `sourceIds.${ids.indexOf(id)}`, message: `no source has id ${id}` })));
    return found;
  }

  /**
   * Finds a named source by name or alias, or creates it. An anonymous speaker matches only an
   * anonymous source of the same description already cited in the same article: "a senior
   * official" in two stories need not be one person, but within one story it is.
   */
  async resolveRef(manager: EntityManager, ref: SourceRef, field: string, actor: Actor, articleId?: string): Promise<Source> {
    if (ref.id) {
      const found = await manager.findOne(Source, { where: { id: ref.id } });
      if (!found) throw BadInputError.field(`${field}.id`, `no source has id ${ref.id}`);
      return found;
    }
    if (!ref.name) throw BadInputError.field(field, 'give either id or name');
    const kind = ref.kind ?? SourceKind.INDIVIDUAL;
    if (kind !== SourceKind.ANONYMOUS) {
      const [match] = await this.findByNameOrAlias(ref.name, manager);
      if (match) return match;
    } else if (articleId) {
      const match = await this.findAnonymousInArticle(manager, ref.name, articleId);
      if (match) return match;
    }
    return this.createWith(manager, { ...ref, name: ref.name, kind }, actor, { afterLookup: true });
  }

  /** The same description cited in this article, or in another copy of the same wire story (articles/wire-copies.ts). */
  private async findAnonymousInArticle(manager: EntityManager, description: string, articleId: string): Promise<Source | null> {
    const articleIds = [articleId, ...(await wireCopyIds(manager, articleId))];
    return manager
      .createQueryBuilder(Source, 's')
      .where('s.kind = :kind AND s.name_key = :key', { kind: SourceKind.ANONYMOUS, key: sourceNameKey(description) })
      .andWhere(
        'EXISTS (SELECT 1 FROM attribution a JOIN citation ci ON ci.attribution_id = a.id WHERE a.source_id = s.id AND ci.article_id IN (:...articleIds) AND a.deleted_at IS NULL)',
        { articleIds },
      )
      .orderBy('s.id', 'ASC')
      .getOne();
  }

  private async addAliases(manager: EntityManager, source: Source, aliases: string[]): Promise<void> {
    const existing = new Set((await manager.find(SourceAlias, { where: { sourceId: source.id } })).map((a) => a.aliasKey));
    existing.add(source.nameKey);
    const fresh: SourceAlias[] = [];
    for (const alias of aliases) {
      const aliasKey = sourceNameKey(alias);
      if (!aliasKey || existing.has(aliasKey)) continue;
      existing.add(aliasKey);
      fresh.push(manager.create(SourceAlias, { sourceId: source.id, alias, aliasKey }));
    }
    if (fresh.length) await manager.insert(SourceAlias, fresh);
  }
}

/**
 * A live named source already has this name: createSource and updateSource say so, as createArticle
 * does for a URL (find-or-create paths found it before getting here, unless they lost a race).
 */
async function refuseTakenName(manager: EntityManager, kind: SourceKind, nameKey: string, field: string, exceptId?: string): Promise<void> {
  const key = liveNameKeyOf({ kind, nameKey });
  if (!key) return;
  const existing = await manager.findOne(Source, { where: { liveNameKey: key } });
  if (existing && existing.id !== exceptId) {
    throw new ConflictError(`Source ${existing.id} already has the name "${existing.name}"; use it, or give this one a different name`, { field, existingId: existing.id });
  }
}

/** A confidential note says who an anonymous speaker is; a named source has nothing to hide. */
function assertConfidentialFits(kind: SourceKind, note: string | null | undefined): void {
  if (note && kind !== SourceKind.ANONYMOUS) throw BadInputError.field('confidentialNote', 'only an anonymous source can carry a confidential note');
}
