import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 19: an anonymity grant without a reason, and a vague figure ("dozens") kept as a range, can be
 * saved. Attributions that already state a reason were granted anonymity.
 */
export class AnonymityGrantVagueFigure1795995000000 implements MigrationInterface {
    name = 'AnonymityGrantVagueFigure1795995000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attribution" ADD COLUMN "anonymity_granted" boolean NOT NULL DEFAULT (0)`);
        await queryRunner.query(`UPDATE "attribution" SET "anonymity_granted" = 1 WHERE "anonymity_reason" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "claim_quantity" ADD COLUMN "vague" boolean NOT NULL DEFAULT (0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "claim_quantity" DROP COLUMN "vague"`);
        await queryRunner.query(`ALTER TABLE "attribution" DROP COLUMN "anonymity_granted"`);
    }

}
