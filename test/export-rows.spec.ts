import { FULL_COLUMNS, UCDP_COLUMNS } from '../src/exports/export-columns';
import { AttributionRecord, ClaimBundle, QuantityRecord, bestLowHigh, fullRows, ucdpRow } from '../src/exports/export-rows';

const quantity = (q: Partial<QuantityRecord>): QuantityRecord => ({
  variable: 'killed', value: null, lower: null, lowerInclusive: true, upper: null, upperInclusive: true, approximate: false, qualifier: null, unit: null, currency: null, ...q,
});

const link = (name: string) => ({ source_id: `id-${name}`, name, kind: 'MEDIA_OUTLET', cue: 'quoting' });

const attribution = (a: Partial<AttributionRecord>): AttributionRecord => ({
  id: 'a1', sourceId: 's1', sourceName: 'a senior military official', sourceKind: 'ANONYMOUS', sourceReliability: null, stance: 'ASSERTS', cue: 'quoting',
  mode: 'PARAPHRASE', saidAt: null, credibility: 2, anonymityReason: null, relationship: null, conditions: [], chain: [link('CNN')], quote: 'q',
  articleUrl: 'https://x.example.org/a', articleHeadline: 'H', articlePublisher: 'Wire', articlePublishedAt: new Date('2019-02-18T12:00:00Z'), ...a,
});

const bundle = (over: Partial<ClaimBundle> = {}): ClaimBundle => ({
  claim: {
    id: 'c1', statement: 'S', hedge: null, status: 'UNVERIFIED', tags: ['t'], placeName: 'Baghouz', placeAdminArea: null, placeCountry: 'SY', placePrecision: 'ADMIN2',
    latitude: 34.5, longitude: -40.25, eventStart: new Date('2019-02-01T00:00:00Z'), eventEnd: new Date('2019-02-28T00:00:00Z'), eventPrecision: 'MONTH',
    createdAt: new Date('2020-01-01T00:00:00Z'), updatedAt: new Date('2020-01-02T00:00:00Z'),
    externalId: 'origin-7', sourcing: 'CONTESTED', independentSourceCount: 1, circular: true, hasDiscrepancy: false,
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
    const row = ucdpRow(fullRows(bundle())[0]);
    expect(Object.keys(row)).toEqual(UCDP_COLUMNS.map((c) => c.name));
    expect(row).toMatchObject({ id: 'a1', best: 1000, low: 1000, high: null, date_prec: 4, where_prec: 3, source_date: '2019-02-18', date_start: '2019-02-01', date_end: '2019-02-28', source_original: 'a senior military official' });
  });
});
