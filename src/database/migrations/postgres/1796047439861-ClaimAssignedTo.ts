import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimAssignedTo1796047439861 implements MigrationInterface {
    name = 'ClaimAssignedTo1796047439861'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" ADD "assigned_to_id" character varying(36)`);
        await queryRunner.query(`CREATE INDEX "IDX_f28e5bc53dac48b01cfdfb8284" ON "claim"  ("assigned_to_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_f28e5bc53dac48b01cfdfb8284"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "assigned_to_id"`);
    }

}
