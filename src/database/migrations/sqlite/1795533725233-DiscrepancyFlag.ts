import { MigrationInterface, QueryRunner } from "typeorm";

export class DiscrepancyFlag1795533725233 implements MigrationInterface {
    name = 'DiscrepancyFlag1795533725233'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Contradiction pairs are no longer stored (they grow with the square of a busy variable); the flag replaces them.
        await queryRunner.query(`DROP INDEX "IDX_0f2de4de459d49ea8ca1cc69aa"`);
        await queryRunner.query(`DROP INDEX "IDX_e8eb87eaf64060e1ebbdb4a68d"`);
        await queryRunner.query(`DROP INDEX "IDX_4906dee1df889ae6d7428e9e6e"`);
        await queryRunner.query(`DROP TABLE "claim_conflict"`);
        await queryRunner.query(`DROP INDEX "IDX_e646db76fa1856afc75857abd6"`);
        await queryRunner.query(`DROP INDEX "IDX_f2d03c5b6bfc9dfd5606740a1b"`);
        await queryRunner.query(`DROP INDEX "IDX_27252fe86660107db0acb68f3e"`);
        await queryRunner.query(`DROP INDEX "IDX_cc98be4a6b5f2d1e39ac071402"`);
        await queryRunner.query(`DROP INDEX "IDX_4cd81d030d78920ac3fb8545bf"`);
        await queryRunner.query(`CREATE TABLE "temporary_claim" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "statement" text NOT NULL, "hedge" varchar(200), "tags" text NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('UNVERIFIED'), "created_by" varchar(36), "place_name" varchar(200), "place_admin_area" varchar(200), "place_country" varchar(2), "place_latitude" decimal(9,6), "place_longitude" decimal(9,6), "place_precision" varchar(16), "event_time_start" datetime, "event_time_end" datetime, "event_time_precision" varchar(16), "independent_source_count" integer NOT NULL DEFAULT (0), "denying_source_count" integer NOT NULL DEFAULT (0), "questioning_source_count" integer NOT NULL DEFAULT (0), "sourcing" varchar(20) NOT NULL DEFAULT ('UNSOURCED'), "circular" boolean NOT NULL DEFAULT (0), "external_id" varchar(100), "has_discrepancy" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_claim"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "statement", "hedge", "tags", "status", "created_by", "place_name", "place_admin_area", "place_country", "place_latitude", "place_longitude", "place_precision", "event_time_start", "event_time_end", "event_time_precision", "independent_source_count", "denying_source_count", "questioning_source_count", "sourcing", "circular", "external_id") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "statement", "hedge", "tags", "status", "created_by", "place_name", "place_admin_area", "place_country", "place_latitude", "place_longitude", "place_precision", "event_time_start", "event_time_end", "event_time_precision", "independent_source_count", "denying_source_count", "questioning_source_count", "sourcing", "circular", "external_id" FROM "claim"`);
        await queryRunner.query(`DROP TABLE "claim"`);
        await queryRunner.query(`ALTER TABLE "temporary_claim" RENAME TO "claim"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e646db76fa1856afc75857abd6" ON "claim" ("external_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d03c5b6bfc9dfd5606740a1b" ON "claim" ("event_time_start", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_27252fe86660107db0acb68f3e" ON "claim" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cc98be4a6b5f2d1e39ac071402" ON "claim" ("independent_source_count") `);
        await queryRunner.query(`CREATE INDEX "IDX_4cd81d030d78920ac3fb8545bf" ON "claim" ("sourcing") `);
        await queryRunner.query(`CREATE INDEX "IDX_ecaa8ba30e07641493b5d1c3ed" ON "claim" ("has_discrepancy") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_ecaa8ba30e07641493b5d1c3ed"`);
        await queryRunner.query(`DROP INDEX "IDX_4cd81d030d78920ac3fb8545bf"`);
        await queryRunner.query(`DROP INDEX "IDX_cc98be4a6b5f2d1e39ac071402"`);
        await queryRunner.query(`DROP INDEX "IDX_27252fe86660107db0acb68f3e"`);
        await queryRunner.query(`DROP INDEX "IDX_f2d03c5b6bfc9dfd5606740a1b"`);
        await queryRunner.query(`DROP INDEX "IDX_e646db76fa1856afc75857abd6"`);
        await queryRunner.query(`CREATE TABLE "temporary_claim" ("id" varchar(36) PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "deleted_at" datetime, "deleted_by" varchar(36), "statement" text NOT NULL, "hedge" varchar(200), "tags" text NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('UNVERIFIED'), "created_by" varchar(36), "place_name" varchar(200), "place_admin_area" varchar(200), "place_country" varchar(2), "place_latitude" decimal(9,6), "place_longitude" decimal(9,6), "place_precision" varchar(16), "event_time_start" datetime, "event_time_end" datetime, "event_time_precision" varchar(16), "independent_source_count" integer NOT NULL DEFAULT (0), "denying_source_count" integer NOT NULL DEFAULT (0), "questioning_source_count" integer NOT NULL DEFAULT (0), "sourcing" varchar(20) NOT NULL DEFAULT ('UNSOURCED'), "circular" boolean NOT NULL DEFAULT (0), "external_id" varchar(100))`);
        await queryRunner.query(`INSERT INTO "temporary_claim"("id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "statement", "hedge", "tags", "status", "created_by", "place_name", "place_admin_area", "place_country", "place_latitude", "place_longitude", "place_precision", "event_time_start", "event_time_end", "event_time_precision", "independent_source_count", "denying_source_count", "questioning_source_count", "sourcing", "circular", "external_id") SELECT "id", "created_at", "updated_at", "version", "deleted_at", "deleted_by", "statement", "hedge", "tags", "status", "created_by", "place_name", "place_admin_area", "place_country", "place_latitude", "place_longitude", "place_precision", "event_time_start", "event_time_end", "event_time_precision", "independent_source_count", "denying_source_count", "questioning_source_count", "sourcing", "circular", "external_id" FROM "claim"`);
        await queryRunner.query(`DROP TABLE "claim"`);
        await queryRunner.query(`ALTER TABLE "temporary_claim" RENAME TO "claim"`);
        await queryRunner.query(`CREATE INDEX "IDX_4cd81d030d78920ac3fb8545bf" ON "claim" ("sourcing") `);
        await queryRunner.query(`CREATE INDEX "IDX_cc98be4a6b5f2d1e39ac071402" ON "claim" ("independent_source_count") `);
        await queryRunner.query(`CREATE INDEX "IDX_27252fe86660107db0acb68f3e" ON "claim" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_f2d03c5b6bfc9dfd5606740a1b" ON "claim" ("event_time_start", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e646db76fa1856afc75857abd6" ON "claim" ("external_id") `);
        await queryRunner.query(`CREATE TABLE "claim_conflict" ("id" varchar(36) PRIMARY KEY NOT NULL, "claim_id" varchar(36) NOT NULL, "other_claim_id" varchar(36) NOT NULL, "variable" varchar(100) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_4906dee1df889ae6d7428e9e6e" ON "claim_conflict" ("other_claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e8eb87eaf64060e1ebbdb4a68d" ON "claim_conflict" ("variable") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f2de4de459d49ea8ca1cc69aa" ON "claim_conflict" ("claim_id", "other_claim_id", "variable") `);
    }

}
