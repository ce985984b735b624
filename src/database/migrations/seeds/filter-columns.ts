/** The speakers' anonymity of the claim aliased "claim", from its live attributions (claims/analysis/sourcing.ts speakerAnonymityOf). */
export const SPEAKER_ANONYMITY_SQL = `CASE
  WHEN NOT EXISTS (SELECT 1 FROM "attribution" a WHERE a."claim_id" = "claim"."id" AND a."deleted_at" IS NULL) THEN 'NONE'
  WHEN NOT EXISTS (SELECT 1 FROM "attribution" a JOIN "source" s ON s."id" = a."source_id" WHERE a."claim_id" = "claim"."id" AND a."deleted_at" IS NULL AND s."kind" <> 'ANONYMOUS') THEN 'ANONYMOUS_ONLY'
  WHEN NOT EXISTS (SELECT 1 FROM "attribution" a JOIN "source" s ON s."id" = a."source_id" WHERE a."claim_id" = "claim"."id" AND a."deleted_at" IS NULL AND s."kind" = 'ANONYMOUS') THEN 'NAMED_ONLY'
  ELSE 'MIXED' END`;

/** claim_source's rows from the live attributions and their chains (claims/analysis/sourcing.ts claimSourcesOf). */
export const CLAIM_SOURCES_SQL = `SELECT x."source_id", x."claim_id", MAX(x."speaks") = 1 AS "speaks", MAX(x."relays") = 1 AS "relays" FROM (
  SELECT a."source_id", a."claim_id", 1 AS "speaks", 0 AS "relays" FROM "attribution" a WHERE a."deleted_at" IS NULL
  UNION ALL
  SELECT h."source_id", a."claim_id", 0, 1 FROM "relay_hop" h JOIN "attribution" a ON a."id" = h."attribution_id" WHERE a."deleted_at" IS NULL
) x GROUP BY x."source_id", x."claim_id"`;

/** A claim_source row's copy of its claim's speaker_anonymity (claims/analysis/sourcing.ts claimSourcesOf). */
export const CLAIM_SOURCE_ANONYMITY_SQL = `(SELECT "c"."speaker_anonymity" FROM "claim" "c" WHERE "c"."id" = "claim_source"."claim_id")`;

/**
 * Fills the two derived values on existing data, in SQL both databases run alike. The maintenance
 * tests (test/filter-columns.e2e-spec.ts) check the app's own upkeep against the same SQL.
 */
export const FILL_FILTER_COLUMNS = [
  `UPDATE "claim" SET "speaker_anonymity" = ${SPEAKER_ANONYMITY_SQL}`,
  `INSERT INTO "claim_source" ("source_id", "claim_id", "speaks", "relays") ${CLAIM_SOURCES_SQL}`,
];

/**
 * The place filter's three conditions (claim-filter.ts: lower(name), lower(admin area), country), each an
 * expression index both databases build alike. TypeORM's schema check does not see expression indexes.
 */
const PLACE_INDEX_COLUMNS: Array<[string, string]> = [
  ['IDX_claim_place_name_lower', 'lower("place_name")'],
  ['IDX_claim_place_admin_area_lower', 'lower("place_admin_area")'],
  ['IDX_claim_place_country', '"place_country"'],
];
export const PLACE_INDEX_NAMES = PLACE_INDEX_COLUMNS.map(([name]) => name);
export const PLACE_INDEXES = PLACE_INDEX_COLUMNS.map(([name, expression]) => `CREATE INDEX "${name}" ON "claim" (${expression})`);
