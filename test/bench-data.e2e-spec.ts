import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { benchCoordinates, benchVariable, generateDataSet } from '../bench/generate';
import { Prng } from '../bench/prng';
import { SqliteSink } from '../bench/sqlite-sink';
import { recreateSqlite } from '../bench/sqlite-target';
import { conflictSql, windowsOverlapSql } from '../src/claims/analysis/discrepancy-sql';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { AnalysisService } from '../src/claims/analysis/analysis.service';
import { ClaimsService } from '../src/claims/claims.service';
import { dataSourceOptions } from '../src/data-source-options';
import { ExportService } from '../src/exports/export.service';
import { WritableSink } from '../src/exports/writable-sink';
import { ImportService } from '../src/imports/import.service';
import { createTestDatabase, onPostgres } from './support/database';

const VARIABLE = /^[a-z][a-z0-9_]{0,99}$/; // the import's and logClaim's rule (claim-filter.input.ts, quantity.input.ts)

/**
 * A migrated database holding a generated data set: PostgreSQL through COPY (postgres-sink.ts) when DATABASE_URL
 * is set, else a SQLite file through sqlite-sink.ts (an in-memory database cannot be shared with the sink).
 */
async function generatedDatabase(scale: number, seed: number): Promise<{ env: NodeJS.ProcessEnv; ds: DataSource; drop(): Promise<void> }> {
  if (onPostgres) {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    await ds.runMigrations();
    await generateDataSet(db.env.DATABASE_URL as string, scale, seed, () => undefined);
    return { env: db.env, ds, drop: async () => (await ds.destroy(), await db.drop()) };
  }
  const path = join(tmpdir(), `claimdesk-bench-data-${process.pid}-${seed}.sqlite`);
  await recreateSqlite(path);
  await generateDataSet(new SqliteSink(path), scale, seed, () => undefined);
  const env = { ...process.env, SQLITE_PATH: path, DEMO_DATA: 'false' };
  const ds = new DataSource(dataSourceOptions(env));
  await ds.initialize();
  const drop = async () => {
    await ds.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  };
  return { env, ds, drop };
}

/** The rule as first written, pair by pair in SQL over claim_quantity (discrepancy-sql.ts): the claims it flags. */
const PAIRWISE_FLAGGED = `SELECT id FROM claim WHERE deleted_at IS NULL AND EXISTS (
  SELECT 1 FROM claim_quantity n JOIN claim_quantity o ON o.variable = n.variable AND o.claim_id <> n.claim_id
  JOIN claim cn ON cn.id = n.claim_id JOIN claim co ON co.id = o.claim_id AND co.deleted_at IS NULL
  WHERE n.claim_id = claim.id AND ${conflictSql('n', 'o')} AND ${windowsOverlapSql('cn', 'co')}) ORDER BY id`;

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

  // PostgreSQL through COPY, SQLite through the SQLite sink: the whole data set is checked on both.
  it('generates a data set whose derived values are the app\'s and whose export passes the import', async () => {
    const { env, ds, drop } = await generatedDatabase(0.001, 11);
    let app: INestApplicationContext | null = null;
    try {
      const variables: Array<{ variable: string }> = await ds.query(`SELECT DISTINCT variable FROM claim_quantity`);
      expect(variables.filter((v) => !VARIABLE.test(v.variable))).toEqual([]);
      const [bad] = await ds.query(`SELECT
        (SELECT count(*) FROM claim WHERE (place_latitude IS NULL) <> (place_longitude IS NULL)) AS coordinates,
        (SELECT count(DISTINCT sourcing) FROM claim) AS sourcings,
        (SELECT count(*) FROM claim WHERE has_discrepancy = ${onPostgres ? 'true' : '1'}) AS flagged`);
      expect(Number(bad.coordinates)).toBe(0);
      expect(Number(bad.sourcings)).toBeGreaterThanOrEqual(4);
      expect(Number(bad.flagged)).toBeGreaterThan(0);

      const saved = { ...process.env };
      Object.assign(process.env, env);
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
      await drop();
    }
  }, 120_000);

  // Issue 20: the flags are worked out in memory (bench/discrepancy-flags.ts) instead of by an UPDATE that took hours at 4M claims.
  it('writes the discrepancy flags that the pairwise rule gives, on claims and their figure_span rows', async () => {
    // 1,000 claims, about 600 figures on 81 variables: many claims flagged, and many not.
    const { ds, drop } = await generatedDatabase(0.01, 7);
    try {
      const on = onPostgres ? 'true' : '1';
      const generated: Array<{ id: string }> = await ds.query(`SELECT id FROM claim WHERE has_discrepancy = ${on} ORDER BY id`);
      const pairwise: Array<{ id: string }> = await ds.query(PAIRWISE_FLAGGED);
      const [{ live }] = await ds.query(`SELECT count(*) AS live FROM claim WHERE deleted_at IS NULL AND id IN (SELECT claim_id FROM claim_quantity)`);
      expect(generated.length).toBeGreaterThan(50);
      expect(generated.length).toBeLessThan(Number(live) - 50);
      expect(generated.map((c) => c.id)).toEqual(pairwise.map((c) => c.id));
      // Each figure_span row carries its claim's flag, as the app keeps it (claims/analysis/figure-span-index.ts).
      const [{ wrong }] = await ds.query(`SELECT count(*) AS wrong FROM figure_span s JOIN claim c ON c.id = s.claim_id WHERE s.flagged <> c.has_discrepancy`);
      expect(Number(wrong)).toBe(0);
    } finally {
      await drop();
    }
  }, 300_000);
});
