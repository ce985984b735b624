import { DataSource } from 'typeorm';
import { ClaimFilterInput } from '../src/claims/dto/claim-filter.input';
import { databaseUrl, parseOptions } from './options';

/**
 * `npm run bench:explain` (BENCH_DB names the bench database; with --sqlite, the SQLite bench file, and
 * EXPLAIN QUERY PLAN with the query's time): EXPLAIN (ANALYZE, BUFFERS) of the
 * claims list's filter query for each editor filter, built by the app's own applyClaimFilter exactly
 * as a NEWEST page of 25 asks it (claims.service.ts pageQuery + listTreeTexts' inner query, with the filter
 * resolved first (resolveClaimFilter: source names to ids, small sets counted; its time is the "resolve ms"
 * column) and the values planned for, as the app does; the JSON tree is then built for the 25 ids found).
 * Prints a markdown summary and every plan.
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
  // Inside the data set at scale 1 too (its clock reaches about 05:45 on the first day).
  ['publication window: one hour, 02:00', { publishedFrom: new Date('2024-01-01T02:00:00Z'), publishedTo: new Date('2024-01-01T03:00:00Z') }],
  ['publication window: from 2024-01-02 (the newest claims)', { publishedFrom: new Date('2024-01-02T00:00:00Z') }],
  ['text search "fighters"', { search: 'fighters' }],
  ['text search "claim 4242" (rare)', { search: '(claim 4242)' }],
  ['stance DENIES', { stance: 'DENIES' as never }],
  ['hasDiscrepancy true', { hasDiscrepancy: true }],
  ['combined: source "CNN" + status CONTESTED + tag "siege" + place "SY"', { source: 'CNN', status: 'CONTESTED' as never, tag: 'siege', place: 'SY' }],
];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const url = databaseUrl(options);
  // Entity column types are chosen from the environment at import: set it before importing the app.
  if (options.sqlite) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  const { dataSourceOptions } = await import('../src/data-source-options');
  const { applyClaimFilter, resolveClaimFilter } = await import('../src/claims/claim-filter');
  const { textSearchFor } = await import('../src/database/text-search');
  const { idSetSqlFor } = await import('../src/database/id-set-sql');
  const { Claim } = await import('../src/claims/claim.entity');
  const ds = new DataSource(options.sqlite ? dataSourceOptions({ SQLITE_PATH: options.sqlite }) : dataSourceOptions({ ...process.env, DATABASE_URL: url }));
  await ds.initialize();
  const textSearch = textSearchFor(ds.options.type);
  const idSet = idSetSqlFor(ds.options.type);
  const summary: string[] = options.sqlite
    ? ['| filter | rows | resolve ms | query ms (median of 3) |', '| --- | ---: | ---: | ---: |']
    : ['| filter | rows | resolve ms | execution ms | planning ms | shared buffers hit / read |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  const plans: string[] = [];
  const ms = (since: bigint) => (Number(process.hrtime.bigint() - since) / 1e6).toFixed(1);
  try {
    for (const [title, filter] of FILTERS) {
      // What the app runs before the list query (source names to ids, the small sets counted), timed as it runs it.
      const resolving = process.hrtime.bigint();
      const resolved = await resolveClaimFilter(ds.manager, filter, textSearch);
      const resolveMs = ms(resolving);
      const qb = applyClaimFilter(ds.manager.createQueryBuilder(Claim, 'c'), filter, textSearch, resolved, idSet).orderBy('c.id', 'DESC');
      const [query, parameters] = qb.select('c.id', 'id').addSelect('c.event_time_start', 'event_start').getQueryAndParameters();
      const sql = `${query} LIMIT 26`;
      await ds.query(sql, parameters); // warm, as the running app's cache would be
      const returned = (await ds.query(sql, parameters)).length;
      const shownSql = `${sql.replace(/\s+/g, ' ')}\n-- parameters: ${JSON.stringify(parameters)}`;
      if (options.sqlite) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const started = process.hrtime.bigint();
          await ds.query(sql, parameters);
          times.push(Number(ms(started)));
        }
        const rows: Array<{ detail: string }> = await ds.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        summary.push(`| ${title} | ${returned} | ${resolveMs} | ${times.sort((x, y) => x - y)[1].toFixed(1)} |`);
        plans.push(`#### ${title}\n\n\`\`\`\n${shownSql}\n\n${rows.map((r) => r.detail).join('\n')}\n\`\`\``);
        continue;
      }
      const rows: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const num = (re: RegExp) => plan.match(re)?.[1] ?? '?';
      const buffers = plan.match(/Buffers: shared (.*)/)?.[1] ?? '';
      summary.push(`| ${title} | ${returned} | ${resolveMs} | ${num(/Execution Time: ([\d.]+)/)} | ${num(/Planning Time: ([\d.]+)/)} | ${buffers} |`);
      plans.push(`#### ${title}\n\n\`\`\`\n${shownSql}\n\n${plan}\n\`\`\``);
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
