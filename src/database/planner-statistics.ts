import { DataSource, EntityManager } from 'typeorm';

/**
 * After a bulk write, the planner's row counts are those of before it: PostgreSQL's autovacuum
 * analyses a table only some time later, and until then it plans a 10,000-claim export as if the
 * tables were nearly empty (one export took 60 s instead of 0.6 s). ANALYZE samples a bounded number
 * of rows, so it stays cheap on large tables; on SQLite `analysis_limit` bounds it the same way.
 * Given a transaction's manager, it runs inside that transaction: both databases then count its own
 * uncommitted rows, so the statements that follow in it are planned for them.
 */
export async function refreshPlannerStatistics(db: DataSource | EntityManager, tables: readonly string[]): Promise<void> {
  const dataSource = db instanceof EntityManager ? db.connection : db;
  if (dataSource.options.type === 'postgres') {
    await db.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`);
  } else {
    await db.query('PRAGMA analysis_limit = 1000');
    for (const table of tables) await db.query(`ANALYZE "${table}"`);
  }
}
