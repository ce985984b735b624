import { createdFields, diffRecords } from './diff';

describe('createdFields', () => {
  it('is diffRecords against nothing, field for field', () => {
    const records: object[] = [
      {},
      { id: 'a', createdAt: new Date(0), updatedAt: new Date(1), version: 1, statement: 'x', hedge: null, tags: [], status: 'UNVERIFIED' },
      { id: 'b', place: { name: 'Tell Hamra', latitude: 34.5, longitude: null, nested: { deep: 0 } }, eventTime: { start: new Date('2019-02-18T00:00:00Z'), end: null } },
      { id: 'c', zero: 0, no: false, empty: '', missing: undefined, notANumber: NaN, huge: Infinity, negative: -Infinity, quantities: [{ value: 1, lower: null }], fn: () => 1 },
      { id: 'd', chain: ['s1 (quoting)', 's2'], aliases: [], conditions: ['could not be verified'], anonymityGranted: true, credibility: 3 },
    ];
    for (const record of records) expect(createdFields(record)).toEqual(diffRecords(null, record));
  });

  it('keeps the sorted order of the fields and drops those without a value', () => {
    expect(createdFields({ z: 1, a: null, m: { b: 'x', a: NaN } })).toEqual([
      { field: 'm.b', before: null, after: 'x' },
      { field: 'z', before: null, after: 1 },
    ]);
  });
});
