import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimMerge1795983025904 implements MigrationInterface {
    name = 'ClaimMerge1795983025904'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "claim_merge" ("id" varchar(36) PRIMARY KEY NOT NULL, "survivor_id" varchar(36) NOT NULL, "duplicate_id" varchar(36) NOT NULL, "moves" text NOT NULL, "merged_by" varchar(36), "merged_at" datetime NOT NULL, "undone_by" varchar(36), "undone_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_e826784fe65aa87d1423186d81" ON "claim_merge" ("survivor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c55bbf0023b9c080c1074aea6a" ON "claim_merge" ("duplicate_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_c55bbf0023b9c080c1074aea6a"`);
        await queryRunner.query(`DROP INDEX "IDX_e826784fe65aa87d1423186d81"`);
        await queryRunner.query(`DROP TABLE "claim_merge"`);
    }

}
