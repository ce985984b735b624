import { PLAIN_CLAIM_COLUMNS, FULL_COLUMNS, UCDP_COLUMNS } from '../src/exports/export-columns';
import { AttributionRecord, ClaimBundle, QuantityRecord, WORKED_OUT_COLUMNS, bestLowHigh, fullRows, ucdpDatePrec, ucdpRow } from '../src/exports/export-rows';

const quantity = (q: Partial<QuantityRecord>): QuantityRecord => ({
  variable: 'killed', value: null, lower: null, lowerInclusive: true, upper: null, upperInclusive: true, approximate: false, qualifier: null, unit: null, currency: null, vague: false, ...q,
});

const link = (name: string) => ({ source_id: `id-${name}`, name, kind: 'MEDIA_OUTLET', cue: 'quoting' });

const attribution = (a: Partial<AttributionRecord>): AttributionRecord => ({
  id: 'a1', sourceId: 's1', sourceName: 'a senior military official', sourceKind: 'ANONYMOUS', sourceReliability: null, stance: 'ASSERTS', cue: 'quoting',
  mode: 'PARAPHRASE', saidAt: null, credibility: 2, anonymityGranted: false, anonymityReason: null, relationship: null, conditions: [], chain: [link('CNN')], quote: 'q',
  articleUrl: 'https://x.example.org/a', articleHeadline: 'H', articlePublisher: 'Wire', articlePublishedAt: new Date('2019-02-18T12:00:00Z'), ...a,
});

const bundle = (over: Partial<ClaimBundle> = {}): ClaimBundle => ({
  claim: {
    claim_id: 'c1', statement: 'S', hedge: null, status: 'UNVERIFIED', tags: ['t'], place_name: 'Baghouz', place_admin_area: null, place_country: 'SY', place_precision: 'ADMIN2',
    latitude: 34.5, longitude: -40.25, event_start: '2019-02-01T00:00:00.000Z', event_end: '2019-02-28T00:00:00.000Z', event_precision: 'MONTH',
    independent_source_count: 1, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-02T00:00:00.000Z',
    external_id: 'origin-7', sourcing: 'CONTESTED', circular: true, has_discrepancy: false, article_count: 2,
  },
  quantities: [quantity({ lower: 1000, qualifier: 'at least' }), quantity({ variable: 'cash', lower: 2e8, currency: 'USD' })],
  attributions: [attribution({}), attribution({ id: 'a2', chain: [link('AFP'), link('CNN')] }), attribution({ id: 'a3', sourceId: 's2', stance: 'DENIES' })],
  ...over,
});

describe('export row mapping', () => {
  it('reads best, low and high as the codebook defines them', () => {
    expect(bestLowHigh(quantity({ value: 300, approximate: true }))).toEqual({ low: 300, best: 300, high: 300 });
    expect(bestLowHigh(quantity({ lower: 300, lowerInclusive: false }))).toEqual({ low: 300, best: 300, high: null });
    expect(bestLowHigh(quantity({ upper: 50 }))).toEqual({ low: null, best: 50, high: 50 });
    expect(bestLowHigh(quantity({ lower: 40, upper: 60 }))).toEqual({ low: 40, best: 40, high: 60 });
    expect(bestLowHigh(quantity({ lower: 40, value: 50, upper: 60 }))).toEqual({ low: 40, best: 50, high: 60 });
  });

  it('fills every full-profile column once: a plain claim column as read, any other worked out in export-rows.ts', () => {
    const plain = PLAIN_CLAIM_COLUMNS.map((c) => c.name);
    expect(plain.filter((name) => WORKED_OUT_COLUMNS.includes(name))).toEqual([]);
    expect([...plain, ...WORKED_OUT_COLUMNS].sort()).toEqual(FULL_COLUMNS.map((c) => c.name).sort());
    const [row] = fullRows(bundle());
    for (const name of plain) expect([name, row[name]]).toEqual([name, bundle().claim[name]]);
  });

  it('writes one row per attribution with every column in codebook order', () => {
    const rows = fullRows(bundle());
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row)).toEqual(FULL_COLUMNS.map((c) => c.name));
    expect(rows[1].relay_chain).toEqual([link('AFP'), link('CNN'), { source_id: 's1', name: 'a senior military official', kind: 'ANONYMOUS', cue: 'quoting' }]);
    expect(rows[1]).toMatchObject({ row_id: 'a2', external_id: 'origin-7', sourcing: 'CONTESTED', circular: true, has_discrepancy: false, source_anonymous: true, quantity_variable: 'killed', quantity_low: 1000, quantity_high: null });
    expect(rows[0].quantities_json).toHaveLength(2);
    expect(rows[0].quantity_high_inclusive).toBeNull();
  });

  it('writes the stored derived values, the ones the claims filter reads', () => {
    expect(fullRows(bundle())[0].independent_source_count).toBe(1);
  });

  it('gives a claim without attributions one row', () => {
    const [row] = fullRows(bundle({ attributions: [], quantities: [] }));
    expect(row).toMatchObject({ claim_id: 'c1', row_id: 'c1', attribution_id: null, relay_chain: null, conditions: null, quantities_json: [], tags: ['t'], quantity_best: null });
  });

  it('projects UCDP columns with GED precision codes', () => {
    const row = ucdpRow(fullRows(bundle())[0], new Map([['killed', 'best']]));
    expect(Object.keys(row)).toEqual(UCDP_COLUMNS.map((c) => c.name));
    expect(row).toMatchObject({ id: 'a1', variable: 'killed', ucdp_variable: 'best', primary_row: true, year: 2019, number_of_sources: 2, independent_source_count: 1, approximate: false, low_inclusive: true, qualifier: 'at least', source_article: 'Wire, 2019-02-18, H', best: 1000, low: 1000, high: null, date_prec: 4, where_prec: 3, source_date: '2019-02-18', date_start: '2019-02-01', date_end: '2019-02-28', source_original: 'a senior military official' });
  });

  it('flags one primary row per claim, so summing best over primary rows counts each claim once', () => {
    const rows = [bundle(), bundle({ claim: { ...bundle().claim, claim_id: 'c2' } })].flatMap(fullRows).map((r) => ucdpRow(r, new Map()));
    expect(rows.map((r) => r.primary_row)).toEqual([true, false, false, true, false, false]);
    expect(rows.filter((r) => r.primary_row).reduce((sum, r) => sum + (r.best as number), 0)).toBe(2000);
  });

  it('derives UCDP date_prec from the length of the event window, as UCDP codes it', () => {
    const day = (d: string) => `${d}T00:00:00.000Z`;
    expect(ucdpDatePrec(day('2019-02-18'), day('2019-02-18'), 'DAY')).toBe(1);
    expect(ucdpDatePrec(day('2019-02-18'), null, 'EXACT')).toBe(1);
    expect(ucdpDatePrec(day('2019-02-18'), day('2019-02-22'), 'DAY')).toBe(2); // five days
    expect(ucdpDatePrec(day('2019-02-18'), day('2019-02-24'), 'DAY')).toBe(3); // a week
    expect(ucdpDatePrec(day('2019-02-01'), day('2019-02-28'), 'MONTH')).toBe(4);
    expect(ucdpDatePrec(day('2018-08-18'), day('2019-02-18'), 'MONTH')).toBe(5); // six months
    expect(ucdpDatePrec(day('2019-02-01'), null, 'MONTH')).toBe(4); // a month stored as its first day
    expect(ucdpDatePrec(null, null, null)).toBeNull();
  });
});
