import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimExternalId1795532507329 implements MigrationInterface {
    name = 'ClaimExternalId1795532507329'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" ADD "external_id" character varying(100)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e646db76fa1856afc75857abd6" ON "claim"  ("external_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_e646db76fa1856afc75857abd6"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "external_id"`);
    }

}
