import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimMerge1795983034744 implements MigrationInterface {
    name = 'ClaimMerge1795983034744'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "claim_merge" ("id" character varying(36) NOT NULL, "survivor_id" character varying(36) NOT NULL, "duplicate_id" character varying(36) NOT NULL, "moves" text NOT NULL, "merged_by" character varying(36), "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "undone_by" character varying(36), "undone_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ab48fba9689570f287925142b2c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e826784fe65aa87d1423186d81" ON "claim_merge"  ("survivor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c55bbf0023b9c080c1074aea6a" ON "claim_merge"  ("duplicate_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_c55bbf0023b9c080c1074aea6a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e826784fe65aa87d1423186d81"`);
        await queryRunner.query(`DROP TABLE "claim_merge"`);
    }

}
