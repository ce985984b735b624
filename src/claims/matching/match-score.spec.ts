import { MatchClaim } from './match-claim';
import { MATCH_THRESHOLDS, scoreMatch, thresholdsFor } from './match-score';

const claim = (statement: string, overrides: Partial<MatchClaim> = {}): MatchClaim => ({
  id: null,
  statement,
  place: { name: 'Kafr Sabil', country: 'SY' },
  eventTime: { start: '2019-02-11T00:00:00.000Z', end: '2019-02-11T00:00:00.000Z', precision: 'DAY' },
  quantities: [{ variable: 'deaths_civilians', value: 12, lower: null, upper: null }],
  speakers: ['monitor'],
  ...overrides,
});

const REPORT = claim('12 civilians were killed in an air strike on a market in Kafr Sabil on Monday, the Northern Monitor said.');

describe('scoreMatch', () => {
  it('rates another outlet\'s copy of the claim as likely, with its reasons', () => {
    const copy = claim('An air strike on a market in Kafr Sabil killed at least 12 civilians, Radio Orontes reported, citing the Northern Monitor.', {
      quantities: [{ variable: 'deaths_civilians', value: null, lower: 12, upper: null }],
      speakers: ['monitor', 'radio'],
    });
    const r = scoreMatch(REPORT, copy);
    expect(r.tier).toBe('LIKELY');
    expect(r.reasons.map((x) => x.code)).toEqual(['SIMILAR_TEXT', 'SAME_FIGURES', 'OVERLAPPING_TIME', 'SAME_PLACE', 'SHARED_SOURCES']);
  });

  it('does not rate the same words on another day, for another variable, or denied as likely', () => {
    const otherDay = claim(REPORT.statement.replace('Monday', 'Friday'), { eventTime: { start: '2019-02-15T00:00:00.000Z', end: null, precision: 'DAY' } });
    const otherVariable = claim(REPORT.statement.replace('civilians were killed', 'fighters were captured'), { quantities: [{ variable: 'people_detained', value: 12, lower: null, upper: null }] });
    const denial = claim(`The ministry denied that ${REPORT.statement}`);
    for (const other of [otherDay, otherVariable, denial]) expect(scoreMatch(REPORT, other).tier).not.toBe('LIKELY');
    expect(scoreMatch(REPORT, otherDay).reasons.map((r) => r.code)).toContain('DIFFERENT_TIME');
    expect(scoreMatch(REPORT, denial).reasons.map((r) => r.code)).toContain('OPPOSITE_POLARITY');
  });

  it('asks more of short statements and of old candidates', () => {
    const base = thresholdsFor(REPORT, REPORT);
    expect(base.likely).toBe(MATCH_THRESHOLDS.likely);
    expect(thresholdsFor(REPORT, claim('Kafr Sabil: 12 killed')).likely).toBeCloseTo(MATCH_THRESHOLDS.likely + MATCH_THRESHOLDS.shortPenalty);
    const old = claim(REPORT.statement, { createdAt: '2017-01-01T00:00:00.000Z' });
    expect(thresholdsFor({ ...REPORT, createdAt: '2019-02-12T00:00:00.000Z' }, old).likely).toBeCloseTo(MATCH_THRESHOLDS.likely + MATCH_THRESHOLDS.oldPenalty);
  });

  it('reads a bound on a figure ("no fewer than") as no denial, and marks figures of other variables only', () => {
    const bound = claim('A monitor said no fewer than 12 civilians were killed in an air strike on a market in Kafr Sabil on Monday.', {
      quantities: [{ variable: 'deaths_civilians', value: null, lower: 12, upper: null }],
    });
    expect(scoreMatch(REPORT, bound).reasons.map((r) => r.code)).not.toContain('OPPOSITE_POLARITY');
    expect(scoreMatch(REPORT, bound).tier).toBe('LIKELY');
    const wounded = claim('40 people were wounded in an air strike on a market in Kafr Sabil on Monday, the Northern Monitor said.', {
      quantities: [{ variable: 'people_injured', value: 40, lower: null, upper: null }],
    });
    const other = scoreMatch(REPORT, wounded);
    expect(other.reasons.find((r) => r.code === 'OTHER_VARIABLES')?.weight).toBeLessThan(0);
  });
});
