import { MigrationInterface, QueryRunner } from "typeorm";

/** Editors' links between articles that are (or are not) copies of one wire story. */
export class WireLink1795992000000 implements MigrationInterface {
    name = 'WireLink1795992000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "wire_link" ("id" varchar(36) PRIMARY KEY NOT NULL, "article_id" varchar(36) NOT NULL, "other_article_id" varchar(36) NOT NULL, "copies" boolean NOT NULL, "origin_joins" text NOT NULL, "linked_by" varchar(36), "linked_at" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_wire_link_pair" ON "wire_link" ("article_id", "other_article_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_wire_link_other" ON "wire_link" ("other_article_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_wire_link_other"`);
        await queryRunner.query(`DROP INDEX "IDX_wire_link_pair"`);
        await queryRunner.query(`DROP TABLE "wire_link"`);
    }

}
