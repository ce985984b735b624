import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The claims list's text filter (database/text-search.ts statementCandidates): an FTS5 trigram index
 * of claim statements, which finds a substring of three characters or more without reading every
 * statement, as the filter's LIKE does. Kept by triggers, as claim_fts is, so every writer keeps it
 * right; it stores the claim's id (VACUUM may renumber the claim table's rowid).
 *
 * A later migration that rebuilds the claim table (the temporary_claim pattern) drops these
 * triggers with the old table and must create them again.
 */
export const CLAIM_TRIGRAM_TRIGGERS = [
    `CREATE TRIGGER "claim_trigram_insert" AFTER INSERT ON "claim" BEGIN INSERT INTO "claim_trigram" ("claim_id", "statement") VALUES (new."id", new."statement"); END`,
    `CREATE TRIGGER "claim_trigram_update" AFTER UPDATE OF "statement" ON "claim" BEGIN DELETE FROM "claim_trigram" WHERE "claim_id" = old."id"; INSERT INTO "claim_trigram" ("claim_id", "statement") VALUES (new."id", new."statement"); END`,
    `CREATE TRIGGER "claim_trigram_delete" AFTER DELETE ON "claim" BEGIN DELETE FROM "claim_trigram" WHERE "claim_id" = old."id"; END`,
];

export class ClaimStatementTrigrams1795996100000 implements MigrationInterface {
    name = 'ClaimStatementTrigrams1795996100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIRTUAL TABLE "claim_trigram" USING fts5("claim_id" UNINDEXED, "statement", tokenize = 'trigram')`);
        for (const trigger of CLAIM_TRIGRAM_TRIGGERS) await queryRunner.query(trigger);
        await queryRunner.query(`INSERT INTO "claim_trigram" ("claim_id", "statement") SELECT "id", "statement" FROM "claim"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "claim_trigram_delete"`);
        await queryRunner.query(`DROP TRIGGER "claim_trigram_update"`);
        await queryRunner.query(`DROP TRIGGER "claim_trigram_insert"`);
        await queryRunner.query(`DROP TABLE "claim_trigram"`);
    }

}
