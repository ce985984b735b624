import { evaluate, type GoldPassage, type Suggestion } from '../../src/extraction';

/*
 * The issue-19 scores: event time without the said-time fallback, places, conditions, vague figures
 * and suggestions on passages that expect none. Fed fixed predictions, so only the scoring is tested.
 */
const day = (date: string, precision: 'DAY' = 'DAY') => ({ text: date, span: { start: 0, end: 1 }, start: `${date}T00:00:00.000Z`, end: new Date(Date.parse(`${date}T00:00:00.000Z`) + 86400000).toISOString(), precision });

function suggestion(overrides: Partial<Suggestion>): Suggestion {
  return {
    id: 's0-c0-p0', sentenceIndex: 0, speaker: { text: 'the army', start: 0, end: 8 }, antecedent: null,
    content: { text: 'troops took the bridge', start: 0, end: 1 },
    source: { name: 'army', span: { start: 0, end: 1 }, kind: 'MILITARY', anonymous: false, descriptor: 'the army' },
    cue: { text: 'said', start: 0, end: 1 }, mode: 'PARAPHRASE', chain: [], conditions: { other: [] }, stance: 'ASSERTS', hedge: null,
    quantities: [], time: null, eventTime: null, saidAt: null, place: null, medium: null, confidence: 'high',
    ...overrides,
  };
}

const gold = (overrides: Partial<GoldPassage['attributions'][number]> = {}): GoldPassage => ({
  id: 'x', publishedAt: '2024-03-04T12:00:00Z', text: 'The army said troops took the bridge.',
  attributions: [{ source: 'army', anonymous: false, cue: 'said', content: 'troops took the bridge', quantities: [], time: null, saidAt: null, place: null, anonymityGranted: false, unverified: false, ...overrides }],
});

describe('evaluation of the wire splits (issue 19)', () => {
  it('scores the event time without falling back to the said time', () => {
    const said = day('2024-03-03');
    const reused = evaluate([gold({ saidAt: { start: said.start, end: said.end, precision: 'DAY' } })], () => [suggestion({ time: said, eventTime: null, saidAt: said })]);
    expect(reused.timeFields.accuracy).toBe(1);
    // An extractor without eventTime is scored on its legacy time, which copies the said time: wrong.
    const legacy = evaluate([gold({ saidAt: { start: said.start, end: said.end, precision: 'DAY' } })], () => [{ ...suggestion({ time: said, saidAt: said }), eventTime: undefined } as unknown as Suggestion]);
    expect(legacy.timeFields.accuracy).toBeLessThan(1);
  });

  it('scores places only where gold or prediction names one', () => {
    expect(evaluate([gold()], () => [suggestion({})]).places.total).toBe(0);
    expect(evaluate([gold({ place: 'Kharkiv' })], () => [suggestion({ place: { name: 'Kharkiv', span: { start: 0, end: 1 } } })]).places).toMatchObject({ correct: 1, total: 1 });
    expect(evaluate([gold()], () => [suggestion({ place: { name: 'Kyiv', span: { start: 0, end: 1 } } })]).places).toMatchObject({ correct: 0, total: 1 });
  });

  it('scores a condition right only when the grant, the reason and the unverified note all agree', () => {
    const granted = gold({ anonymityGranted: true, anonymityReason: 'not authorized to speak' });
    expect(evaluate([granted], () => [suggestion({ conditions: { anonymityGranted: true, anonymityReason: 'not authorized to speak', other: [] } })]).conditions).toMatchObject({ correct: 1, total: 1 });
    expect(evaluate([granted], () => [suggestion({ conditions: { anonymityGranted: true, other: [] } })]).conditions).toMatchObject({ correct: 0, total: 1 });
    expect(evaluate([gold()], () => [suggestion({ conditions: { other: ['could not be verified'] } })]).conditions).toMatchObject({ correct: 0, total: 1 });
  });

  it('counts vague as a quantity field and suggestions on passages that expect none', () => {
    const vague = gold({ quantities: [{ text: 'dozens of people', lower: 24, upper: 99, lowerInclusive: true, upperInclusive: true, vague: true, unit: 'people' }] });
    const predicted = { text: 'dozens of people', span: { start: 0, end: 1 }, lower: 24, upper: 99, lowerInclusive: true, upperInclusive: true, approximate: false, qualifier: null, unit: 'people', currency: null };
    expect(evaluate([vague], () => [suggestion({ quantities: [{ ...predicted, vague: true }] })]).quantityFields.accuracy).toBe(1);
    expect(evaluate([vague], () => [suggestion({ quantities: [predicted] })]).quantityFields.accuracy).toBeCloseTo(0.9);
    const empty: GoldPassage = { id: 'caption', publishedAt: '2024-03-04T12:00:00Z', text: 'Smoke rises. (AP Photo)', attributions: [] };
    expect(evaluate([empty], () => [suggestion({})]).suggestionsOnEmptyPassages).toBe(1);
  });
});
