import { MigrationInterface, QueryRunner } from "typeorm";
import { CLAIM_SOURCE_ANONYMITY_SQL } from "../seeds/filter-columns";

/** Issue 20, workload b: claim_source rows carry their claim's speakers' anonymity (see the PostgreSQL twin). */
export class ClaimSourceAnonymity1796013845853 implements MigrationInterface {
    name = 'ClaimSourceAnonymity1796013845853'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1"`);
        await queryRunner.query(`CREATE TABLE "temporary_claim_source" ("source_id" varchar(36) NOT NULL, "claim_id" varchar(36) NOT NULL, "speaks" boolean NOT NULL, "relays" boolean NOT NULL, "speaker_anonymity" varchar(16) NOT NULL, CONSTRAINT "FK_3b3b3f7e7c9ca4501e7026e0f1f" FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4b299baef119decd8eb96a917e9" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("source_id", "claim_id"))`);
        await queryRunner.query(`INSERT INTO "temporary_claim_source"("source_id", "claim_id", "speaks", "relays", "speaker_anonymity") SELECT "source_id", "claim_id", "speaks", "relays", ${CLAIM_SOURCE_ANONYMITY_SQL} FROM "claim_source"`);
        await queryRunner.query(`DROP TABLE "claim_source"`);
        await queryRunner.query(`ALTER TABLE "temporary_claim_source" RENAME TO "claim_source"`);
        await queryRunner.query(`CREATE INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1" ON "claim_source" ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_d15cacac2793834ea142b44f71" ON "claim_source" ("source_id", "speaker_anonymity", "claim_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_d15cacac2793834ea142b44f71"`);
        await queryRunner.query(`DROP INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1"`);
        await queryRunner.query(`CREATE TABLE "temporary_claim_source" ("source_id" varchar(36) NOT NULL, "claim_id" varchar(36) NOT NULL, "speaks" boolean NOT NULL, "relays" boolean NOT NULL, CONSTRAINT "FK_3b3b3f7e7c9ca4501e7026e0f1f" FOREIGN KEY ("claim_id") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4b299baef119decd8eb96a917e9" FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("source_id", "claim_id"))`);
        await queryRunner.query(`INSERT INTO "temporary_claim_source"("source_id", "claim_id", "speaks", "relays") SELECT "source_id", "claim_id", "speaks", "relays" FROM "claim_source"`);
        await queryRunner.query(`DROP TABLE "claim_source"`);
        await queryRunner.query(`ALTER TABLE "temporary_claim_source" RENAME TO "claim_source"`);
        await queryRunner.query(`CREATE INDEX "IDX_3b3b3f7e7c9ca4501e7026e0f1" ON "claim_source" ("claim_id") `);
    }

}
