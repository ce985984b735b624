import { MigrationInterface, QueryRunner } from "typeorm";

export class Analysis1795531026459 implements MigrationInterface {
    name = 'Analysis1795531026459'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "claim_conflict" ("id" character varying(36) NOT NULL, "claim_id" character varying(36) NOT NULL, "other_claim_id" character varying(36) NOT NULL, "variable" character varying(100) NOT NULL, CONSTRAINT "PK_f360b72d68ca55752c2d6138254" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4906dee1df889ae6d7428e9e6e" ON "claim_conflict"  ("other_claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e8eb87eaf64060e1ebbdb4a68d" ON "claim_conflict"  ("variable") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f2de4de459d49ea8ca1cc69aa" ON "claim_conflict"  ("claim_id", "other_claim_id", "variable") `);
        await queryRunner.query(`CREATE TABLE "claim_status_change" ("id" character varying(36) NOT NULL, "claim_id" character varying(36) NOT NULL, "from_status" character varying(20) NOT NULL, "to_status" character varying(20) NOT NULL, "reason" text NOT NULL, "actor_id" character varying(36), "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_761e6480de4f59d4520b0e865df" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6d4d55b4df88491332db92b20f" ON "claim_status_change"  ("claim_id") `);
        await queryRunner.query(`CREATE TABLE "reliability_change" ("id" character varying(36) NOT NULL, "source_id" character varying(36) NOT NULL, "from_grade" character varying(1), "to_grade" character varying(1), "reason" text, "actor_id" character varying(36), "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_374fc0185f73d34126198aa9ab3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a5f60ed7ea1db47e1cc07cb970" ON "reliability_change"  ("source_id") `);
        await queryRunner.query(`ALTER TABLE "claim" ADD "independent_source_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "claim" ADD "denying_source_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "claim" ADD "questioning_source_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "claim" ADD "sourcing" character varying(20) NOT NULL DEFAULT 'UNSOURCED'`);
        await queryRunner.query(`ALTER TABLE "claim" ADD "circular" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "source" ADD "origin_group_id" character varying(36)`);
        await queryRunner.query(`CREATE INDEX "IDX_cc98be4a6b5f2d1e39ac071402" ON "claim"  ("independent_source_count") `);
        await queryRunner.query(`CREATE INDEX "IDX_4cd81d030d78920ac3fb8545bf" ON "claim"  ("sourcing") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d759d00b840ebaa0a054d058" ON "source"  ("origin_group_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_f2d759d00b840ebaa0a054d058"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4cd81d030d78920ac3fb8545bf"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cc98be4a6b5f2d1e39ac071402"`);
        await queryRunner.query(`ALTER TABLE "source" DROP COLUMN "origin_group_id"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "circular"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "sourcing"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "questioning_source_count"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "denying_source_count"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "independent_source_count"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a5f60ed7ea1db47e1cc07cb970"`);
        await queryRunner.query(`DROP TABLE "reliability_change"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6d4d55b4df88491332db92b20f"`);
        await queryRunner.query(`DROP TABLE "claim_status_change"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f2de4de459d49ea8ca1cc69aa"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e8eb87eaf64060e1ebbdb4a68d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4906dee1df889ae6d7428e9e6e"`);
        await queryRunner.query(`DROP TABLE "claim_conflict"`);
    }

}
