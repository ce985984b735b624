import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795529987498 implements MigrationInterface {
    name = 'Initial1795529987498'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "article" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "url" character varying(2048) NOT NULL, "canonical_url" character varying(2048) NOT NULL, "headline" character varying(500), "publisher" character varying(300), "wire_agency" character varying(300), "byline" character varying(300), "published_at" TIMESTAMP WITH TIME ZONE, "language" character varying(35), "body_text" text, "retrieved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40808690eb7b915046558c0f81b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cd2c63eec165ea9c3e0ba1c805" ON "article"  ("canonical_url") `);
        await queryRunner.query(`CREATE INDEX "IDX_bb66a5754ff1b385179d5e3f85" ON "article"  ("publisher") `);
        await queryRunner.query(`CREATE INDEX "IDX_1b1c0eb9cad792eadfb6ea9c6f" ON "article"  ("published_at") `);
        await queryRunner.query(`CREATE TABLE "claim_quantity" ("id" character varying(36) NOT NULL, "claim_id" character varying(36) NOT NULL, "position" integer NOT NULL DEFAULT '0', "variable" character varying(100) NOT NULL, "value" numeric(24,6), "lower" numeric(24,6), "lower_inclusive" boolean NOT NULL DEFAULT true, "upper" numeric(24,6), "upper_inclusive" boolean NOT NULL DEFAULT true, "approximate" boolean NOT NULL DEFAULT false, "qualifier" character varying(100), "unit" character varying(100), "currency" character varying(3), CONSTRAINT "PK_fd4590b35dff56211ba40bc9641" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0f5d409ea3c6fce20b45bd81e6" ON "claim_quantity"  ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ffd32224064f082486261b3c93" ON "claim_quantity"  ("variable") `);
        await queryRunner.query(`CREATE TABLE "claim" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "statement" text NOT NULL, "hedge" character varying(200), "tags" text NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'UNVERIFIED', "created_by" character varying(36), "place_name" character varying(200), "place_admin_area" character varying(200), "place_country" character varying(2), "place_latitude" numeric(9,6), "place_longitude" numeric(9,6), "place_precision" character varying(16), "event_time_start" TIMESTAMP WITH TIME ZONE, "event_time_end" TIMESTAMP WITH TIME ZONE, "event_time_precision" character varying(16), CONSTRAINT "PK_466b305cc2e591047fa1ce58f81" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_27252fe86660107db0acb68f3e" ON "claim"  ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d03c5b6bfc9dfd5606740a1b" ON "claim"  ("event_time_start", "id") `);
        await queryRunner.query(`CREATE TABLE "source_alias" ("id" character varying(36) NOT NULL, "source_id" character varying(36) NOT NULL, "alias" character varying(300) NOT NULL, "alias_key" character varying(300) NOT NULL, CONSTRAINT "PK_a5390bb06e52afaaecc3ae097f1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5f696b20f51aaaef11cea6a1f4" ON "source_alias"  ("alias_key") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8c2177fb4c3651f5d584d03e5e" ON "source_alias"  ("source_id", "alias_key") `);
        await queryRunner.query(`CREATE TABLE "source" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "kind" character varying(32) NOT NULL, "name" character varying(300) NOT NULL, "name_key" character varying(300) NOT NULL, "based_in" character varying(200), "affiliation" character varying(300), "wikidata_id" character varying(20), "reliability" character varying(1), "confidential_note" text, CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5220a07f11d46e4fe72d588926" ON "source"  ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_cb65415eed46cd19a3a5f594bb" ON "source"  ("name_key") `);
        await queryRunner.query(`CREATE TABLE "relay_hop" ("id" character varying(36) NOT NULL, "attribution_id" character varying(36) NOT NULL, "position" integer NOT NULL, "source_id" character varying(36) NOT NULL, "cue" character varying(50), CONSTRAINT "PK_4cdcba0cf7b4d2c08177bd510a5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_33777da4b530a39ad25dd3dcee" ON "relay_hop"  ("source_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_333f8de5ad73d104e3d5b1818c" ON "relay_hop"  ("attribution_id", "position") `);
        await queryRunner.query(`CREATE TABLE "attribution" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "claim_id" character varying(36) NOT NULL, "source_id" character varying(36) NOT NULL, "stance" character varying(16) NOT NULL DEFAULT 'ASSERTS', "cue" character varying(50), "mode" character varying(16) NOT NULL DEFAULT 'PARAPHRASE', "said_at" TIMESTAMP WITH TIME ZONE, "credibility" integer, "anonymity_reason" character varying(500), "relationship" character varying(300), "conditions" text NOT NULL, "created_by" character varying(36), CONSTRAINT "PK_dfe59b2e7b64db79174cab0ae29" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3cfcc7089b9a9ab41f909f82d8" ON "attribution"  ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ff2657945002bf30972cf01b70" ON "attribution"  ("source_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b33d14ad9580801ec16ddef25c" ON "attribution"  ("stance") `);
        await queryRunner.query(`CREATE TABLE "citation" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "attribution_id" character varying(36) NOT NULL, "article_id" character varying(36) NOT NULL, "quote" text, "prefix" character varying(200), "suffix" character varying(200), "start_offset" integer, "end_offset" integer, CONSTRAINT "PK_f02dfdce6c05dfbf2fead28d0b6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8d0470ea29bcba364eeea15b39" ON "citation"  ("attribution_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1a7c51071112717babbd842c1b" ON "citation"  ("article_id") `);
        await queryRunner.query(`ALTER TABLE "claim_quantity" ADD CONSTRAINT "FK_0f5d409ea3c6fce20b45bd81e62" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "source_alias" ADD CONSTRAINT "FK_712bcf30e37a43e250d276485d0" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "relay_hop" ADD CONSTRAINT "FK_89d8b9aeedce75ca3ff8bcdcf70" FOREIGN KEY ("attribution_id") REFERENCES "attribution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "relay_hop" ADD CONSTRAINT "FK_33777da4b530a39ad25dd3dcee6" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attribution" ADD CONSTRAINT "FK_3cfcc7089b9a9ab41f909f82d84" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attribution" ADD CONSTRAINT "FK_ff2657945002bf30972cf01b701" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_8d0470ea29bcba364eeea15b39b" FOREIGN KEY ("attribution_id") REFERENCES "attribution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_1a7c51071112717babbd842c1b7" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_1a7c51071112717babbd842c1b7"`);
        await queryRunner.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_8d0470ea29bcba364eeea15b39b"`);
        await queryRunner.query(`ALTER TABLE "attribution" DROP CONSTRAINT "FK_ff2657945002bf30972cf01b701"`);
        await queryRunner.query(`ALTER TABLE "attribution" DROP CONSTRAINT "FK_3cfcc7089b9a9ab41f909f82d84"`);
        await queryRunner.query(`ALTER TABLE "relay_hop" DROP CONSTRAINT "FK_33777da4b530a39ad25dd3dcee6"`);
        await queryRunner.query(`ALTER TABLE "relay_hop" DROP CONSTRAINT "FK_89d8b9aeedce75ca3ff8bcdcf70"`);
        await queryRunner.query(`ALTER TABLE "source_alias" DROP CONSTRAINT "FK_712bcf30e37a43e250d276485d0"`);
        await queryRunner.query(`ALTER TABLE "claim_quantity" DROP CONSTRAINT "FK_0f5d409ea3c6fce20b45bd81e62"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1a7c51071112717babbd842c1b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8d0470ea29bcba364eeea15b39"`);
        await queryRunner.query(`DROP TABLE "citation"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b33d14ad9580801ec16ddef25c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ff2657945002bf30972cf01b70"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3cfcc7089b9a9ab41f909f82d8"`);
        await queryRunner.query(`DROP TABLE "attribution"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_333f8de5ad73d104e3d5b1818c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_33777da4b530a39ad25dd3dcee"`);
        await queryRunner.query(`DROP TABLE "relay_hop"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cb65415eed46cd19a3a5f594bb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5220a07f11d46e4fe72d588926"`);
        await queryRunner.query(`DROP TABLE "source"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8c2177fb4c3651f5d584d03e5e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5f696b20f51aaaef11cea6a1f4"`);
        await queryRunner.query(`DROP TABLE "source_alias"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f2d03c5b6bfc9dfd5606740a1b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_27252fe86660107db0acb68f3e"`);
        await queryRunner.query(`DROP TABLE "claim"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ffd32224064f082486261b3c93"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f5d409ea3c6fce20b45bd81e6"`);
        await queryRunner.query(`DROP TABLE "claim_quantity"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b1c0eb9cad792eadfb6ea9c6f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bb66a5754ff1b385179d5e3f85"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cd2c63eec165ea9c3e0ba1c805"`);
        await queryRunner.query(`DROP TABLE "article"`);
    }

}
