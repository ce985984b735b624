import { MigrationInterface, QueryRunner } from "typeorm";
// The primary key leads with claim_id (rows are written, re-flagged and removed by claim), so claim_id's own index goes.

export class FigureSpanKeyByClaim1796030799815 implements MigrationInterface {
    name = 'FigureSpanKeyByClaim1796030799815'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_6bc0d742ed68e2673a6102b9c0"`);
        await queryRunner.query(`DROP INDEX "IDX_figure_span_high"`);
        await queryRunner.query(`DROP INDEX "IDX_figure_span_low"`);
        await queryRunner.query(`CREATE TABLE "temporary_figure_span" ("quantity_id" varchar(36) NOT NULL, "kind" varchar(1) NOT NULL, "node" integer NOT NULL, "claim_id" varchar(36) NOT NULL, "variable" varchar(100) NOT NULL, "low" double precision, "low_inclusive" boolean NOT NULL, "high" double precision, "high_inclusive" boolean NOT NULL, "flagged" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("claim_id", "quantity_id", "kind", "node"))`);
        await queryRunner.query(`INSERT INTO "temporary_figure_span"("quantity_id", "kind", "node", "claim_id", "variable", "low", "low_inclusive", "high", "high_inclusive", "flagged") SELECT "quantity_id", "kind", "node", "claim_id", "variable", "low", "low_inclusive", "high", "high_inclusive", "flagged" FROM "figure_span"`);
        await queryRunner.query(`DROP TABLE "figure_span"`);
        await queryRunner.query(`ALTER TABLE "temporary_figure_span" RENAME TO "figure_span"`);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_high" ON "figure_span" ("variable", "kind", "node", "flagged", "high") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_low" ON "figure_span" ("variable", "kind", "node", "flagged", "low") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_figure_span_low"`);
        await queryRunner.query(`DROP INDEX "IDX_figure_span_high"`);
        await queryRunner.query(`CREATE TABLE "temporary_figure_span" ("quantity_id" varchar(36) NOT NULL, "kind" varchar(1) NOT NULL, "node" integer NOT NULL, "claim_id" varchar(36) NOT NULL, "variable" varchar(100) NOT NULL, "low" double precision, "low_inclusive" boolean NOT NULL, "high" double precision, "high_inclusive" boolean NOT NULL, "flagged" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("quantity_id", "kind", "node"))`);
        await queryRunner.query(`INSERT INTO "temporary_figure_span"("quantity_id", "kind", "node", "claim_id", "variable", "low", "low_inclusive", "high", "high_inclusive", "flagged") SELECT "quantity_id", "kind", "node", "claim_id", "variable", "low", "low_inclusive", "high", "high_inclusive", "flagged" FROM "figure_span"`);
        await queryRunner.query(`DROP TABLE "figure_span"`);
        await queryRunner.query(`ALTER TABLE "temporary_figure_span" RENAME TO "figure_span"`);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_low" ON "figure_span" ("variable", "kind", "node", "flagged", "low") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_high" ON "figure_span" ("variable", "kind", "node", "flagged", "high") `);
        await queryRunner.query(`CREATE INDEX "IDX_6bc0d742ed68e2673a6102b9c0" ON "figure_span" ("claim_id") `);
    }

}
