import { DataSource } from 'typeorm';
import { Claim } from '../src/claims/claim.entity';
import { ClaimFilterInput } from '../src/claims/dto/claim-filter.input';
import { PLAIN_CLAIM_COLUMNS, ColumnDef } from '../src/exports/export-columns';
import { ClaimRecord } from '../src/exports/export-rows';
import { ExportReader, claimSelects } from '../src/exports/export-reader';
import { declaredSamples, logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';

/** A plain claim column is declared once, in export-columns.ts (`from`); the export reader's claim query is built from it. */
describe('plain claim columns of the export', () => {
  let t: TestApp;
  let claimId: string;
  let record: ClaimRecord;

  beforeAll(async () => {
    t = await startTestApp();
    const logged = expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: logClaimInput() }));
    claimId = logged.logClaim.id;
    // Every nullable plain column given a value, so a column read from the wrong place cannot pass as null = null.
    await t.app.get(DataSource).manager.update(Claim, claimId, {
      ...declaredSamples(),
      hedge: 'reportedly',
      externalId: 'origin-41',
      place: { name: 'Tell Hamra', adminArea: 'Raqqa', country: 'SY', precision: 'NEAR' as never, latitude: 35.95, longitude: 39.0125 },
      eventTime: { start: new Date('2019-02-01T06:30:00.000Z'), end: new Date('2019-02-03T18:00:00.000Z'), precision: 'HOUR' as never },
    });
    const reader = t.app.get(ExportReader);
    for await (const batch of reader.batches({} as ClaimFilterInput)) for (const bundle of batch) if (bundle.claim.claim_id === claimId) record = bundle.claim;
  });
  afterAll(() => t.close());

  it('reads every declared plain column, and nothing else of the claim', () => {
    expect(record).toBeDefined();
    expect(Object.keys(record).sort()).toEqual(PLAIN_CLAIM_COLUMNS.map((c) => c.name).sort());
    for (const c of PLAIN_CLAIM_COLUMNS) expect([c.name, record[c.name]]).not.toEqual([c.name, undefined]);
  });

  it('reads each entity-backed column from its declared property, in the export form of its type', async () => {
    const claim = await t.app.get(DataSource).manager.findOneByOrFail(Claim, { id: claimId });
    const property = (path: string) => path.split('.').reduce<any>((value, key) => value?.[key], claim);
    const exportForm = (c: ColumnDef, v: unknown) => (v instanceof Date ? v.toISOString() : c.type === 'number' && v !== null ? Number(v) : v);
    let checked = 0;
    for (const c of PLAIN_CLAIM_COLUMNS) {
      if (!('claim' in c.from)) continue;
      expect([c.name, record[c.name]]).toEqual([c.name, exportForm(c, property(c.from.claim))]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // And the declarations themselves, against the values written above.
    expect(record).toMatchObject({
      claim_id: claimId, hedge: 'reportedly', external_id: 'origin-41', tags: ['siege'], status: 'UNVERIFIED',
      place_name: 'Tell Hamra', place_admin_area: 'Raqqa', place_country: 'SY', place_precision: 'NEAR', latitude: 35.95, longitude: 39.0125,
      event_start: '2019-02-01T06:30:00.000Z', event_end: '2019-02-03T18:00:00.000Z', event_precision: 'HOUR',
    });
  });

  it('reads an SQL-declared column through its expression', () => {
    // logClaimInput cites one article through both attributions: one report.
    expect(record.article_count).toBe(1);
  });

  it('refuses, when the reader is built, a column declared from a property the Claim entity does not have', () => {
    const misnamed = [{ name: 'summary', type: 'text', doc: '', from: { claim: 'summry' } }] as never;
    expect(() => claimSelects(t.app.get(DataSource), misnamed)).toThrow('export column summary: the Claim entity has no property summry');
  });
});
