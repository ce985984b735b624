import { DataSource } from 'typeorm';

/**
 * After a bulk write, the planner's row counts are those of before it: PostgreSQL's autovacuum
 * analyses a table only some time later, and until then it plans a 10,000-claim export as if the
 * tables were nearly empty (one export took 60 s instead of 0.6 s). ANALYZE samples a bounded number
 * of rows, so it stays cheap on large tables; on SQLite `analysis_limit` bounds it the same way.
 */
export async function refreshPlannerStatistics(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    await dataSource.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`);
  } else {
    await dataSource.query('PRAGMA analysis_limit = 1000');
    for (const table of tables) await dataSource.query(`ANALYZE "${table}"`);
  }
}
