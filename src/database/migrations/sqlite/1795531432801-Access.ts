import { MigrationInterface, QueryRunner } from "typeorm";

export class Access1795531432801 implements MigrationInterface {
    name = 'Access1795531432801'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_key" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "name" varchar(200) NOT NULL, "prefix" varchar(16) NOT NULL, "hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL, "last_used_at" datetime, "revoked_at" datetime)`);
        await queryRunner.query(`CREATE INDEX "IDX_6a0830f03e537b239a53269b27" ON "api_key" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_45e0aa2a880b928326a05a2888" ON "api_key" ("hash") `);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "created_by" varchar(36), "name" varchar(200) NOT NULL, "email" varchar(320), "role" varchar(16) NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user" ("email") `);
        await queryRunner.query(`CREATE TABLE "audit_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "actor_id" varchar(36), "actor_name" varchar(200) NOT NULL, "action" varchar(16) NOT NULL, "entity_type" varchar(32) NOT NULL, "entity_id" varchar(36) NOT NULL, "changes" text NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_06d570d7d1b40fbc994b5955be" ON "audit_event" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event" ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c0ea392536b5c4cba7012b6f7b" ON "audit_event" ("entity_type", "entity_id") `);
        await queryRunner.query(`DROP INDEX "IDX_1b1c0eb9cad792eadfb6ea9c6f"`);
        await queryRunner.query(`DROP INDEX "IDX_bb66a5754ff1b385179d5e3f85"`);
        await queryRunner.query(`DROP INDEX "IDX_cd2c63eec165ea9c3e0ba1c805"`);
        await queryRunner.query(`CREATE TABLE "temporary_article" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "url" varchar(2048) NOT NULL, "canonical_url" varchar(2048) NOT NULL, "headline" varchar(500), "publisher" varchar(300), "wire_agency" varchar(300), "byline" varchar(300), "published_at" datetime, "language" varchar(35), "body_text" text, "retrieved_at" datetime, "created_by" varchar(36))`);
        await queryRunner.query(`INSERT INTO "temporary_article"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "url", "canonical_url", "headline", "publisher", "wire_agency", "byline", "published_at", "language", "body_text", "retrieved_at") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "url", "canonical_url", "headline", "publisher", "wire_agency", "byline", "published_at", "language", "body_text", "retrieved_at" FROM "article"`);
        await queryRunner.query(`DROP TABLE "article"`);
        await queryRunner.query(`ALTER TABLE "temporary_article" RENAME TO "article"`);
        await queryRunner.query(`CREATE INDEX "IDX_1b1c0eb9cad792eadfb6ea9c6f" ON "article" ("published_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_bb66a5754ff1b385179d5e3f85" ON "article" ("publisher") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cd2c63eec165ea9c3e0ba1c805" ON "article" ("canonical_url") `);
        await queryRunner.query(`DROP INDEX "IDX_f2d759d00b840ebaa0a054d058"`);
        await queryRunner.query(`DROP INDEX "IDX_5220a07f11d46e4fe72d588926"`);
        await queryRunner.query(`DROP INDEX "IDX_cb65415eed46cd19a3a5f594bb"`);
        await queryRunner.query(`CREATE TABLE "temporary_source" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "kind" varchar(32) NOT NULL, "name" varchar(300) NOT NULL, "name_key" varchar(300) NOT NULL, "based_in" varchar(200), "affiliation" varchar(300), "wikidata_id" varchar(20), "reliability" varchar(1), "confidential_note" text, "origin_group_id" varchar(36), "created_by" varchar(36))`);
        await queryRunner.query(`INSERT INTO "temporary_source"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id" FROM "source"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`ALTER TABLE "temporary_source" RENAME TO "source"`);
        await queryRunner.query(`CREATE INDEX "IDX_f2d759d00b840ebaa0a054d058" ON "source" ("origin_group_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5220a07f11d46e4fe72d588926" ON "source" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb65415eed46cd19a3a5f594bb" ON "source" ("name_key") `);
        await queryRunner.query(`DROP INDEX "IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`DROP INDEX "IDX_8d0470ea29bcba364eeea15b39"`);
        await queryRunner.query(`CREATE TABLE "temporary_citation" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "attribution_id" varchar(36) NOT NULL, "article_id" varchar(36) NOT NULL, "quote" text, "prefix" varchar(200), "suffix" varchar(200), "start_offset" integer, "end_offset" integer, "created_by" varchar(36), CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_8d0470ea29bcba364eeea15b39b" FOREIGN KEY ("attribution_id") REFERENCES "attribution" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_citation"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "attribution_id", "article_id", "quote", "prefix", "suffix", "start_offset", "end_offset") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "attribution_id", "article_id", "quote", "prefix", "suffix", "start_offset", "end_offset" FROM "citation"`);
        await queryRunner.query(`DROP TABLE "citation"`);
        await queryRunner.query(`ALTER TABLE "temporary_citation" RENAME TO "citation"`);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" ("article_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_8d0470ea29bcba364eeea15b39" ON "citation" ("attribution_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_8d0470ea29bcba364eeea15b39"`);
        await queryRunner.query(`DROP INDEX "IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`CREATE TABLE "temporary_citation" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "attribution_id" varchar(36) NOT NULL, "article_id" varchar(36) NOT NULL, "quote" text, "prefix" varchar(200), "suffix" varchar(200), "start_offset" integer, "end_offset" integer, CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_8d0470ea29bcba364eeea15b39b" FOREIGN KEY ("attribution_id") REFERENCES "attribution" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_citation"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "attribution_id", "article_id", "quote", "prefix", "suffix", "start_offset", "end_offset") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "attribution_id", "article_id", "quote", "prefix", "suffix", "start_offset", "end_offset" FROM "citation"`);
        await queryRunner.query(`DROP TABLE "citation"`);
        await queryRunner.query(`ALTER TABLE "temporary_citation" RENAME TO "citation"`);
        await queryRunner.query(`CREATE INDEX "IDX_8d0470ea29bcba364eeea15b39" ON "citation" ("attribution_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation" ("article_id") `);
        await queryRunner.query(`DROP INDEX "IDX_cb65415eed46cd19a3a5f594bb"`);
        await queryRunner.query(`DROP INDEX "IDX_5220a07f11d46e4fe72d588926"`);
        await queryRunner.query(`DROP INDEX "IDX_f2d759d00b840ebaa0a054d058"`);
        await queryRunner.query(`CREATE TABLE "temporary_source" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "kind" varchar(32) NOT NULL, "name" varchar(300) NOT NULL, "name_key" varchar(300) NOT NULL, "based_in" varchar(200), "affiliation" varchar(300), "wikidata_id" varchar(20), "reliability" varchar(1), "confidential_note" text, "origin_group_id" varchar(36))`);
        await queryRunner.query(`INSERT INTO "temporary_source"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "kind", "name", "name_key", "based_in", "affiliation", "wikidata_id", "reliability", "confidential_note", "origin_group_id" FROM "source"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`ALTER TABLE "temporary_source" RENAME TO "source"`);
        await queryRunner.query(`CREATE INDEX "IDX_cb65415eed46cd19a3a5f594bb" ON "source" ("name_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_5220a07f11d46e4fe72d588926" ON "source" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d759d00b840ebaa0a054d058" ON "source" ("origin_group_id") `);
        await queryRunner.query(`DROP INDEX "IDX_cd2c63eec165ea9c3e0ba1c805"`);
        await queryRunner.query(`DROP INDEX "IDX_bb66a5754ff1b385179d5e3f85"`);
        await queryRunner.query(`DROP INDEX "IDX_1b1c0eb9cad792eadfb6ea9c6f"`);
        await queryRunner.query(`CREATE TABLE "temporary_article" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "url" varchar(2048) NOT NULL, "canonical_url" varchar(2048) NOT NULL, "headline" varchar(500), "publisher" varchar(300), "wire_agency" varchar(300), "byline" varchar(300), "published_at" datetime, "language" varchar(35), "body_text" text, "retrieved_at" datetime)`);
        await queryRunner.query(`INSERT INTO "temporary_article"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "url", "canonical_url", "headline", "publisher", "wire_agency", "byline", "published_at", "language", "body_text", "retrieved_at") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "url", "canonical_url", "headline", "publisher", "wire_agency", "byline", "published_at", "language", "body_text", "retrieved_at" FROM "article"`);
        await queryRunner.query(`DROP TABLE "article"`);
        await queryRunner.query(`ALTER TABLE "temporary_article" RENAME TO "article"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cd2c63eec165ea9c3e0ba1c805" ON "article" ("canonical_url") `);
        await queryRunner.query(`CREATE INDEX "IDX_bb66a5754ff1b385179d5e3f85" ON "article" ("publisher") `);
        await queryRunner.query(`CREATE INDEX "IDX_1b1c0eb9cad792eadfb6ea9c6f" ON "article" ("published_at") `);
        await queryRunner.query(`DROP INDEX "IDX_c0ea392536b5c4cba7012b6f7b"`);
        await queryRunner.query(`DROP INDEX "IDX_f44b7e9c0d50176bc07e018f63"`);
        await queryRunner.query(`DROP INDEX "IDX_06d570d7d1b40fbc994b5955be"`);
        await queryRunner.query(`DROP TABLE "audit_event"`);
        await queryRunner.query(`DROP INDEX "IDX_3fa909d0e37c531ebc23770339"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP INDEX "IDX_45e0aa2a880b928326a05a2888"`);
        await queryRunner.query(`DROP INDEX "IDX_6a0830f03e537b239a53269b27"`);
        await queryRunner.query(`DROP TABLE "api_key"`);
    }

}
