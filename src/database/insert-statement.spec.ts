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
});
