import { MigrationInterface, QueryRunner } from "typeorm";

export class LiveSourceName1795980580256 implements MigrationInterface {
    name = 'LiveSourceName1795980580256'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "source" ADD "live_name_key" character varying(300)`);
        // Existing live named sources keep their name as the unique key; where earlier races left two
        // with one name, the oldest keeps it and the others stay NULL, still found by name_key, for an editor to merge.
        await queryRunner.query(`UPDATE "source" SET "live_name_key" = "name_key" WHERE "id" IN (SELECT MIN("id") FROM "source" WHERE "kind" <> 'ANONYMOUS' AND "deleted_at" IS NULL GROUP BY "name_key")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_09a1b25120aab4be4c02f0b7e3" ON "source"  ("live_name_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_09a1b25120aab4be4c02f0b7e3"`);
        await queryRunner.query(`ALTER TABLE "source" DROP COLUMN "live_name_key"`);
    }

}
