import { findTimes, latestWeekdayOnOrBefore } from '../../src/extraction';

// Monday 18 February 2019, midday UTC.
const published = new Date('2019-02-18T12:00:00Z');

function first(text: string) {
  const [time] = findTimes(text, 0, published);
  return time;
}

describe('time resolution', () => {
  it('reads a bare weekday as the latest such day on or before publication', () => {
    expect(latestWeekdayOnOrBefore(published, 'Monday').toISOString()).toBe('2019-02-18T00:00:00.000Z');
    expect(latestWeekdayOnOrBefore(published, 'Sunday').toISOString()).toBe('2019-02-17T00:00:00.000Z');
    expect(latestWeekdayOnOrBefore(published, 'Tuesday').toISOString()).toBe('2019-02-12T00:00:00.000Z');
    expect(first('IS released Sunday 10 SDF fighters')).toMatchObject({
      text: 'Sunday', start: '2019-02-17T00:00:00.000Z', end: '2019-02-18T00:00:00.000Z', precision: 'DAY',
    });
    expect(first('the activists said Monday')).toMatchObject({ start: '2019-02-18T00:00:00.000Z', precision: 'DAY' });
  });

  it('ends "the past N units" windows at publication', () => {
    expect(first('fleeing Syria in the past six months')).toMatchObject({
      start: '2018-08-18T12:00:00.000Z', end: '2019-02-18T12:00:00.000Z', precision: 'MONTH',
    });
    expect(first('over the past 24 hours')).toMatchObject({ start: '2019-02-17T12:00:00.000Z', precision: 'EXACT' });
  });

  it('runs "for N more days" forward from its reference day', () => {
    expect(first('extended for five more days as of Sunday')).toMatchObject({
      start: '2019-02-17T00:00:00.000Z', end: '2019-02-22T00:00:00.000Z', precision: 'DAY',
    });
    expect(first('extended for another three days')).toMatchObject({ start: '2019-02-18T12:00:00.000Z', end: '2019-02-21T12:00:00.000Z' });
  });

  it('resolves calendar periods relative to publication', () => {
    expect(first('a truce reached last week')).toMatchObject({ start: '2019-02-11T00:00:00.000Z', end: '2019-02-18T00:00:00.000Z', precision: 'WEEK' });
    expect(first('fighting last month')).toMatchObject({ start: '2019-01-01T00:00:00.000Z', end: '2019-02-01T00:00:00.000Z', precision: 'MONTH' });
    expect(first('needed this year')).toMatchObject({ start: '2019-01-01T00:00:00.000Z', precision: 'YEAR' });
    expect(first('entered yesterday')).toMatchObject({ start: '2019-02-17T00:00:00.000Z', precision: 'DAY' });
  });

  it('pulls dates without a year back so they do not lie after publication', () => {
    expect(first('on March 3')).toMatchObject({ start: '2018-03-03T00:00:00.000Z', precision: 'DAY' });
    expect(first('on February 17, 2019')).toMatchObject({ start: '2019-02-17T00:00:00.000Z' });
    expect(first('in October')).toMatchObject({ start: '2018-10-01T00:00:00.000Z', end: '2018-11-01T00:00:00.000Z', precision: 'MONTH' });
    expect(first('since January')).toMatchObject({ start: '2019-01-01T00:00:00.000Z', end: '2019-02-18T12:00:00.000Z' });
  });

  it('does not read the modal "may" as a month', () => {
    expect(findTimes('fighters may have made off with cash', 0, published)).toEqual([]);
  });

  it('looks forward for a weekday in future-tense copy, and reads next week/month/year (issue 19)', () => {
    // Published Monday 2019-02-18.
    expect(first('the cabinet would vote on Thursday')).toMatchObject({ start: '2019-02-21T00:00:00.000Z', precision: 'DAY' });
    expect(first('the evacuation could start as early as Friday')).toMatchObject({ start: '2019-02-22T00:00:00.000Z' });
    expect(first('the convoy left on Thursday')).toMatchObject({ start: '2019-02-14T00:00:00.000Z' });
    expect(first('sanctions next week')).toMatchObject({ start: '2019-02-25T00:00:00.000Z', end: '2019-03-04T00:00:00.000Z', precision: 'WEEK' });
    expect(first('talks could resume next month')).toMatchObject({ start: '2019-03-01T00:00:00.000Z', precision: 'MONTH' });
  });
});
