import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/data-source-options';
import { spanKeys } from '../src/claims/analysis/figure-spans';
import { createTestDatabase, onPostgres } from './support/database';

describe('FigureSpan migration on existing data', () => {
  it('files the live claims\' recorded figures with their stored flags, and none of a deleted claim', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      await ds.runMigrations();
      const at = ds.migrations.findIndex((m) => m.name?.startsWith('FigureSpan'));
      for (let i = at; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const now = new Date().toISOString();
      const p = (n: number) => (onPostgres ? `$${n}` : '?');
      const claim = (id: string, start: string | null, flagged: boolean, deletedAt: string | null) =>
        ds.query(
          `INSERT INTO claim (id, created_at, updated_at, version, statement, tags, event_time_start, event_time_end, has_discrepancy, deleted_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, 'A toll was reported.', '[]', ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
          [id, now, now, start, start, onPostgres ? flagged : Number(flagged), deletedAt],
        );
      const quantity = (id: string, claimId: string, lower: number) =>
        ds.query(`INSERT INTO claim_quantity (id, claim_id, position, variable, lower) VALUES (${p(1)}, ${p(2)}, 0, 'deaths_reported', ${p(3)})`, [id, claimId, lower]);
      await claim('00000000-0000-7000-8000-000000000001', '2024-03-01T10:00:00.000Z', true, null);
      await claim('00000000-0000-7000-8000-000000000002', null, false, null);
      await claim('00000000-0000-7000-8000-000000000003', null, true, now);
      await quantity('00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-000000000001', 10);
      await quantity('00000000-0000-7000-8000-0000000000a2', '00000000-0000-7000-8000-000000000002', 20);
      await quantity('00000000-0000-7000-8000-0000000000a3', '00000000-0000-7000-8000-000000000003', 30);
      await ds.runMigrations();
      const rows: Array<{ quantity_id: string; n: string | number; flagged: number | boolean; low: number }> = await ds.query(
        `SELECT quantity_id, COUNT(*) AS n, MIN(CASE WHEN flagged THEN 1 ELSE 0 END) AS flagged, MIN(low) AS low FROM figure_span GROUP BY quantity_id ORDER BY quantity_id`,
      );
      expect(rows.map((r) => ({ q: r.quantity_id.slice(-2), n: Number(r.n), flagged: Number(r.flagged), low: Number(r.low) }))).toEqual([
        { q: 'a1', n: spanKeys({ start: new Date('2024-03-01T10:00:00.000Z'), end: null }).length, flagged: 1, low: 10 },
        { q: 'a2', n: 2, flagged: 0, low: 20 },
      ]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
