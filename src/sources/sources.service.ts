import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Actor } from '../core/actor';
import { assertCanEdit, assertEditorial } from '../access/edit-policy';
import { AuditService } from '../audit/audit.service';
import { BadInputError, ConflictError, DomainError, NotFoundError } from '../common/errors';
import { AuditEvent } from '../audit/audit-event.entity';
import { SourceMention, WireCopies, resolveMentions } from './source-batch';
import { SourceRow } from './source-lookup';
import { RecordType } from '../common/record-type';
import { declareOrder, readKeysetPage } from '../common/keyset';
import { Page, PageArgs } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { DomainEvents } from '../database/domain-events';
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
import { completeRow, insertNew } from '../database/insert-new';
import { touchClaimsOf } from '../database/touch-claims';

/** A source named in logClaim or an import: by id, or by name (found or created). */
export interface SourceRef extends SourceFieldsInput {
  id?: string;
  name?: string;
  kind?: SourceKind;
}

declare module '../database/domain-events' {
  interface DomainEventMap {
    /** Sources whose identity changed (renamed, kind changed, merged, linked): claims citing them have stale sourcing. */
    'sources.identityChanged': string[];
  }
}

/** Sources A to Z by their folded name, then id. */
const SOURCES_BY_NAME = declareOrder('sources.name', [
  { column: 's.name_key', direction: 'ASC', part: 'text' },
  { column: 's.id', direction: 'ASC', part: 'id' },
]);

@Injectable()
export class SourcesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  private async sourcesChanged(manager: EntityManager, sourceIds: string[]): Promise<void> {
    await touchClaimsOf(manager, 'sources', sourceIds);
    await this.events.publish(manager, 'sources.identityChanged', sourceIds);
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
    const qb = this.dataSource.manager.createQueryBuilder(Source, 's');
    if (filter.kind) qb.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.name) {
      const key = sourceNameKey(filter.name);
      qb.andWhere('(s.name_key = :key OR s.id IN (SELECT a.source_id FROM source_alias a WHERE a.alias_key = :key))', { key });
    }
    return readKeysetPage(qb, SOURCES_BY_NAME, args, (s) => [s.nameKey, s.id], { count });
  }

  create(input: CreateSourceInput, actor: Actor): Promise<Source> {
    return this.tx.run((manager) => this.createWith(manager, input, actor));
  }

  async createWith(manager: EntityManager, input: CreateSourceInput, actor: Actor): Promise<Source> {
    if (input.reliability) assertEditorial(actor, 'grade reliability');
    assertConfidentialFits(input.kind, input.confidentialNote);
    await refuseTakenName(manager, input.kind, sourceNameKey(input.name), 'name');
    const source = newSource(manager, input, actor);
    await insertNew(manager, source);
    await this.addAliases(manager, source, input.aliases ?? []);
    await this.audit.recordCreate(manager, actor, RecordType.SOURCE, { ...source, aliases: input.aliases ?? [] });
    return source;
  }

  /**
   * logClaim and imports: each mention resolved as resolveRef would (and an import's source ids
   * matched first), with three look-ups for the whole batch (source-batch.ts). New sources, their
   * aliases and audit events are made in memory, under createSource's rules, for the caller to
   * insert with the rest of its batch; a lost race on the unique name is retried by TransactionRunner.
   */
  async findOrPrepare(
    manager: EntityManager,
    mentions: SourceMention[],
    actor: Actor,
    options: { copies: WireCopies; newArticles: Set<string>; fail: (index: number, error: DomainError) => Error },
  ): Promise<{ resolved: SourceRow[]; created: Source[]; aliases: SourceAlias[]; events: AuditEvent[] }> {
    const created: Source[] = [];
    const aliases: SourceAlias[] = [];
    const events: AuditEvent[] = [];
    const create = (mention: SourceMention, index: number, id: string | undefined): Source => {
      const input = { ...mention.ref, name: mention.ref.name as string, kind: mention.ref.kind ?? SourceKind.INDIVIDUAL } as CreateSourceInput;
      try {
        if (input.reliability) assertEditorial(actor, 'grade reliability');
        assertConfidentialFits(input.kind, input.confidentialNote);
      } catch (error) {
        throw error instanceof DomainError ? options.fail(index, error) : error;
      }
      const source = completeRow(manager.connection.getMetadata(Source), newSource(manager, input, actor, id));
      created.push(source);
      aliases.push(...aliasRows(manager, source, input.aliases ?? [], new Set()));
      events.push(this.audit.createEvent(actor, RecordType.SOURCE, { ...source, aliases: input.aliases ?? [] }));
      return source;
    };
    const resolved = await resolveMentions(manager, mentions, { ...options, create });
    return { resolved, created, aliases, events };
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
      // Kind and name decide anonymity and origins (claims/analysis/sourcing.ts): the claims' derived values are worked out again.
      // Either way, name, kind and grade are in every exported row of the claims this source speaks to or relays.
      if (before.kind !== after.kind || before.name !== after.name) await this.sourcesChanged(manager, [input.id]);
      else await touchClaimsOf(manager, 'sources', [input.id]);
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

  private async addAliases(manager: EntityManager, source: Source, aliases: string[]): Promise<void> {
    const existing = new Set((await manager.find(SourceAlias, { where: { sourceId: source.id } })).map((a) => a.aliasKey));
    const fresh = aliasRows(manager, source, aliases, existing);
    if (fresh.length) await manager.insert(SourceAlias, fresh);
  }

}

function newSource(manager: EntityManager, input: CreateSourceInput, actor: Actor, id?: string): Source {
  const nameKey = sourceNameKey(input.name);
  return manager.create(Source, {
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
}

/** The alias rows a source gains: one per new key, none for its own name or a key it has (`existing`). */
function aliasRows(manager: EntityManager, source: Source, aliases: string[], existing: Set<string>): SourceAlias[] {
  const seen = new Set([...existing, source.nameKey]);
  const fresh: SourceAlias[] = [];
  for (const alias of aliases) {
    const aliasKey = sourceNameKey(alias);
    if (!aliasKey || seen.has(aliasKey)) continue;
    seen.add(aliasKey);
    fresh.push(manager.create(SourceAlias, { sourceId: source.id, alias, aliasKey }));
  }
  return fresh;
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
    // `fields` as BAD_USER_INPUT gives them, so that a form shows the clash beside the name, in words, not by id.
    throw new ConflictError(`Another source is already named "${existing.name}" (id ${existing.id}); use that source, or give this one a different name`, {
      field,
      existingId: existing.id,
      fields: [{ field, message: `is already the name of another source, "${existing.name}": use that source, or choose another name` }],
    });
  }
}

/** A confidential note says who an anonymous speaker is; a named source has nothing to hide. */
function assertConfidentialFits(kind: SourceKind, note: string | null | undefined): void {
  if (note && kind !== SourceKind.ANONYMOUS) throw BadInputError.field('confidentialNote', 'only an anonymous source can carry a confidential note');
}
