/**
 * "This row's parent is live", for the nested read paths: what is deleted is not reachable from below
 * or beside it either. Written as correlated EXISTS on the parent's primary key, one look-up per row:
 * SQLite reads `x IN (SELECT id FROM parent WHERE deleted_at IS NULL)` by listing every live parent row
 * first, once per statement, so a page or a single claim cost as much as the whole table.
 */
export const liveClaimSql = (claimId: string) => `EXISTS (SELECT 1 FROM claim lc WHERE lc.id = ${claimId} AND lc.deleted_at IS NULL)`;

export const liveArticleSql = (articleId: string) => `EXISTS (SELECT 1 FROM article lr WHERE lr.id = ${articleId} AND lr.deleted_at IS NULL)`;

/** The attribution is live and so is its claim. */
export const liveAttributionSql = (attributionId: string) =>
  `EXISTS (SELECT 1 FROM attribution la JOIN claim lc ON lc.id = la.claim_id WHERE la.id = ${attributionId} AND la.deleted_at IS NULL AND lc.deleted_at IS NULL)`;
