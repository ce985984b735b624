import { arrayText } from './insert-statement';

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
