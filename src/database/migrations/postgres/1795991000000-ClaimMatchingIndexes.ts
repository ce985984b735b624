import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Claim matching's text candidates move from pg_trgm to full-text search (database/text-search.ts).
 * At 1M claims the trigram GiST nearest-neighbour scan read most of its index for each query (1-3.5 s),
 * and a trigram GIN index with `%` still visited the posting lists of every common trigram (1-2 s); a
 * GIN index over the statement's words answers an OR of the draft's telling words in milliseconds.
 * The trigram index goes: nothing else reads it. Candidates at the same place in a window of days
 * come from an index on the lower-cased place name and the event start, instead of filtering every
 * claim of the window (about 3,000 at 1M claims over five years). Candidates with a figure for the same
 * variable in the window are read from indexes alone: the live claims' window (partial index) and each
 * claim's figures by variable, with the values included.
 */
export class ClaimMatchingIndexes1795991000000 implements MigrationInterface {
    name = 'ClaimMatchingIndexes1795991000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_claim_statement_fts" ON "claim" USING gin (to_tsvector('simple', "statement"))`);
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_statement_trgm"`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_place_window" ON "claim" (lower("place_name"), "event_time_start")`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_live_window" ON "claim" ("event_time_start", "id") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_quantity_claim_variable" ON "claim_quantity" ("claim_id", "variable") INCLUDE ("value", "lower", "upper")`);
        // The search leaves out words that the index's statistics say are common; ANALYZE gathers them now,
        // not whenever enough rows have changed for autovacuum to do it.
        await queryRunner.query(`ANALYZE "claim"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_quantity_claim_variable"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_live_window"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_place_window"`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_statement_trgm" ON "claim" USING gist ("statement" gist_trgm_ops)`);
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_statement_fts"`);
    }

}
