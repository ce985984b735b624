import { readDateTime } from './date-time';

const iso = (value: string) => {
  const result = readDateTime(value);
  return 'date' in result ? result.date.toISOString() : result.problem;
};

describe('the date-time rule', () => {
  it.each([
    ['2019-02-18T12:00:00Z', '2019-02-18T12:00:00.000Z'],
    ['2019-02-18T12:00:00.123456Z', '2019-02-18T12:00:00.123Z'],
    ['2019-02-18T14:00+02:00', '2019-02-18T12:00:00.000Z'],
    ['2019-02-18T00:30:00-0130', '2019-02-18T02:00:00.000Z'],
    ['2020-02-29T00:00:00Z', '2020-02-29T00:00:00.000Z'],
    ['2019-02-18', '2019-02-18T00:00:00.000Z'],
    ['0050-06-01', '0050-06-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (value, expected) => expect(iso(value)).toBe(expected));

  it.each([
    ['2019-02-30T00:00:00Z', 'is not a real date: 2019-02 has 28 days'],
    ['2019-02-29', 'is not a real date: 2019-02 has 28 days'],
    ['1900-02-29', 'is not a real date: 1900-02 has 28 days'],
    ['2019-04-31T00:00:00Z', 'is not a real date: 2019-04 has 30 days'],
    ['2019-13-01', 'has no month 13'],
    ['2019-02-00', 'is not a real date'],
    ['2019-02-18T24:00:00Z', 'is not a real time of day'],
    ['2019-02-18T12:60:00Z', 'is not a real time of day'],
    ['2019-02-18T12:00:00', 'needs a time zone'],
    ['2019-02-18T12:00:00+25:00', 'has no time zone'],
    ['0000-12-31', 'between the years 1 and 9999'],
    ['9999-12-31T23:00:00-02:00', 'between the years 1 and 9999'],
    ['+010000-01-01T00:00:00.000Z', 'between the years 1 and 9999'],
    ['18 Feb 2019', 'between the years 1 and 9999'],
  ])('refuses %s: %s', (value, problem) => expect(iso(value)).toContain(problem));

  it('refuses anything but text, numbers included', () => {
    for (const value of [1550491200000, null, {}, ['2019-02-18']]) expect('problem' in readDateTime(value)).toBe(true);
  });
});
