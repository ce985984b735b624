import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { LoadResult } from './load';
import { ServerName, SERVERS, Workload } from './workloads';

export interface WorkloadResult {
  workload: Workload;
  results: Partial<Record<ServerName, LoadResult>>;
  sqlStatements: number | null;
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

export function readTable(rows: WorkloadResult[]): string {
  const head = [
    '| workload | server | req/s | p50 ms | p99 ms | errors | server CPU ms/request | claimdesk ÷ PostGraphile req/s | claimdesk p50 ÷ floor p50 | claimdesk SQL/request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = rows.flatMap(({ workload, results, sqlStatements }) =>
    SERVERS.filter((s) => results[s]).map((server, i) => {
      const r = results[server] as LoadResult;
      const first = i === 0;
      return `| ${first ? workload.title : ''} | ${server} | ${f0(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} | ${r.cpuMsPerRequest?.toFixed(2) ?? '—'} | ${
        first ? ratio(results.claimdesk?.rps, results.postgraphile?.rps) : ''
      } | ${first ? ratio(results.claimdesk?.p50, results.floor?.p50) : ''} | ${first ? (sqlStatements ?? '—') : ''} |`;
    }),
  );
  return [...head, ...lines].join('\n');
}

export function writeTable(r: LoadResult & { firstError: string | null }, sqlStatements: number | null): string {
  return [
    '| write workload | server | req/s | p50 ms | p99 ms | errors | server CPU ms/request | SQL/request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| logClaim (2 attributions, 1 relay, 1 quote, new article each) | claimdesk | ${f0(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} | ${r.cpuMsPerRequest?.toFixed(2) ?? '—'} | ${sqlStatements ?? '—'} |`,
  ].join('\n');
}

export function machine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
}

/** Appends one run to BENCHMARKS.md (created with a heading if missing). */
export function record(section: string): string {
  const file = join(__dirname, '..', 'BENCHMARKS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nRuns of `npm run bench`, newest last. See bench/README.md for what each workload does.\n\n## Runs\n');
  appendFileSync(file, `\n${section}\n`);
  return file;
}
