import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnType, FULL_COLUMNS, QUANTITY_COLUMNS } from '../src/exports/export-columns';
import { createTableSql } from '../src/exports/postgres-ddl';
import { articleInput, logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { createTestDatabase, onPostgres } from './support/database';
import { baseUrl, csvRecords, getText } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;

/** A Python with pandas: Debian's python3-pandas lives in /usr/bin/python3 (CI installs it: .ci/run). */
function pythonWithPandas(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('This test needs python3 with pandas, as a researcher would use it: apt-get install -y python3-pandas');
}

/** Issue 17 item 5: the files load with the descriptor's types in pandas, and with \copy into a table generated from the schema. */
describe('export read-back with the data package', () => {
  let t: TestApp;
  let dir: string;
  let claimsCsv: string;
  let quantitiesCsv: string;
  let descriptor: string;

  beforeAll(async () => {
    t = await startTestApp();
    const rich = logClaimInput({
      tags: ['siege', 'negotiations'],
      place: { name: 'Tell Hamra', country: 'SY', latitude: 34.456789, longitude: -40.5, precision: 'NEAR' },
      eventTime: { start: '2019-02-18T00:00:00Z', end: '2019-02-20T00:00:00Z', precision: 'DAY' },
      quantities: [
        { variable: 'fighters_fled', lower: 1000, qualifier: 'at least', unit: 'fighters' },
        { variable: 'cash_taken', lower: 200000000, currency: 'USD', approximate: true },
      ],
      article: articleInput({ headline: 'Comma, "quotes" and\nnewline' }),
    });
    (rich.attributions as any[])[0].quote = { quote: 'they said, "at least"' };
    (rich.attributions as any[])[0].conditions = ['could not be independently verified'];
    expectData(await t.gql(LOG, { input: rich }));
    expectData(await t.gql(LOG, { input: logClaimInput({ tags: [] }) }));
    expectData(await t.gql(`mutation { createClaim(input: { statement: "A claim with no attribution." }) { id } }`));
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-readback-'));
    const base = baseUrl(t.url);
    [claimsCsv, quantitiesCsv, descriptor] = [join(dir, 'claims.csv'), join(dir, 'quantities.csv'), join(dir, 'datapackage.json')];
    writeFileSync(claimsCsv, (await getText(`${base}/exports/claims.csv`)).text);
    writeFileSync(quantitiesCsv, (await getText(`${base}/exports/quantities.csv`)).text);
    const served = await getText(`${base}/exports/datapackage.json`, {});
    expect(served.status).toBe(200);
    writeFileSync(descriptor, served.text);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const PANDAS: Record<ColumnType, RegExp> = {
    text: /^string$/, enum: /^string$/, list: /^string$/, integer: /^Int64$/, number: /^Float64$/, boolean: /^boolean$/,
    datetime: /^datetime64\[ns, UTC\]$/, date: /^datetime64\[ns, UTC\]$/,
  };

  it('loads in pandas with the schema\'s types: nullable Int64, boolean, tz-aware datetimes, no object columns', () => {
    const python = pythonWithPandas();
    for (const [resource, file, columns] of [['claims', claimsCsv, FULL_COLUMNS], ['quantities', quantitiesCsv, QUANTITY_COLUMNS]] as const) {
      const report = JSON.parse(execFileSync(python, [join(__dirname, 'support', 'read_with_schema.py'), descriptor, resource, file], { encoding: 'utf8' }));
      expect(report.rows).toBe(csvRecords(readFileSync(file, 'utf8')).length);
      expect(report.columns).toEqual(columns.map((c) => c.name));
      const wrong = columns.filter((c) => !PANDAS[c.type].test(report.dtypes[c.name])).map((c) => `${c.name}: ${c.type} read as ${report.dtypes[c.name]}`);
      expect(wrong).toEqual([]);
      expect(Object.values(report.dtypes)).not.toContain('object');
      expect(Object.values(report.lists_are_arrays).every(Boolean)).toBe(true);
      if (resource === 'quantities') expect(report.sums.best).toBe(200_000_000 + 1000 + 200); // the $200 million is a number, not text
    }
    expect(csvRecords(readFileSync(claimsCsv, 'utf8'))).toHaveLength(5);
  });

  it('generates a PostgreSQL table the CSV loads into with \\copy, list columns as jsonb', async () => {
    const ddl = createTableSql('claims', FULL_COLUMNS);
    expect(ddl).toContain('  "tags" jsonb NOT NULL,\n');
    expect(ddl).toContain('  "relay_chain" jsonb,\n');
    expect(ddl).toContain('  "created_at" timestamptz NOT NULL,\n');
    expect(ddl).toContain('  "quantity_best" double precision,\n');
    expect(ddl).toContain('  "credibility" bigint,\n');
    expect(ddl).toContain(`  "status" text NOT NULL CHECK ("status" IN ('UNVERIFIED', 'CORROBORATED', 'CONTESTED', 'CONFIRMED', 'FALSE', 'RETRACTED')),\n`);
    expect(ddl.match(/^ {2}"/gm)).toHaveLength(FULL_COLUMNS.length);
    if (!onPostgres) return; // The load itself needs a PostgreSQL server: it runs on the DATABASE_URL run of the suite.
    const db = await createTestDatabase();
    try {
      const script = join(dir, 'load.sql');
      writeFileSync(
        script,
        [
          ddl,
          createTableSql('quantities', QUANTITY_COLUMNS),
          `\\copy claims FROM '${claimsCsv}' WITH (FORMAT csv, HEADER true)`,
          `\\copy quantities FROM '${quantitiesCsv}' WITH (FORMAT csv, HEADER true)`,
          `SELECT json_build_object('rows', (SELECT count(*) FROM claims), 'sieges', (SELECT count(*) FROM claims WHERE tags ? 'siege'),
             'hops', (SELECT count(*) FROM claims WHERE jsonb_array_length(relay_chain) = 2 AND relay_chain->0->>'cue' = 'quoting'),
             'cash', (SELECT best FROM quantities WHERE variable = 'cash_taken'), 'bare', (SELECT count(*) FROM claims WHERE relay_chain IS NULL));`,
        ].join('\n'),
      );
      const out = execFileSync('psql', [db.env.DATABASE_URL as string, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-f', script], { encoding: 'utf8' });
      expect(JSON.parse(out.trim())).toEqual({ rows: 5, sieges: 2, hops: 2, cash: 200000000, bare: 1 });
    } finally {
      await db.drop();
    }
  });
});
