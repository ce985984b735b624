import { MigrationInterface, QueryRunner } from "typeorm";
import { seedQuantityVariables } from "../seeds/quantity-variables-v1";

export class QuantityVariables1795983888612 implements MigrationInterface {
    name = 'QuantityVariables1795983888612'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "quantity_variable" ("name" character varying(100) NOT NULL, "label" character varying(200) NOT NULL, "unit" character varying(100), "currency" character varying(3), "description" text NOT NULL, "aliases" text NOT NULL, "ucdp" character varying(200), "acled" character varying(200), "created_by" character varying(36), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_08f69ed7fec76308c71b67f1353" PRIMARY KEY ("name"))`);
        for (const insert of seedQuantityVariables("now()")) await queryRunner.query(insert);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "quantity_variable"`);
    }

}
