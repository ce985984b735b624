import { EntityManager, In } from 'typeorm';
import { SourceKind } from './source-kind';
import { Source } from './source.entity';

/** What a batch writer needs of a source: who it is, for matching and for the sourcing rules. */
export type SourceRow = Pick<Source, 'id' | 'name' | 'kind' | 'nameKey' | 'originGroupId'> & { deletedAt?: Date | null };

/** Keys or ids per look-up statement: well under both databases' bound-parameter limits. */
const LOOKUP_CHUNK = 500;

const COLUMNS = 's.id AS id, s.name AS name, s.kind AS kind, s.name_key AS name_key, s.origin_group_id AS origin_group_id';

type Raw = { id: string; name: string; kind: SourceKind; name_key: string; origin_group_id: string | null };
const row = (r: Raw): SourceRow => ({ id: r.id, name: r.name, kind: r.kind, nameKey: r.name_key, originGroupId: r.origin_group_id ?? null });

async function chunked<T>(values: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  const distinct = [...new Set(values)];
  for (let at = 0; at < distinct.length; at += LOOKUP_CHUNK) out.push(...(await read(distinct.slice(at, at + LOOKUP_CHUNK))));
  return out;
}

function query<T>(manager: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return manager.query(text, values);
}

/** Sources by id, deleted ones included (the caller decides what a deleted one means). */
export function sourcesByIds(manager: EntityManager, ids: string[]): Promise<SourceRow[]> {
  return chunked(ids, async (chunk) =>
    manager.find(Source, { where: { id: In(chunk) }, withDeleted: true }),
  );
}

/**
 * Live sources whose name or one of whose aliases folds to one of `keys`, each with the key it
 * matched (SourcesService.findByNameOrAlias, for many names in one statement).
 */
export function sourcesByNameKeys(manager: EntityManager, keys: string[]): Promise<Array<{ key: string; source: SourceRow }>> {
  return chunked(keys, async (chunk) => {
    const rows = await query<Raw & { matched: string }>(
      manager,
      `SELECT ${COLUMNS}, s.name_key AS matched FROM source s WHERE s.deleted_at IS NULL AND s.name_key IN (:...keys)
       UNION ALL
       SELECT ${COLUMNS}, al.alias_key AS matched FROM source_alias al JOIN source s ON s.id = al.source_id WHERE s.deleted_at IS NULL AND al.alias_key IN (:...keys)`,
      { keys: chunk },
    );
    return rows.map((r) => ({ key: r.matched, source: row(r) }));
  });
}

/**
 * Live anonymous sources with one of these descriptions that speak in a live attribution cited in
 * one of these articles, with the article (SourcesService's anonymous-in-article rule, for a batch).
 */
export async function anonymousSpeakersIn(manager: EntityManager, keys: string[], articleIds: string[]): Promise<Array<{ key: string; articleId: string; source: SourceRow }>> {
  if (!keys.length || !articleIds.length) return [];
  return chunked(articleIds, async (articles) => {
    const rows = await query<Raw & { article_id: string }>(
      manager,
      `SELECT DISTINCT ${COLUMNS}, ci.article_id AS article_id FROM source s
       JOIN attribution a ON a.source_id = s.id AND a.deleted_at IS NULL JOIN citation ci ON ci.attribution_id = a.id
       WHERE s.deleted_at IS NULL AND s.kind = :kind AND s.name_key IN (:...keys) AND ci.article_id IN (:...articles)`,
      { kind: SourceKind.ANONYMOUS, keys: [...new Set(keys)], articles },
    );
    return rows.map((r) => ({ key: r.name_key, articleId: r.article_id, source: row(r) }));
  });
}
