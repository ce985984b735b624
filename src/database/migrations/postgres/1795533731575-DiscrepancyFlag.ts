import { MigrationInterface, QueryRunner } from "typeorm";

export class DiscrepancyFlag1795533731575 implements MigrationInterface {
    name = 'DiscrepancyFlag1795533731575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Contradiction pairs are no longer stored (they grow with the square of a busy variable); the flag replaces them.
        await queryRunner.query(`DROP INDEX "public"."IDX_0f2de4de459d49ea8ca1cc69aa"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e8eb87eaf64060e1ebbdb4a68d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4906dee1df889ae6d7428e9e6e"`);
        await queryRunner.query(`DROP TABLE "claim_conflict"`);
        await queryRunner.query(`ALTER TABLE "claim" ADD "has_discrepancy" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`CREATE INDEX "IDX_ecaa8ba30e07641493b5d1c3ed" ON "claim"  ("has_discrepancy") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_ecaa8ba30e07641493b5d1c3ed"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "has_discrepancy"`);
        await queryRunner.query(`CREATE TABLE "claim_conflict" ("id" character varying(36) NOT NULL, "claim_id" character varying(36) NOT NULL, "other_claim_id" character varying(36) NOT NULL, "variable" character varying(100) NOT NULL, CONSTRAINT "PK_f360b72d68ca55752c2d6138254" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4906dee1df889ae6d7428e9e6e" ON "claim_conflict"  ("other_claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e8eb87eaf64060e1ebbdb4a68d" ON "claim_conflict"  ("variable") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0f2de4de459d49ea8ca1cc69aa" ON "claim_conflict"  ("claim_id", "other_claim_id", "variable") `);
    }

}
