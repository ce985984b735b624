import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { benchCoordinates, benchVariable, generateDataSet } from '../bench/generate';
import { Prng } from '../bench/prng';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { AnalysisService } from '../src/analysis/analysis.service';
import { ClaimsService } from '../src/claims/claims.service';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ExportService } from '../src/exports/export.service';
import { WritableSink } from '../src/exports/writable-sink';
import { ImportService } from '../src/imports/import.service';
import { createTestDatabase, onPostgres } from './support/database';

const VARIABLE = /^[a-z][a-z0-9_]{0,99}$/; // the import's and logClaim's rule (claim-filter.input.ts, quantity.input.ts)

/** Issue 17 item 11: the benchmark generator writes data the app itself accepts, with true derived values. */
describe('benchmark data obeys the app\'s rules', () => {
  it('makes snake_case variables and places with both coordinates or none', () => {
    expect(benchVariable('aid workers', 'arrived in')).toBe('aid_workers_arrived_in');
    for (const noun of ['fighters', 'aid workers']) for (const verb of ['killed', 'arrived in']) expect(benchVariable(noun, verb)).toMatch(VARIABLE);
    const prng = new Prng(3);
    const draws = Array.from({ length: 500 }, (_, i) => benchCoordinates(prng, i % 3 !== 0));
    expect(draws.filter(([lat, lon]) => (lat === null) !== (lon === null))).toEqual([]);
    expect(draws.filter(([lat]) => lat !== null).length).toBeGreaterThan(100);
    expect(draws.filter((_, i) => i % 3 === 0).every(([lat]) => lat === null)).toBe(true);
  });

  // The generator writes with PostgreSQL's COPY (the SQLite sink shares its rows); the whole data set is checked on the DATABASE_URL run.
  it('generates a data set whose derived values are the app\'s and whose export passes the import', async () => {
    if (!onPostgres) return;
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    let app: INestApplicationContext | null = null;
    try {
      await ds.initialize();
      await ds.runMigrations();
      await generateDataSet(db.env.DATABASE_URL as string, 0.001, 11, () => undefined);
      const [bad] = await ds.query(`SELECT
        (SELECT count(*) FROM claim_quantity WHERE variable !~ '^[a-z][a-z0-9_]{0,99}$')::int AS variables,
        (SELECT count(*) FROM claim WHERE (place_latitude IS NULL) <> (place_longitude IS NULL))::int AS coordinates,
        (SELECT count(DISTINCT sourcing) FROM claim)::int AS sourcings,
        (SELECT count(*) FROM claim WHERE has_discrepancy)::int AS flagged`);
      expect(bad).toMatchObject({ variables: 0, coordinates: 0 });
      expect(bad.sourcings).toBeGreaterThanOrEqual(4);
      expect(bad.flagged).toBeGreaterThan(0);

      const saved = { ...process.env };
      Object.assign(process.env, db.env);
      const { AppModule } = await import('../src/app.module');
      app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
      process.env = saved;
      const snapshot = () =>
        Promise.all([
          ds.query(`SELECT id, sourcing, independent_source_count, denying_source_count, questioning_source_count, circular, speaker_anonymity, has_discrepancy FROM claim WHERE deleted_at IS NULL ORDER BY id`),
          ds.query(`SELECT * FROM claim_source ORDER BY source_id, claim_id`),
          ds.query(`SELECT * FROM figure_span ORDER BY quantity_id, kind, node`),
        ]);
      const generated = await snapshot();
      expect(generated[2].length).toBeGreaterThan(0);
      const ids = generated[0].map((c: { id: string }) => c.id);
      expect(generated[1].length).toBeGreaterThan(ids.length);
      // The app recomputes every claim's derived values by its own code, then nothing may have changed.
      await ds.transaction(async (manager) => {
        await (app as INestApplicationContext).get(AnalysisService).refreshSourcing(manager, ids);
        // The discrepancy check files every figure again and works out each flag from those rows.
        await manager.query(`DELETE FROM figure_span`);
        await (app as INestApplicationContext).get(ClaimsService).notifyFiguresChanged(manager, ids.map((claimId: string) => ({ claimId, before: null })));
        const recomputed = await Promise.all([
          manager.query(
            `SELECT id, sourcing, independent_source_count, denying_source_count, questioning_source_count, circular, speaker_anonymity, has_discrepancy FROM claim WHERE deleted_at IS NULL ORDER BY id`,
          ),
          manager.query(`SELECT * FROM claim_source ORDER BY source_id, claim_id`),
          manager.query(`SELECT * FROM figure_span ORDER BY quantity_id, kind, node`),
        ]);
        expect(recomputed).toEqual(generated);
        throw new Error('rollback');
      }).catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });

      let csv = '';
      const sink = new Writable({ write: (chunk, _enc, done) => ((csv += String(chunk)), done()) });
      const summary = await app.get(ExportService).run({ format: 'csv', profile: 'full', filter: {}, generatedAt: new Date() }, new WritableSink(sink));
      expect(summary.rows).toBeGreaterThan(ids.length);
      // Every row passes the import's validation (a dry run: the claims are already here, so nothing would change).
      const report = await app.get(ImportService).run(csv, { format: 'csv', dryRun: true, actor: SYSTEM_ACTOR });
      expect(report).toMatchObject({ rows: summary.rows, claimsUnchanged: ids.length });
    } finally {
      await app?.close();
      await ds.destroy();
      await db.drop();
    }
  }, 120_000);
});
