import { MigrationInterface, QueryRunner } from "typeorm";
import { fileAllSpans } from "../../../claims/analysis/figure-span-index";

export class FigureSpan1795991979472 implements MigrationInterface {
    name = 'FigureSpan1795991979472'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "figure_span" ("quantity_id" varchar(36) NOT NULL, "kind" varchar(1) NOT NULL, "node" integer NOT NULL, "claim_id" varchar(36) NOT NULL, "variable" varchar(100) NOT NULL, "low" double precision, "low_inclusive" boolean NOT NULL, "high" double precision, "high_inclusive" boolean NOT NULL, "flagged" boolean NOT NULL DEFAULT (0), PRIMARY KEY ("quantity_id", "kind", "node"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6bc0d742ed68e2673a6102b9c0" ON "figure_span" ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_low" ON "figure_span" ("variable", "kind", "node", "flagged", "low") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_high" ON "figure_span" ("variable", "kind", "node", "flagged", "high") `);
        // The figures already recorded are filed, so that the discrepancy check finds them (flags stay as stored).
        await fileAllSpans(queryRunner.manager);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_figure_span_high"`);
        await queryRunner.query(`DROP INDEX "IDX_figure_span_low"`);
        await queryRunner.query(`DROP INDEX "IDX_6bc0d742ed68e2673a6102b9c0"`);
        await queryRunner.query(`DROP TABLE "figure_span"`);
    }

}
