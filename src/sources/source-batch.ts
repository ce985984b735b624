import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { BadInputError, DomainError } from '../common/errors';
import { SourceKind } from './source-kind';
import { sourceNameKey } from './source-name';
import { SourceRow, anonymousSpeakersIn, sourcesByIds, sourcesByNameKeys } from './source-lookup';
import type { SourceRef } from './sources.service';

/** One mention of a source in a batch of claims, in the order the batch names them. */
export interface SourceMention {
  ref: SourceRef;
  /** Where an error about it points: `attributions.0.source`. */
  field: string;
  /** An import's id for the source in the file's system: matched first, and kept by a new source when free. */
  fileId?: string | null;
  /** The article the mention is cited in: an anonymous description is matched only within it (and its wire copies). */
  articleId?: string | null;
  /** Mentions of one attribution share a group; its speaker (`speaks`) is known in its article only once the attribution is written. */
  group: number;
  speaks: boolean;
}

/** Where each mention's articles' copies of the same wire story are (articles/wire-copies.ts), by article id. */
export type WireCopies = Map<string, string[]>;

/**
 * Resolves a batch's mentions as SourcesService.resolveRef (and an import's source ids) would,
 * one mention after another, but with three look-ups for the whole batch: by id, by name or alias,
 * and anonymous speakers in the batch's articles. What earlier mentions of the batch created or
 * cited is kept in memory, so that later mentions see it as they would have seen it in the
 * database. `create` makes a new source in memory (its checks, its aliases, its audit event).
 */
export async function resolveMentions(
  manager: EntityManager,
  mentions: SourceMention[],
  options: {
    copies: WireCopies;
    /** Articles created by this batch: nothing in the database cites them yet. */
    newArticles: Set<string>;
    create: (mention: SourceMention, index: number, id: string | undefined) => SourceRow;
    fail: (index: number, error: DomainError) => Error;
  },
): Promise<SourceRow[]> {
  const { copies, newArticles, create, fail } = options;
  const idsWanted = mentions.flatMap((m) => [m.ref.id, m.fileId && isUUID(m.fileId) ? m.fileId : undefined]).filter((id): id is string => !!id);
  const named = mentions.filter((m) => !m.ref.id && m.ref.name && (m.ref.kind ?? SourceKind.INDIVIDUAL) !== SourceKind.ANONYMOUS);
  const anonymous = mentions.filter((m) => !m.ref.id && !m.fileId && m.ref.name && m.ref.kind === SourceKind.ANONYMOUS && m.articleId);
  const inArticles = (articleId: string) => [articleId, ...(copies.get(articleId) ?? [])];
  const oldArticles = [...new Set(anonymous.flatMap((m) => inArticles(m.articleId as string)))].filter((id) => !newArticles.has(id));

  const byId = new Map((await sourcesByIds(manager, idsWanted)).map((s) => [s.id, s]));
  const byName = new Map<string, SourceRow>();
  const remember = (key: string, source: SourceRow) => {
    const known = byName.get(key);
    if (!known || source.id < known.id) byName.set(key, source);
  };
  for (const { key, source } of await sourcesByNameKeys(manager, named.map((m) => sourceNameKey(m.ref.name as string)))) remember(key, source);
  const speakers = new Map<string, SourceRow>();
  const cite = (articleId: string, source: SourceRow) => {
    const key = `${articleId}:${source.nameKey}`;
    const known = speakers.get(key);
    if (!known || source.id < known.id) speakers.set(key, source);
  };
  const anonymousKeys = anonymous.map((m) => sourceNameKey(m.ref.name as string));
  for (const { articleId, source } of await anonymousSpeakersIn(manager, anonymousKeys, oldArticles)) cite(articleId, source);

  const byFileId = new Map<string, SourceRow>();
  const made = (mention: SourceMention, index: number, id?: string): SourceRow => {
    const source = create(mention, index, id);
    byId.set(source.id, source);
    // Found by name from now on, as a row in the database would be (findByNameOrAlias ignores the kind).
    for (const key of [source.nameKey, ...(mention.ref.aliases ?? []).map(sourceNameKey)]) if (key && !byName.has(key)) byName.set(key, source);
    return source;
  };
  const resolveOne = (m: SourceMention, i: number): SourceRow => {
    const { ref } = m;
    if (ref.id) {
      const found = byId.get(ref.id);
      if (!found || found.deletedAt) throw fail(i, BadInputError.field(`${m.field}.id`, `no source has id ${ref.id}`));
      return found;
    }
    if (!ref.name) throw fail(i, BadInputError.field(m.field, 'give either id or name'));
    const kind = ref.kind ?? SourceKind.INDIVIDUAL;
    const key = sourceNameKey(ref.name);
    if (m.fileId) {
      // An import's source id: rows naming one id are one source; a live source with that id is it.
      const seen = byFileId.get(m.fileId);
      if (seen) return seen;
      const known = byId.get(m.fileId);
      const found = known && !known.deletedAt ? known : kind !== SourceKind.ANONYMOUS ? byName.get(key) : undefined;
      const source = found ?? made(m, i, known || !isUUID(m.fileId) ? undefined : m.fileId);
      byFileId.set(m.fileId, source);
      return source;
    }
    if (kind !== SourceKind.ANONYMOUS) return byName.get(key) ?? made(m, i);
    if (m.articleId) {
      const candidates = inArticles(m.articleId).map((a) => speakers.get(`${a}:${key}`)).filter((s): s is SourceRow => !!s);
      if (candidates.length) return candidates.reduce((a, b) => (b.id < a.id ? b : a));
    }
    return made(m, i);
  };

  const resolved: SourceRow[] = [];
  let pending: Array<{ mention: SourceMention; source: SourceRow }> = [];
  mentions.forEach((m, i) => {
    // A speaker is cited in its article once its attribution is written, after its relays were resolved.
    if (pending.length && pending[0].mention.group !== m.group) {
      for (const p of pending) cite(p.mention.articleId as string, p.source);
      pending = [];
    }
    const source = resolveOne(m, i);
    resolved.push(source);
    if (m.speaks && m.articleId && source.kind === SourceKind.ANONYMOUS) pending.push({ mention: m, source });
  });
  return resolved;
}
