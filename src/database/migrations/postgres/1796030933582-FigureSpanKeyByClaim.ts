import { MigrationInterface, QueryRunner } from "typeorm";
// The primary key leads with claim_id (rows are written, re-flagged and removed by claim), so claim_id's own index goes.

export class FigureSpanKeyByClaim1796030933582 implements MigrationInterface {
    name = 'FigureSpanKeyByClaim1796030933582'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_6bc0d742ed68e2673a6102b9c0"`);
        await queryRunner.query(`ALTER TABLE "figure_span" DROP CONSTRAINT "PK_1260e93ea9cf5c3e4068d3e0d3a"`);
        await queryRunner.query(`ALTER TABLE "figure_span" ADD CONSTRAINT "PK_832a734c8fd61e3f0675236d83f" PRIMARY KEY ("claim_id", "quantity_id", "kind", "node")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "figure_span" DROP CONSTRAINT "PK_832a734c8fd61e3f0675236d83f"`);
        await queryRunner.query(`ALTER TABLE "figure_span" ADD CONSTRAINT "PK_1260e93ea9cf5c3e4068d3e0d3a" PRIMARY KEY ("quantity_id", "kind", "node")`);
        await queryRunner.query(`CREATE INDEX "IDX_6bc0d742ed68e2673a6102b9c0" ON "figure_span" USING btree ("claim_id") `);
    }

}
