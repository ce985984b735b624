import { MigrationInterface, QueryRunner } from "typeorm";
// Written by hand: a nullable column is an ADD COLUMN. TypeORM's generated table rebuild would drop the claim
// table's triggers (the statement mirrors, seeds/statement-mirror.ts) and write the lower(place_...) indexes as ("null").

export class ClaimSummary1796046348383 implements MigrationInterface {
    name = 'ClaimSummary1796046348383'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" ADD COLUMN "summary" varchar(280)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "summary"`);
    }

}
