import { APPROXIMATE_TOLERANCE, quantityProblems, quantityRange, rangesConflict } from './quantity';

describe('quantityProblems', () => {
  it('accepts a value, a lower bound, an upper bound, or both bounds', () => {
    expect(quantityProblems({ value: 10 }, 'q')).toEqual([]);
    expect(quantityProblems({ lower: 300, lowerInclusive: false }, 'q')).toEqual([]);
    expect(quantityProblems({ upper: 50 }, 'q')).toEqual([]);
    expect(quantityProblems({ lower: 5, upper: 10, value: 7 }, 'q')).toEqual([]);
  });

  it('refuses a quantity with no number', () => {
    expect(quantityProblems({}, 'q')).toEqual([{ field: 'q', message: 'give a value, a lower bound or an upper bound' }]);
  });

  it('refuses a lower bound above the upper bound', () => {
    expect(quantityProblems({ lower: 10, upper: 5 }, 'q.0')).toEqual([{ field: 'q.0.lower', message: 'must not be above upper (5)' }]);
  });

  it('refuses equal bounds that exclude themselves', () => {
    expect(quantityProblems({ lower: 5, upper: 5, lowerInclusive: false }, 'q')[0].field).toBe('q.lower');
  });

  it('refuses a value outside its bounds', () => {
    expect(quantityProblems({ value: 3, lower: 5 }, 'q')[0].field).toBe('q.value');
    expect(quantityProblems({ value: 5, lower: 5, lowerInclusive: false }, 'q')[0].field).toBe('q.value');
    expect(quantityProblems({ value: 12, upper: 10 }, 'q')[0].field).toBe('q.value');
  });
});

describe('quantityRange and rangesConflict', () => {
  it('reads "at least 1,000" against "about 300" as a conflict', () => {
    expect(rangesConflict(quantityRange({ lower: 1000 }), quantityRange({ value: 300, approximate: true }))).toBe(true);
  });

  it('reads "more than 300" and "around 320" as compatible', () => {
    expect(rangesConflict(quantityRange({ lower: 300, lowerInclusive: false }), quantityRange({ value: 320, approximate: true }))).toBe(false);
  });

  it('gives approximate figures the documented tolerance', () => {
    const about = quantityRange({ value: 400, approximate: true });
    expect(about.low).toBeCloseTo(400 * (1 - APPROXIMATE_TOLERANCE));
    expect(rangesConflict(about, quantityRange({ value: 435 }))).toBe(false);
    expect(rangesConflict(about, quantityRange({ value: 450 }))).toBe(true);
  });

  it('reads "about 400" as exactly 360 to 440, so "more than 440" contradicts it and "at most 440" does not', () => {
    const about = quantityRange({ value: 400, approximate: true });
    expect([about.low, about.high]).toEqual([360, 440]);
    expect(rangesConflict(about, quantityRange({ lower: 440, lowerInclusive: false }))).toBe(true);
    expect(rangesConflict(about, quantityRange({ upper: 360, upperInclusive: false }))).toBe(true);
    expect(rangesConflict(about, quantityRange({ lower: 440 }))).toBe(false);
  });

  it('treats touching bounds as a conflict only when one side excludes the point', () => {
    expect(rangesConflict(quantityRange({ upper: 10 }), quantityRange({ lower: 10 }))).toBe(false);
    expect(rangesConflict(quantityRange({ upper: 10, upperInclusive: false }), quantityRange({ lower: 10 }))).toBe(true);
  });

  it('treats exact values as points', () => {
    expect(rangesConflict(quantityRange({ value: 12 }), quantityRange({ value: 12 }))).toBe(false);
    expect(rangesConflict(quantityRange({ value: 12 }), quantityRange({ value: 13 }))).toBe(true);
  });
});
