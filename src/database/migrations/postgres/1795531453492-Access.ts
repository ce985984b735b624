import { MigrationInterface, QueryRunner } from "typeorm";

export class Access1795531453492 implements MigrationInterface {
    name = 'Access1795531453492'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_key" ("id" character varying(36) NOT NULL, "user_id" character varying(36) NOT NULL, "name" character varying(200) NOT NULL, "prefix" character varying(16) NOT NULL, "hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6a0830f03e537b239a53269b27" ON "api_key"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_45e0aa2a880b928326a05a2888" ON "api_key"  ("hash") `);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" character varying(36) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" character varying(36), "created_by" character varying(36), "name" character varying(200) NOT NULL, "email" character varying(320), "role" character varying(16) NOT NULL, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
        await queryRunner.query(`CREATE TABLE "audit_event" ("id" character varying(36) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" character varying(36), "actor_name" character varying(200) NOT NULL, "action" character varying(16) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" character varying(36) NOT NULL, "changes" text NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_06d570d7d1b40fbc994b5955be" ON "audit_event"  ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event"  ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c0ea392536b5c4cba7012b6f7b" ON "audit_event"  ("entity_type", "entity_id") `);
        await queryRunner.query(`ALTER TABLE "article" ADD "created_by" character varying(36)`);
        await queryRunner.query(`ALTER TABLE "source" ADD "created_by" character varying(36)`);
        await queryRunner.query(`ALTER TABLE "citation" ADD "created_by" character varying(36)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citation" DROP COLUMN "created_by"`);
        await queryRunner.query(`ALTER TABLE "source" DROP COLUMN "created_by"`);
        await queryRunner.query(`ALTER TABLE "article" DROP COLUMN "created_by"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c0ea392536b5c4cba7012b6f7b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f44b7e9c0d50176bc07e018f63"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_06d570d7d1b40fbc994b5955be"`);
        await queryRunner.query(`DROP TABLE "audit_event"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_45e0aa2a880b928326a05a2888"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6a0830f03e537b239a53269b27"`);
        await queryRunner.query(`DROP TABLE "api_key"`);
    }

}
