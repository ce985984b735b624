import { MigrationInterface, QueryRunner } from "typeorm";
// Written by hand: a nullable column is an ADD COLUMN. TypeORM's generated table rebuild would drop the claim
// table's triggers (the statement mirrors, seeds/statement-mirror.ts) and write the lower(place_...) indexes as ("null").

export class ClaimAssignedTo1796047337841 implements MigrationInterface {
    name = 'ClaimAssignedTo1796047337841'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" ADD COLUMN "assigned_to_id" varchar(36)`);
        await queryRunner.query(`CREATE INDEX "IDX_f28e5bc53dac48b01cfdfb8284" ON "claim" ("assigned_to_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_f28e5bc53dac48b01cfdfb8284"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "assigned_to_id"`);
    }

}
