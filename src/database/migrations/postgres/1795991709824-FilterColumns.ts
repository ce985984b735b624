import { MigrationInterface, QueryRunner } from "typeorm";
import { FILL_FILTER_COLUMNS, PLACE_INDEX_NAMES, PLACE_INDEXES } from "../seeds/filter-columns";

/**
 * Editors' filters at size (issue 20): the speakers' anonymity as a claim column, the sources a claim names in
 * claim_source, and equality indexes that end in id so a filtered list walks newest first. Both derived values
 * are filled here from the live attributions; from then on the analysis module keeps them (refreshSourcing).
 */
export class FilterColumns1795991709824 implements MigrationInterface {
    name = 'FilterColumns1795991709824'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_27252fe86660107db0acb68f3e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cc98be4a6b5f2d1e39ac071402"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4cd81d030d78920ac3fb8545bf"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ecaa8ba30e07641493b5d1c3ed"`);
        await queryRunner.query(`CREATE TABLE "claim_source" ("source_id" character varying(36) NOT NULL, "claim_id" character varying(36) NOT NULL, "speaks" boolean NOT NULL, "relays" boolean NOT NULL, CONSTRAINT "PK_9b56f3c5d1b033e5071f2236bba" PRIMARY KEY ("source_id", "claim_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1" ON "claim_source"  ("claim_id") `);
        await queryRunner.query(`ALTER TABLE "claim" ADD "speaker_anonymity" character varying(16) NOT NULL DEFAULT 'NONE'`);
        await queryRunner.query(`CREATE INDEX "IDX_d72a733e05620e8353b984b39f" ON "claim"  ("has_discrepancy", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_15c03ef613da7ee27fedf4074c" ON "claim"  ("speaker_anonymity", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cec79ec8943333600faeeb6e51" ON "claim"  ("independent_source_count", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e15fc2f4e0b2608bcd752038bc" ON "claim"  ("sourcing", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_dd61465a926379ecf4e19035ca" ON "claim"  ("status", "id") `);
        await queryRunner.query(`ALTER TABLE "claim_source" ADD CONSTRAINT "FK_4b299baef119decd8eb96a917e9" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_source" ADD CONSTRAINT "FK_3b3b3f7e7c9ca4501e7026e0f1f" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The place filter (name, admin area or country code) as three index look-ups; the tag filter's LIKE through trigrams.
        for (const sql of PLACE_INDEXES) await queryRunner.query(sql);
        await queryRunner.query(`CREATE INDEX "IDX_claim_tags_trgm" ON "claim" USING gin ("tags" gin_trgm_ops)`);
        for (const sql of FILL_FILTER_COLUMNS) await queryRunner.query(sql);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_claim_tags_trgm"`);
        for (const name of PLACE_INDEX_NAMES) await queryRunner.query(`DROP INDEX "public"."${name}"`);
        await queryRunner.query(`ALTER TABLE "claim_source" DROP CONSTRAINT "FK_3b3b3f7e7c9ca4501e7026e0f1f"`);
        await queryRunner.query(`ALTER TABLE "claim_source" DROP CONSTRAINT "FK_4b299baef119decd8eb96a917e9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dd61465a926379ecf4e19035ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e15fc2f4e0b2608bcd752038bc"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cec79ec8943333600faeeb6e51"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_15c03ef613da7ee27fedf4074c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d72a733e05620e8353b984b39f"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "speaker_anonymity"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3b3b3f7e7c9ca4501e7026e0f1"`);
        await queryRunner.query(`DROP TABLE "claim_source"`);
        await queryRunner.query(`CREATE INDEX "IDX_ecaa8ba30e07641493b5d1c3ed" ON "claim" USING btree ("has_discrepancy") `);
        await queryRunner.query(`CREATE INDEX "IDX_4cd81d030d78920ac3fb8545bf" ON "claim" USING btree ("sourcing") `);
        await queryRunner.query(`CREATE INDEX "IDX_cc98be4a6b5f2d1e39ac071402" ON "claim" USING btree ("independent_source_count") `);
        await queryRunner.query(`CREATE INDEX "IDX_27252fe86660107db0acb68f3e" ON "claim" USING btree ("status") `);
    }

}
