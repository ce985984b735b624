import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Claim matching's text candidates (database/text-search.ts): trigram similarity on the statement,
 * ordered by distance through a GiST index, so the nearest statements come without a full scan.
 */
export class ClaimTextMatching1795983000000 implements MigrationInterface {
    name = 'ClaimTextMatching1795983000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_statement_trgm" ON "claim" USING gist ("statement" gist_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The extension stays: other databases' objects on this server may use it.
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_statement_trgm"`);
    }

}
