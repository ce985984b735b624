import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How many statements hold each word of the claim text index (fts5vocab reads it from the index, nothing to
 * maintain), so that claim matching leaves out the common words as PostgreSQL does from its statistics
 * (database/text-search.ts): at 100k claims a draft's "air", "strike" and "people" put most of the table on
 * the candidate list, and ranking it took 40-50 ms.
 */
export class ClaimFtsVocab1795996000000 implements MigrationInterface {
    name = 'ClaimFtsVocab1795996000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE VIRTUAL TABLE "claim_fts_vocab" USING fts5vocab("claim_fts", 'row')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "claim_fts_vocab"`);
    }

}
