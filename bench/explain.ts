import { DataSource } from 'typeorm';
import { ClaimFilterInput } from '../src/claims/dto/claim-filter.input';
import { databaseUrl, parseOptions } from './options';

/**
 * `npm run bench:explain` (BENCH_DB names the bench database): EXPLAIN (ANALYZE, BUFFERS) of the
 * claims list's filter query for each editor filter, built by the app's own applyClaimFilter exactly
 * as a NEWEST page of 25 asks it (claims.service.ts pageQuery + listTreeTexts' inner query, with the source
 * names resolved first and the values planned for, as the app does; the JSON tree is then built for the 25 ids found). Prints a markdown summary and every plan.
 */
const FILTERS: Array<[string, ClaimFilterInput]> = [
  ['b: source "CNN" (name or alias) + anonymous only', { source: 'CNN', anonymity: 'ANONYMOUS_ONLY' as never }],
  ['source "CNN"', { source: 'CNN' }],
  ['source "Source 4000 Office" (a rare named speaker)', { source: 'Source 4000 Office' }],
  ['relayedBy "AFP"', { relayedBy: 'AFP' }],
  ['relayedBy "Outlet 300 News" (a rare relay) + anonymous only', { relayedBy: 'Outlet 300 News', anonymity: 'ANONYMOUS_ONLY' as never }],
  ['sourceKind GOVERNMENT', { sourceKind: 'GOVERNMENT' as never }],
  ['anonymity NAMED_ONLY', { anonymity: 'NAMED_ONLY' as never }],
  ['sourcing CORROBORATED', { sourcing: 'CORROBORATED' as never }],
  ['minIndependentSources 3', { minIndependentSources: 3 }],
  ['maxIndependentSources 0', { maxIndependentSources: 0 }],
  ['status RETRACTED', { status: 'RETRACTED' as never }],
  ['variable "cash_taken"', { variable: 'cash_taken' }],
  ['place "Raqqa"', { place: 'Raqqa' }],
  ['place "UA" (country)', { place: 'UA' }],
  ['tag "ceasefire"', { tag: 'ceasefire' }],
  // The data set's clock starts on 2024-01-01 and moves milliseconds per record; events reach back up to 30 days.
  ['event window: one day', { eventFrom: new Date('2023-12-20T00:00:00Z'), eventTo: new Date('2023-12-21T00:00:00Z') }],
  ['publication window: one hour', { publishedFrom: new Date('2024-01-01T10:00:00Z'), publishedTo: new Date('2024-01-01T11:00:00Z') }],
  ['text search "fighters"', { search: 'fighters' }],
  ['text search "claim 4242" (rare)', { search: '(claim 4242)' }],
  ['stance DENIES', { stance: 'DENIES' as never }],
  ['hasDiscrepancy true', { hasDiscrepancy: true }],
  ['combined: source "CNN" + status CONTESTED + tag "siege" + place "SY"', { source: 'CNN', status: 'CONTESTED' as never, tag: 'siege', place: 'SY' }],
];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const url = databaseUrl(options);
  process.env.DATABASE_URL = url;
  const { dataSourceOptions } = await import('../src/database/data-source-options');
  const { applyClaimFilter, resolveClaimFilter } = await import('../src/claims/claim-filter');
  const { PostgresTextSearch } = await import('../src/database/text-search');
  const { PostgresIdSetSql } = await import('../src/database/id-set-sql');
  const textSearch = new PostgresTextSearch();
  const { Claim } = await import('../src/claims/claim.entity');
  const ds = new DataSource(dataSourceOptions({ ...process.env, DATABASE_URL: url }));
  await ds.initialize();
  const summary: string[] = ['| filter | rows | execution ms | planning ms | shared buffers hit / read |', '| --- | ---: | ---: | ---: | --- |'];
  const plans: string[] = [];
  try {
    for (const [title, filter] of FILTERS) {
      const resolved = await resolveClaimFilter(ds.manager, filter, textSearch);
      const qb = applyClaimFilter(ds.manager.createQueryBuilder(Claim, 'c'), filter, textSearch, resolved, new PostgresIdSetSql()).orderBy('c.id', 'DESC');
      const [query, parameters] = qb.select('c.id', 'id').addSelect('c.event_time_start', 'event_start').getQueryAndParameters();
      const sql = `${query} LIMIT 26`;
      await ds.query(sql, parameters); // warm, as the running app's cache would be
      const rows: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const num = (re: RegExp) => plan.match(re)?.[1] ?? '?';
      const returned = (await ds.query(sql, parameters)).length;
      const buffers = plan.match(/Buffers: shared (.*)/)?.[1] ?? '';
      summary.push(`| ${title} | ${returned} | ${num(/Execution Time: ([\d.]+)/)} | ${num(/Planning Time: ([\d.]+)/)} | ${buffers} |`);
      plans.push(`#### ${title}\n\n\`\`\`\n${sql.replace(/\s+/g, ' ')}\n-- parameters: ${JSON.stringify(parameters)}\n\n${plan}\n\`\`\``);
    }
  } finally {
    await ds.destroy();
  }
  console.log([summary.join('\n'), '', ...plans].join('\n\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
