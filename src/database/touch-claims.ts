import { EntityManager } from 'typeorm';

/**
 * A claim's `updated_at` is the time anything in its exported rows last changed: its own columns
 * (versionedUpdate sets it), its attributions, their citations and articles, and the sources they
 * name (name, kind, reliability, merges). Researchers sync on it (`updatedSince`), so every writer
 * of those records touches the claims concerned here, in its own transaction and in one statement
 * whatever the number of claims. Touching is not an edit: the claim's version is left alone, so no
 * reporter's open edit is refused as stale.
 */
export type ClaimsOf = 'claims' | 'attributions' | 'citations' | 'articles' | 'sources';

const CLAIM_IDS: Record<ClaimsOf, string> = {
  claims: ':...ids',
  attributions: 'SELECT a.claim_id FROM attribution a WHERE a.id IN (:...ids)',
  citations: 'SELECT a.claim_id FROM attribution a JOIN citation ci ON ci.attribution_id = a.id WHERE ci.id IN (:...ids)',
  articles: 'SELECT a.claim_id FROM attribution a JOIN citation ci ON ci.attribution_id = a.id WHERE ci.article_id IN (:...ids)',
  sources:
    'SELECT a.claim_id FROM attribution a WHERE a.source_id IN (:...ids) ' +
    'UNION SELECT a.claim_id FROM attribution a JOIN relay_hop h ON h.attribution_id = a.id WHERE h.source_id IN (:...ids)',
};

/** Ids per statement: bounds the statement's parameters on both databases. */
const CHUNK = 500;

export async function touchClaimsOf(manager: EntityManager, of: ClaimsOf, ids: readonly string[], at: Date = new Date()): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      // By table name, so that this shared helper needs no entity class; TypeORM still converts the Date per driver.
      .update('claim')
      .set({ updatedAt: at, version: () => 'version' })
      .where(`id IN (${CLAIM_IDS[of]})`, { ids: unique.slice(i, i + CHUNK) })
      .execute();
  }
}
