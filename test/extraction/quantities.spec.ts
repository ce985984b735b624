import { findQuantities, parseNumber } from '../../src/extraction';

function only(text: string) {
  const found = findQuantities(text, 0);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('quantity parsing', () => {
  it.each([
    ['more than 300 fighters', { lower: 300, lowerInclusive: false }],
    ['over 60 trucks', { lower: 60, lowerInclusive: false }],
    ['at least 1,000 fighters', { lower: 1000, lowerInclusive: true }],
    ['no fewer than 12 soldiers', { lower: 12, lowerInclusive: true }],
    ['up to 40 vehicles', { upper: 40, upperInclusive: true }],
    ['as many as 2,500 militants', { upper: 2500, upperInclusive: true }],
    ['fewer than 50 families', { upper: 50, upperInclusive: false }],
    ['less than 20 hostages', { upper: 20, upperInclusive: false }],
    ['between 20 and 30 fighters', { lower: 20, upper: 30, lowerInclusive: true, upperInclusive: true }],
  ])('reads the bound in "%s"', (text, expected) => {
    const quantity = only(text);
    expect(quantity).toMatchObject({ ...expected, approximate: false });
    expect(quantity.value).toBeUndefined();
  });

  it.each(['some', 'about', 'around', 'nearly', 'roughly', 'approximately', 'almost', 'an estimated'])(
    'marks "%s" figures as approximate values',
    (qualifier) => {
      const quantity = only(`${qualifier} 1,000 people`);
      expect(quantity).toMatchObject({ value: 1000, approximate: true, qualifier, unit: 'people' });
      expect(quantity.lower).toBeUndefined();
    },
  );

  it('keeps the qualifier as written', () => {
    expect(only('More than 300 Islamic State fighters').qualifier).toBe('More than');
  });

  it('scales money and names the currency', () => {
    expect(only('at least $200 million in cash')).toMatchObject({ lower: 200_000_000, lowerInclusive: true, currency: 'USD', unit: null });
    expect(only('about $1.2 billion')).toMatchObject({ value: 1_200_000_000, currency: 'USD', approximate: true });
    expect(only('5 million euros')).toMatchObject({ value: 5_000_000, currency: 'EUR' });
  });

  it('reads thousands separators and number words', () => {
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('ten')).toBe(10);
    expect(parseNumber('twenty-five')).toBe(25);
    expect(only('five people')).toMatchObject({ value: 5, unit: 'people' });
  });

  it('takes the counted noun past modifiers', () => {
    expect(only('released 10 SDF fighters it had been holding')).toMatchObject({ value: 10, unit: 'fighters' });
    expect(only('327 Syrian government troops')).toMatchObject({ unit: 'troops' });
    expect(only('two of its fighters')).toMatchObject({ value: 2, unit: 'fighters' });
    expect(only('more than 100 wounded')).toMatchObject({ unit: 'wounded' });
    expect(only('1,500 displaced people')).toMatchObject({ unit: 'people' });
  });

  it('reads vague amounts as ranges marked vague (issue 19)', () => {
    const [bodies, homes] = findQuantities('dozens of bodies and hundreds of homes', 0);
    expect(bodies).toMatchObject({ text: 'dozens of bodies', lower: 24, upper: 99, lowerInclusive: true, upperInclusive: true, vague: true, unit: 'bodies', qualifier: null });
    expect(homes).toMatchObject({ lower: 200, upper: 999, vague: true, unit: 'homes' });
    expect(findQuantities('Tens of thousands of people rallied', 0)[0]).toMatchObject({ lower: 20000, upper: 99999, vague: true, unit: 'people' });
    expect(findQuantities('several missiles', 0)[0]).toMatchObject({ lower: 3, upper: 9, vague: true });
    // "several" and "a few" need a counted noun; "a few days" is a time.
    expect(findQuantities('for several of them', 0)).toEqual([]);
    expect(findQuantities('within a few days', 0)).toEqual([]);
  });

  it('reads "up to another N" as an upper bound (issue 19)', () => {
    expect(findQuantities('up to another 7,000 people could be displaced', 0)[0]).toMatchObject({ upper: 7000, upperInclusive: true, qualifier: 'up to', unit: 'people' });
  });

  it('does not count ages, clock times or durations (issue 19)', () => {
    expect(findQuantities('A 2-year-old girl and her grandmother', 0)).toEqual([]);
    expect(findQuantities('The victims, aged 19 and 23, were shot', 0)).toEqual([]);
    expect(findQuantities('heard at about 8:30 p.m. on Sunday', 0)).toEqual([]);
    expect(findQuantities('wounded at around 10 p.m', 0)).toEqual([]);
    expect(findQuantities('lost power for five hours', 0)).toEqual([]);
  });

  it('takes a demonym as the unit (issue 19)', () => {
    expect(findQuantities('At least seven Palestinians were killed', 0)[0]).toMatchObject({ lower: 7, unit: 'Palestinians' });
    expect(findQuantities('Five Ukrainians were detained', 0)[0]).toMatchObject({ value: 5, unit: 'Ukrainians' });
  });

  it('ignores years, names and places joined by "and"', () => {
    expect(findQuantities('since 2016', 0)).toEqual([]);
    expect(findQuantities('the DeirEzzor 24 collective and Resolution 2254', 0)).toEqual([]);
    expect(findQuantities('the highway between Zamfara and Sokoto', 0)).toEqual([]);
    expect(findQuantities('one of the commanders', 0)).toEqual([]);
  });

  it('reports offsets into the text it was given', () => {
    const text = 'Officials said at least 12 people died.';
    const [quantity] = findQuantities(text.slice(15), 15);
    expect(text.slice(quantity.span.start, quantity.span.end)).toBe('at least 12 people');
  });

  it('leaves spans claimed by time expressions alone', () => {
    expect(findQuantities('in the past six months', 0, [{ start: 0, end: 22 }])).toEqual([]);
  });
});
