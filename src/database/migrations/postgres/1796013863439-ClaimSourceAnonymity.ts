import { MigrationInterface, QueryRunner } from "typeorm";
import { CLAIM_SOURCE_ANONYMITY_SQL } from "../seeds/filter-columns";

/**
 * Issue 20, workload b: each claim_source row carries its claim's speakers' anonymity, so "CNN's anonymous-only
 * claims, newest first" reads one range of (source_id, speaker_anonymity, claim_id) instead of probing every
 * claim CNN is named on. Filled from the claims; from then on written with the rows (claims/analysis/claim-sources.ts).
 */
export class ClaimSourceAnonymity1796013863439 implements MigrationInterface {
    name = 'ClaimSourceAnonymity1796013863439'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim_source" ADD "speaker_anonymity" character varying(16) NOT NULL DEFAULT 'NONE'`);
        await queryRunner.query(`UPDATE "claim_source" SET "speaker_anonymity" = ${CLAIM_SOURCE_ANONYMITY_SQL}`);
        await queryRunner.query(`ALTER TABLE "claim_source" ALTER COLUMN "speaker_anonymity" DROP DEFAULT`);
        await queryRunner.query(`CREATE INDEX "IDX_d15cacac2793834ea142b44f71" ON "claim_source"  ("source_id", "speaker_anonymity", "claim_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_d15cacac2793834ea142b44f71"`);
        await queryRunner.query(`ALTER TABLE "claim_source" DROP COLUMN "speaker_anonymity"`);
    }

}
