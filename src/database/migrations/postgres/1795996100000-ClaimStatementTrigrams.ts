import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The claims list's text filter (database/text-search.ts statementCandidates): a trigram GIN index on
 * the statement, which answers the filter's ILIKE '%word%' for words of three characters or more,
 * exactly (the rows are rechecked), so a rare word is found without reading every statement.
 * (IDX_claim_statement_fts is by whole words, for claim matching: it cannot find a substring.) IF NOT EXISTS:
 * the bench database at scale 10 had it built CONCURRENTLY by hand while its runs went on.
 */
export class ClaimStatementTrigrams1795996100000 implements MigrationInterface {
    name = 'ClaimStatementTrigrams1795996100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_claim_statement_trgm_gin" ON "claim" USING gin ("statement" gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_statement_trgm_gin"`);
    }

}
