import { MigrationInterface, QueryRunner } from "typeorm";

/** Incremental sync (exports' updatedSince) reads claims by updated_at. */
export class ClaimUpdatedAtIndex1795990000000 implements MigrationInterface {
    name = 'ClaimUpdatedAtIndex1795990000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_73c579042b054d8dc841ebc00f" ON "claim" ("updated_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_73c579042b054d8dc841ebc00f"`);
    }

}
