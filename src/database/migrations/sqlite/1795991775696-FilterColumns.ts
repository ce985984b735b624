import { MigrationInterface, QueryRunner } from "typeorm";
import { FILL_FILTER_COLUMNS, PLACE_INDEX_NAMES, PLACE_INDEXES } from "../seeds/filter-columns";


/** See the PostgreSQL migration of the same name. SQLite adds the column in place (no table rebuild: the FTS triggers stay). */
export class FilterColumns1795991775696 implements MigrationInterface {
    name = 'FilterColumns1795991775696'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_ecaa8ba30e07641493b5d1c3ed"`);
        await queryRunner.query(`DROP INDEX "IDX_4cd81d030d78920ac3fb8545bf"`);
        await queryRunner.query(`DROP INDEX "IDX_cc98be4a6b5f2d1e39ac071402"`);
        await queryRunner.query(`DROP INDEX "IDX_27252fe86660107db0acb68f3e"`);
        await queryRunner.query(`CREATE TABLE "claim_source" ("source_id" varchar(36) NOT NULL, "claim_id" varchar(36) NOT NULL, "speaks" boolean NOT NULL, "relays" boolean NOT NULL, CONSTRAINT "FK_4b299baef119decd8eb96a917e9" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3b3b3f7e7c9ca4501e7026e0f1f" FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("source_id", "claim_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1" ON "claim_source" ("claim_id") `);
        await queryRunner.query(`ALTER TABLE "claim" ADD COLUMN "speaker_anonymity" varchar(16) NOT NULL DEFAULT ('NONE')`);
        await queryRunner.query(`CREATE INDEX "IDX_d72a733e05620e8353b984b39f" ON "claim" ("has_discrepancy", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_15c03ef613da7ee27fedf4074c" ON "claim" ("speaker_anonymity", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cec79ec8943333600faeeb6e51" ON "claim" ("independent_source_count", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e15fc2f4e0b2608bcd752038bc" ON "claim" ("sourcing", "id") `);
        await queryRunner.query(`CREATE INDEX "IDX_dd61465a926379ecf4e19035ca" ON "claim" ("status", "id") `);
        for (const sql of PLACE_INDEXES) await queryRunner.query(sql);
        for (const sql of FILL_FILTER_COLUMNS) await queryRunner.query(sql);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const name of PLACE_INDEX_NAMES) await queryRunner.query(`DROP INDEX "${name}"`);
        await queryRunner.query(`DROP INDEX "IDX_dd61465a926379ecf4e19035ca"`);
        await queryRunner.query(`DROP INDEX "IDX_e15fc2f4e0b2608bcd752038bc"`);
        await queryRunner.query(`DROP INDEX "IDX_cec79ec8943333600faeeb6e51"`);
        await queryRunner.query(`DROP INDEX "IDX_15c03ef613da7ee27fedf4074c"`);
        await queryRunner.query(`DROP INDEX "IDX_d72a733e05620e8353b984b39f"`);
        await queryRunner.query(`ALTER TABLE "claim" DROP COLUMN "speaker_anonymity"`);
        await queryRunner.query(`DROP INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1"`);
        await queryRunner.query(`DROP TABLE "claim_source"`);
        await queryRunner.query(`CREATE INDEX "IDX_27252fe86660107db0acb68f3e" ON "claim" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cc98be4a6b5f2d1e39ac071402" ON "claim" ("independent_source_count") `);
        await queryRunner.query(`CREATE INDEX "IDX_4cd81d030d78920ac3fb8545bf" ON "claim" ("sourcing") `);
        await queryRunner.query(`CREATE INDEX "IDX_ecaa8ba30e07641493b5d1c3ed" ON "claim" ("has_discrepancy") `);
    }

}
