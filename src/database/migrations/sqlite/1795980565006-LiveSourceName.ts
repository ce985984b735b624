import { MigrationInterface, QueryRunner } from "typeorm";

export class LiveSourceName1795980565006 implements MigrationInterface {
    name = 'LiveSourceName1795980565006'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_cb65415eed46cd19a3a5f594bb"`);
        await queryRunner.query(`DROP INDEX "IDX_5220a07f11d46e4fe72d588926"`);
        await queryRunner.query(`DROP INDEX "IDX_f2d759d00b840ebaa0a054d058"`);
        await queryRunner.query(`CREATE TABLE "temporary_source" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "kind" varchar(32) NOT NULL, "name" varchar(300) NOT NULL, "name_key" varchar(300) NOT NULL, "based_in" varchar(200), "affiliation" varchar(300), "wikidata_id" varchar(20), "reliability" varchar(1), "confidential_note" text, "origin_group_id" varchar(36), "created_by" varchar(36), "live_name_key" varchar(300))`);
        await queryRunner.query(`INSERT INTO "temporary_source"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id", "created_by") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id", "created_by" FROM "source"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`ALTER TABLE "temporary_source" RENAME TO "source"`);
        await queryRunner.query(`CREATE INDEX "IDX_cb65415eed46cd19a3a5f594bb" ON "source" ("name_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_5220a07f11d46e4fe72d588926" ON "source" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d759d00b840ebaa0a054d058" ON "source" ("origin_group_id") `);
        // Existing live named sources keep their name as the unique key; where earlier races left two
        // with one name, the oldest keeps it and the others stay NULL, still found by name_key, for an editor to merge.
        await queryRunner.query(`UPDATE "source" SET "live_name_key" = "name_key" WHERE "id" IN (SELECT MIN("id") FROM "source" WHERE "kind" <> 'ANONYMOUS' AND "deleted_at" IS NULL GROUP BY "name_key")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_09a1b25120aab4be4c02f0b7e3" ON "source" ("live_name_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_09a1b25120aab4be4c02f0b7e3"`);
        await queryRunner.query(`DROP INDEX "IDX_f2d759d00b840ebaa0a054d058"`);
        await queryRunner.query(`DROP INDEX "IDX_5220a07f11d46e4fe72d588926"`);
        await queryRunner.query(`DROP INDEX "IDX_cb65415eed46cd19a3a5f594bb"`);
        await queryRunner.query(`CREATE TABLE "temporary_source" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "kind" varchar(32) NOT NULL, "name" varchar(300) NOT NULL, "name_key" varchar(300) NOT NULL, "based_in" varchar(200), "affiliation" varchar(300), "wikidata_id" varchar(20), "reliability" varchar(1), "confidential_note" text, "origin_group_id" varchar(36), "created_by" varchar(36))`);
        await queryRunner.query(`INSERT INTO "temporary_source"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id", "created_by") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id", "created_by" FROM "source"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`ALTER TABLE "temporary_source" RENAME TO "source"`);
        await queryRunner.query(`CREATE INDEX "IDX_f2d759d00b840ebaa0a054d058" ON "source" ("origin_group_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5220a07f11d46e4fe72d588926" ON "source" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb65415eed46cd19a3a5f594bb" ON "source" ("name_key") `);
    }

}
