import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Claim matching's text candidates (database/text-search.ts): an FTS5 index of claim statements,
 * kept by triggers so that every writer (logClaim, imports, edits) keeps it right. It stores the
 * claim's id rather than borrowing the claim table's rowid, which VACUUM may renumber.
 *
 * A later migration that rebuilds the claim table (the temporary_claim pattern) drops these
 * triggers with the old table and must create them again; test/claim-matching.e2e-spec.ts checks
 * that a claim written after all migrations is found.
 */
export const CLAIM_FTS_TRIGGERS = [
    `CREATE TRIGGER "claim_fts_insert" AFTER INSERT ON "claim" BEGIN INSERT INTO "claim_fts" ("claim_id", "statement") VALUES (new."id", new."statement"); END`,
    `CREATE TRIGGER "claim_fts_update" AFTER UPDATE OF "statement" ON "claim" BEGIN DELETE FROM "claim_fts" WHERE "claim_id" = old."id"; INSERT INTO "claim_fts" ("claim_id", "statement") VALUES (new."id", new."statement"); END`,
    `CREATE TRIGGER "claim_fts_delete" AFTER DELETE ON "claim" BEGIN DELETE FROM "claim_fts" WHERE "claim_id" = old."id"; END`,
];

export class ClaimTextMatching1795983000000 implements MigrationInterface {
    name = 'ClaimTextMatching1795983000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIRTUAL TABLE "claim_fts" USING fts5("claim_id" UNINDEXED, "statement", tokenize = 'unicode61 remove_diacritics 2')`);
        for (const trigger of CLAIM_FTS_TRIGGERS) await queryRunner.query(trigger);
        await queryRunner.query(`INSERT INTO "claim_fts" ("claim_id", "statement") SELECT "id", "statement" FROM "claim"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "claim_fts_delete"`);
        await queryRunner.query(`DROP TRIGGER "claim_fts_update"`);
        await queryRunner.query(`DROP TRIGGER "claim_fts_insert"`);
        await queryRunner.query(`DROP TABLE "claim_fts"`);
    }

}
