import { arrayParameter, arrayText } from './insert-statement';

// pg's own conversion of a parameter (untyped module): what arrayText must write.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };

describe('arrayText', () => {
  it('writes an array parameter as pg itself does', () => {
    const columns: unknown[][] = [
      [],
      ['plain', '', 'with "quotes"', 'back\\slash', 'both \\" here', 'comma, {brace}', 'NULL', ' spaced ', 'line\nbreak', 'ünïcode ☃'],
      ['a', null, undefined, 'b'],
      [0, -1.5, 1e21, 2 ** 53, NaN, Infinity, null],
      [true, false, null],
      ['x', 'y z', '', 'NULL', '{a,b}'],
      [1, 2.5, true, 'mixed'],
      [undefined],
    ];
    for (const values of columns) expect(arrayText(values)).toBe(prepareValue(values));
  });

  it('leaves columns of other values to pg', () => {
    const dates = [new Date(0), null];
    expect(arrayText(dates)).toBe(dates);
  });
});

describe('arrayParameter', () => {
  it('joins strings that array text would escape, for string_to_array to split', () => {
    expect(arrayParameter(['{"a":"b"}', 'plain', 'back\\slash'], 'text', 3)).toEqual({ sql: 'string_to_array($3::text, chr(30))::text[]', value: '{"a":"b"}\u001eplain\u001eback\\slash' });
  });

  it('leaves to array text what a split would not give back: nulls, empty strings, the separator, other values', () => {
    for (const values of [['"q"', null], ['"q"', ''], ['"q"', 'a\u001eb'], ['"q"', 1], ['plain', 'words']]) {
      expect(arrayParameter(values, 'text', 1)).toEqual({ sql: '$1::text[]', value: arrayText(values) });
    }
  });

  it('writes the valid Dates of a timestamptz column as ISO text, and leaves the Dates of other columns to pg', () => {
    const dates = [new Date(Date.UTC(1969, 6, 20, 20, 17, 40, 123)), null, new Date(Date.UTC(2019, 1, 18))];
    expect(arrayParameter(dates, 'timestamp with time zone', 2)).toEqual({ sql: '$2::timestamp with time zone[]', value: '{"1969-07-20T20:17:40.123Z",NULL,"2019-02-18T00:00:00.000Z"}' });
    expect(arrayParameter(dates, 'timestamp without time zone', 2)).toEqual({ sql: '$2::timestamp without time zone[]', value: dates });
    const invalid = [new Date(NaN)];
    expect(arrayParameter(invalid, 'timestamp with time zone', 1).value).toEqual(invalid);
  });
});
