import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { FULL_COLUMNS, QUANTITY_COLUMNS, UCDP_COLUMNS } from '../src/exports/export-columns';
import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines } from './support/http';

/** Issue 17 item 7: Parquet with the schema's types, read back with an independent reader (hyparquet). */
describe('Parquet export', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
    const rich = logClaimInput({
      eventTime: { start: '2019-02-18T00:00:00Z', end: '2019-02-22T00:00:00Z', precision: 'DAY' },
      quantities: [{ variable: 'fighters_fled', lower: 1000, qualifier: 'at least' }, { variable: 'cash_taken', value: 200000000.5, currency: 'USD' }],
    });
    expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: rich }));
    expectData(await t.gql(`mutation { createClaim(input: { statement: "A claim with no attribution." }) { id } }`));
  });
  afterAll(() => t.close());

  const read = async (path: string) => {
    const res = await fetch(`${base}/exports/${path}`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const file = await res.arrayBuffer();
    return { metadata: parquetMetadata(file), rows: (await parquetReadObjects({ file })) as Array<Record<string, any>> };
  };
  const jsonl = async (path: string) => jsonLines((await getText(`${base}/exports/${path}`)).text).filter((r) => !r._summary);

  it('reads back with the same rows, columns and types as the JSON Lines export', async () => {
    const { metadata, rows } = await read('claims.parquet');
    const expected = await jsonl('claims.jsonl');
    expect(Number(metadata.num_rows)).toBe(expected.length);
    expect(rows).toHaveLength(expected.length);
    expect(metadata.schema.slice(1).map((s) => s.name)).toEqual(FULL_COLUMNS.map((c) => c.name));
    const types = Object.fromEntries(metadata.schema.slice(1).map((s) => [s.name, [s.type, s.converted_type ?? null, s.repetition_type]]));
    expect(types).toMatchObject({
      claim_id: ['BYTE_ARRAY', 'UTF8', 'REQUIRED'],
      quantity_best: ['DOUBLE', null, 'OPTIONAL'],
      independent_source_count: ['INT32', null, 'REQUIRED'],
      circular: ['BOOLEAN', null, 'REQUIRED'],
      created_at: ['INT64', 'TIMESTAMP_MILLIS', 'REQUIRED'],
      relay_chain: ['BYTE_ARRAY', 'JSON', 'OPTIONAL'],
    });
    for (const [i, row] of rows.entries()) {
      const want = expected[i];
      for (const c of FULL_COLUMNS) {
        const got = row[c.name];
        if (c.type === 'datetime') expect(got === null ? null : (got as Date).toISOString()).toBe(want[c.name]);
        else expect([c.name, got]).toEqual([c.name, want[c.name]]);
      }
    }
    const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(JSON.parse(kv['claimdesk.rows'] as string)).toBe(expected.length);
    expect(kv['claimdesk.complete']).toBe('true');
  });

  it('writes the quantities table and the UCDP profile, dates as DATE', async () => {
    const quantities = await read('quantities.parquet');
    expect(quantities.metadata.schema.slice(1).map((s) => s.name)).toEqual(QUANTITY_COLUMNS.map((c) => c.name));
    expect(quantities.rows.map((r) => [r.variable, r.best, r.position])).toEqual(expect.arrayContaining([['cash_taken', 200000000.5, 2]]));
    const ucdp = await read('claims.parquet?profile=ucdp');
    expect(ucdp.metadata.schema.slice(1).map((s) => s.name)).toEqual(UCDP_COLUMNS.map((c) => c.name));
    expect(ucdp.metadata.schema.find((s) => s.name === 'date_start')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    const primary = ucdp.rows.find((r) => r.primary_row && r.date_start);
    expect(primary).toMatchObject({ date_prec: 2, year: 2019 });
    expect((primary?.date_start as Date).toISOString()).toBe('2019-02-18T00:00:00.000Z');
  });

  it('writes a valid empty file when no claim matches', async () => {
    const { metadata, rows } = await read('claims.parquet?search=nothingmatchesthis');
    expect(Number(metadata.num_rows)).toBe(0);
    expect(rows).toEqual([]);
    expect(metadata.schema.length - 1).toBe(FULL_COLUMNS.length);
  });
});
