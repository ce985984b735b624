import type { QueryRunner } from "typeorm";

/**
 * An FTS5 table that mirrors claim statements (the claim's id and its statement), kept by triggers so
 * that every writer (logClaim, imports, edits) keeps it right. It stores the claim's id rather than
 * borrowing the claim table's rowid, which VACUUM may renumber. SQLite only.
 *
 * A migration that rebuilds the claim table (the temporary_claim pattern) drops the triggers with the
 * old table and must create them again (`triggers`).
 */
export function statementMirror(table: string, tokenize: string) {
  const mirror = statementMirrorSql(table, tokenize);
  return {
    ...mirror,
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of [mirror.create, ...mirror.triggers, mirror.fill]) await queryRunner.query(sql);
    },
    async down(queryRunner: QueryRunner): Promise<void> {
      for (const sql of mirror.drop) await queryRunner.query(sql);
    },
  };
}

function statementMirrorSql(table: string, tokenize: string) {
  const insert = `INSERT INTO "${table}" ("claim_id", "statement") VALUES (new."id", new."statement")`;
  return {
    create: `CREATE VIRTUAL TABLE "${table}" USING fts5("claim_id" UNINDEXED, "statement", tokenize = '${tokenize}')`,
    triggers: [
      `CREATE TRIGGER "${table}_insert" AFTER INSERT ON "claim" BEGIN ${insert}; END`,
      `CREATE TRIGGER "${table}_update" AFTER UPDATE OF "statement" ON "claim" BEGIN DELETE FROM "${table}" WHERE "claim_id" = old."id"; ${insert}; END`,
      `CREATE TRIGGER "${table}_delete" AFTER DELETE ON "claim" BEGIN DELETE FROM "${table}" WHERE "claim_id" = old."id"; END`,
    ],
    fill: `INSERT INTO "${table}" ("claim_id", "statement") SELECT "id", "statement" FROM "claim"`,
    drop: [`DROP TRIGGER "${table}_delete"`, `DROP TRIGGER "${table}_update"`, `DROP TRIGGER "${table}_insert"`, `DROP TABLE "${table}"`],
  };
}
