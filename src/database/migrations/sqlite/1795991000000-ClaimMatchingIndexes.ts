import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Claim matching's candidates at the same place in a window of days (claims/matching/matching.service.ts)
 * come from an index on the lower-cased place name and the event start, instead of filtering every
 * claim of the window; those with a figure for the same variable start from the live claims' window
 * (partial index) and read each claim's figures by variable.
 */
export class ClaimMatchingIndexes1795991000000 implements MigrationInterface {
    name = 'ClaimMatchingIndexes1795991000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_claim_place_window" ON "claim" (lower("place_name"), "event_time_start")`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_live_window" ON "claim" ("event_time_start", "id") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_claim_quantity_claim_variable" ON "claim_quantity" ("claim_id", "variable", "value", "lower", "upper")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_claim_quantity_claim_variable"`);
        await queryRunner.query(`DROP INDEX "IDX_claim_live_window"`);
        await queryRunner.query(`DROP INDEX "IDX_claim_place_window"`);
    }

}
