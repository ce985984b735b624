import { MigrationInterface, QueryRunner } from "typeorm";
import { fileAllSpans } from "../../../claims/analysis/figure-span-index";

export class FigureSpan1795992011544 implements MigrationInterface {
    name = 'FigureSpan1795992011544'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "figure_span" ("quantity_id" character varying(36) NOT NULL, "kind" character varying(1) NOT NULL, "node" integer NOT NULL, "claim_id" character varying(36) NOT NULL, "variable" character varying(100) NOT NULL, "low" double precision, "low_inclusive" boolean NOT NULL, "high" double precision, "high_inclusive" boolean NOT NULL, "flagged" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_1260e93ea9cf5c3e4068d3e0d3a" PRIMARY KEY ("quantity_id", "kind", "node"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6bc0d742ed68e2673a6102b9c0" ON "figure_span"  ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_low" ON "figure_span"  ("variable", "kind", "node", "flagged", "low") `);
        await queryRunner.query(`CREATE INDEX "IDX_figure_span_high" ON "figure_span"  ("variable", "kind", "node", "flagged", "high") `);
        // The figures already recorded are filed, so that the discrepancy check finds them (flags stay as stored).
        await fileAllSpans(queryRunner.manager);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_figure_span_high"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_figure_span_low"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6bc0d742ed68e2673a6102b9c0"`);
        await queryRunner.query(`DROP TABLE "figure_span"`);
    }

}
