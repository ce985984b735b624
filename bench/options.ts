import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Command-line flags of `npm run bench`. */
export interface BenchOptions {
  smoke: boolean;
  scale: number;
  duration: number; // seconds per timed workload
  warmup: number; // seconds of untimed load before each timed run
  connections: number;
  seed: number;
  reuseDb: boolean; // skip generation when the database already holds a data set of this scale
  generateOnly: boolean; // stop after the data set: time generation alone
  only: string[] | null; // workload keys, e.g. a,b
  noWrite: boolean;
  record: boolean; // append the run to BENCHMARKS.md
  pgUrl: string; // server URL without database
  dbName: string;
  build: boolean;
  cpuProf: string | null; // directory: run claimdesk under node --cpu-prof
  sqlite: string | null; // --sqlite: claimdesk alone on this SQLite file
}

const HELP = `npm run bench -- [flags]
  --smoke              tiny data set (scale 0.01), 2 s per workload, 1 s warm-up; still verifies
  --scale X            multiply the default data set (100k claims, 250k attributions, ...) by X
  --duration S         seconds per timed workload (default 20)
  --warmup S           seconds of warm-up load before each (default 5)
  --connections N      autocannon connections (default 16)
  --seed N             PRNG seed (default 42)
  --only a,b,c,d,e,w   run only these workloads (w = logClaim write)
  --no-write           skip the logClaim write workload
  --reuse-db           keep an existing bench database of the same scale and seed
  --generate-only      make the data set (or find it with --reuse-db), print its timings and stop
  --no-record          do not append the results to BENCHMARKS.md (default for --smoke)
  --no-build           do not run npm run build first
  --cpu-prof DIR       run claimdesk with node --cpu-prof --cpu-prof-dir DIR
  --sqlite             claimdesk alone on a SQLite file (the embedded default): same data set and workloads,
                       no PostGraphile or floor; the file is BENCH_SQLITE or <tmpdir>/claimdesk_bench_s<scale>.sqlite
  env BENCH_PG_URL     server URL (default postgres://postgres@127.0.0.1:5432), BENCH_DB (default claimdesk_bench)`;

export function parseOptions(argv: string[]): BenchOptions {
  const has = (flag: string) => argv.includes(flag);
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (has('--help') || has('-h')) {
    console.log(HELP);
    process.exit(0);
  }
  const smoke = has('--smoke');
  const num = (flag: string, fallback: number) => {
    const raw = value(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number, got ${raw}`);
    return n;
  };
  const only = value('--only');
  return {
    smoke,
    scale: num('--scale', smoke ? 0.01 : 1),
    duration: num('--duration', smoke ? 2 : 20),
    warmup: num('--warmup', smoke ? 1 : 5),
    connections: num('--connections', 16),
    seed: num('--seed', 42),
    reuseDb: has('--reuse-db'),
    generateOnly: has('--generate-only'),
    only: only ? only.split(',').map((s) => s.trim()) : null,
    noWrite: has('--no-write'),
    record: !smoke && !has('--no-record'),
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432',
    dbName: process.env.BENCH_DB ?? (smoke ? 'claimdesk_bench_smoke' : 'claimdesk_bench'),
    build: !has('--no-build'),
    cpuProf: value('--cpu-prof') ?? null,
    sqlite: has('--sqlite') ? (process.env.BENCH_SQLITE ?? join(tmpdir(), `claimdesk_bench_s${num('--scale', smoke ? 0.01 : 1)}.sqlite`)) : null,
  };
}

export function databaseUrl(options: BenchOptions, name = options.dbName): string {
  return `${options.pgUrl.replace(/\/+$/, '')}/${name}`;
}
