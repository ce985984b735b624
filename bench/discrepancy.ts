/**
 * The discrepancy check's cost per logged figure as one variable grows: `npm run bench:discrepancy`
 * (SQLite, a temporary file) or with DATABASE_URL=postgres://... (a scratch database on that server).
 * Options: --sizes 1000,100000 (figures on the variable, grown in turn), --runs 30.
 *
 * The variable is filled the way an import fills it (refreshDiscrepancyFlags per 500 claims), then for each
 * size a claim with one figure is written and checked, inside a transaction that is rolled back, `runs` times:
 * - "contradicted": "at least 4,900" at an instant, which most figures contradict;
 * - "consistent": "between 0 and 10 million", which none contradicts (the pairwise check reads every figure).
 * Each is checked by figure_span (the app's check) and by the pairwise statements the app used before,
 * reproduced below as the baseline. Prints p50 and p90 in ms; nothing is asserted.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { Prng } from './prng';

const VARIABLE = 'deaths_reported';
const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

async function scratchDatabase(): Promise<{ drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const path = join(tmpdir(), `claimdesk-bench-discrepancy-${process.pid}.sqlite`);
    process.env.SQLITE_PATH = path;
    return { drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${path}${s}`, { force: true })) };
  }
  const name = `claimdesk_bench_disc_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return { drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A figure as a desk would log a toll over three years: instants, windows up to 90 days, 40% without time. */
function randomFigure(prng: Prng) {
  const start = prng.chance(0.4) ? null : new Date(FIRST + prng.int(0, 3 * 365) * DAY + prng.int(0, 23) * 3_600_000);
  const end = start && prng.chance(0.3) ? new Date(start.getTime() + prng.int(1, 90) * DAY) : start;
  const v = prng.int(1, 5000);
  const shape = prng.pick(['value', 'approx', 'lower', 'upper'] as const);
  const quantity = shape === 'lower' ? { lower: v } : shape === 'upper' ? { upper: v } : { value: v, approximate: shape === 'approx' };
  return { eventTime: { start, end, precision: start ? 'HOUR' : null }, quantity };
}

async function main(): Promise<void> {
  const sizes = option('sizes', '1000,100000').split(',').map(Number);
  const runs = Number(option('runs', '30'));
  const scratch = await scratchDatabase();
  // Entity column types are chosen from the environment when the entities are first imported.
  const { dataSourceOptions } = await import('../src/data-source-options');
  const { Claim } = await import('../src/claims/claim.entity');
  const { ClaimQuantity } = await import('../src/claims/claim-quantity.entity');
  const { refreshDiscrepancyFlags } = await import('../src/claims/analysis/figure-span-index');
  const { conflictSql, windowsOverlapSql } = await import('../src/claims/analysis/discrepancy-sql');
  const ds = new DataSource(dataSourceOptions(process.env));
  await ds.initialize();
  await ds.runMigrations();
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';

  const writeClaim = async (m: EntityManager, f: ReturnType<typeof randomFigure>, n: number) => {
    const claim = m.create(Claim, { statement: `Toll report ${n}.`, tags: [], eventTime: f.eventTime as never });
    const q = m.create(ClaimQuantity, { claimId: claim.id, variable: VARIABLE, ...f.quantity });
    return { claim, q };
  };

  /** The check as it was before figure_span: every figure on the variable, pairwise (its three statements). */
  const pairwise = async (m: EntityManager, ids: string[]) => {
    const run = (sql: string, params: Record<string, unknown>) => {
      const [query, parameters] = ds.driver.escapeQueryWithParameters(sql, params);
      return m.query(query, parameters);
    };
    const contradiction = (mine: string, theirs: string) => `EXISTS (SELECT 1 FROM claim_quantity n
      JOIN claim_quantity o ON o.variable = n.variable AND o.claim_id <> n.claim_id
      JOIN claim cn ON cn.id = n.claim_id JOIN claim co ON co.id = o.claim_id AND co.deleted_at IS NULL
      WHERE n.claim_id = ${mine} AND ${theirs} AND ${conflictSql('n', 'o')} AND ${windowsOverlapSql('cn', 'co')})`;
    await run(`UPDATE claim SET has_discrepancy = :off WHERE has_discrepancy = :on AND id IN (:...ids)`, { ids, on: true, off: false });
    await run(`UPDATE claim SET has_discrepancy = :on WHERE has_discrepancy = :off AND deleted_at IS NULL AND id IN (:...ids) AND ${contradiction('claim.id', '1 = 1')}`, { ids, on: true, off: false });
    await run(
      `UPDATE claim SET has_discrepancy = :on WHERE has_discrepancy = :off AND deleted_at IS NULL
       AND id IN (SELECT q.claim_id FROM claim_quantity q WHERE q.variable IN (SELECT v.variable FROM claim_quantity v WHERE v.claim_id IN (:...ids)))
       AND ${contradiction('claim.id', 'o.claim_id IN (:...ids)')}`,
      { ids, on: true, off: false },
    );
  };

  const prng = new Prng(20261129);
  let filled = 0;
  const rows: string[] = [];
  for (const size of sizes) {
    const began = Date.now();
    while (filled < size) {
      const batch = Math.min(500, size - filled);
      await ds.transaction(async (m) => {
        const written = await Promise.all(Array.from({ length: batch }, (_, i) => writeClaim(m, randomFigure(prng), filled + i)));
        await m.insert(Claim, written.map((w) => w.claim));
        await m.insert(ClaimQuantity, written.map((w) => w.q));
        await refreshDiscrepancyFlags(m, written.map((w) => w.claim.id), false);
      });
      filled += batch;
    }
    const [{ n: spans }] = await ds.query(`SELECT COUNT(*) AS n FROM figure_span`);
    const [{ n: flagged }] = await ds.query(`SELECT COUNT(*) AS n FROM claim WHERE has_discrepancy = ${process.env.DATABASE_URL ? 'true' : '1'}`);
    console.log(`${engine}: ${size} figures on ${VARIABLE} (filled in ${((Date.now() - began) / 1000).toFixed(1)} s, ${(Number(spans) / size).toFixed(1)} figure_span rows per figure, ${flagged} claims flagged)`);
    await ds.query(process.env.DATABASE_URL ? 'ANALYZE' : 'ANALYZE');

    const cases = {
      contradicted: { eventTime: { start: new Date(FIRST + 400 * DAY), end: new Date(FIRST + 400 * DAY), precision: 'DAY' }, quantity: { lower: 4900 } },
      consistent: { eventTime: { start: new Date(FIRST + 400 * DAY), end: new Date(FIRST + 400 * DAY), precision: 'DAY' }, quantity: { lower: 0, upper: 10_000_000 } },
    };
    if (process.argv.includes('--explain')) {
      const { contradictingPairsSql } = await import('../src/claims/analysis/discrepancy-sql');
      const [one] = await ds.query(`SELECT claim_id FROM figure_span WHERE kind = 'C' LIMIT 1`);
      const [q, p] = ds.driver.escapeQueryWithParameters(`SELECT DISTINCT p.theirs FROM (${contradictingPairsSql(false)}) p`, { ids: [one.claim_id] });
      const plan = await ds.query(`${process.env.DATABASE_URL ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN QUERY PLAN'} ${q}`, p);
      console.log(plan.map((r: Record<string, unknown>) => Object.values(r).join(' ')).join('\n'));
    }
    for (const [label, figure] of Object.entries(cases)) {
      for (const [method, check] of [
        ['figure_span', (m: EntityManager, ids: string[]) => refreshDiscrepancyFlags(m, ids, false)],
        ['pairwise (before)', pairwise],
      ] as const) {
        const times: number[] = [];
        for (let r = 0; r < runs; r++) {
          const runner = ds.createQueryRunner();
          await runner.startTransaction();
          try {
            const { claim, q } = await writeClaim(runner.manager, figure as never, -1);
            await runner.manager.insert(Claim, claim);
            await runner.manager.insert(ClaimQuantity, q);
            const t0 = process.hrtime.bigint();
            await check(runner.manager, [claim.id]);
            times.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } finally {
            await runner.rollbackTransaction();
            await runner.release();
          }
        }
        times.sort((a, b) => a - b);
        const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
        rows.push(`| ${engine} | ${size.toLocaleString('en')} | ${label} | ${method} | ${at(0.5)} | ${at(0.9)} |`);
        console.log(rows[rows.length - 1]);
      }
    }
  }
  console.log(`\n| database | figures on the variable | new figure | check | p50 ms | p90 ms |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
  await ds.destroy();
  await scratch.drop();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
