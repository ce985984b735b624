import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, onPostgres } from './support/database';

const TABLES = ['article', 'attribution', 'citation', 'claim', 'claim_quantity', 'relay_hop', 'source', 'source_alias'];

async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = onPostgres
    ? await ds.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
    : await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).filter((n) => n !== 'migrations').sort();
}

describe('migrations', () => {
  it('run from empty, leave nothing pending, and revert cleanly', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      expect(await tableNames(ds)).toEqual([]);
      const applied = await ds.runMigrations();
      expect(applied.length).toBe(ds.migrations.length);
      expect(await tableNames(ds)).toEqual(expect.arrayContaining(TABLES));
      expect(await ds.showMigrations()).toBe(false);
      // The entities and the migrated schema agree: nothing left for TypeORM to generate.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      expect(await tableNames(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
