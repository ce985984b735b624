import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimSummary1796046399002 implements MigrationInterface {
    name = 'ClaimSummary1796046399002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" ADD "summary" character varying(280)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "summary"`);
    }

}
