import { MigrationInterface, QueryRunner } from "typeorm";
import { seedQuantityVariables } from "../seeds/quantity-variables-v1";

export class QuantityVariables1795983875823 implements MigrationInterface {
    name = 'QuantityVariables1795983875823'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "quantity_variable" ("name" varchar(100) PRIMARY KEY NOT NULL, "label" varchar(200) NOT NULL, "unit" varchar(100), "currency" varchar(3), "description" text NOT NULL, "aliases" text NOT NULL, "ucdp" varchar(200), "acled" varchar(200), "created_by" varchar(36), "created_at" datetime NOT NULL)`);
        for (const insert of seedQuantityVariables("datetime('now')")) await queryRunner.query(insert);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "quantity_variable"`);
    }

}
