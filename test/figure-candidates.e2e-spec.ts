import { DataSource } from 'typeorm';
import { MatchClaim } from '../src/claims/matching/match-claim';
import { figureCandidates, figureCandidatesEach, figuresInNode } from '../src/claims/matching/batch-matching';
import { createClaim } from './factories/operations';
import { TestApp, expectData, startTestApp } from './support/app';

/**
 * An import's possibleDuplicates answer each subject's figure candidates from one read, in Node
 * (batch-matching.ts figureCandidatesEach): the same ids in the same order as each subject's own statement,
 * on decimal figures whose gaps tie in the database's arithmetic and not in doubles, open ranges, several
 * figures per claim, deleted claims, windows and more candidates than the limit.
 */
describe('figure candidates of many subjects at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const values = [0.1, 0.2, 0.3, 0.25, 1.5, 2.25, 2, 3, 1000000.5, 999999.5, 12, 12, 7];
    for (let i = 0; i < 100; i++) {
      const day = `2019-03-0${1 + (i % 4)}T0${i % 10}:00:00.000Z`;
      const value = values[i % values.length];
      const quantities =
        i % 9 === 0
          ? [{ variable: 'killed', lower: value }]
          : i % 11 === 0
            ? [{ variable: 'killed', upper: value + 1 }]
            : i % 5 === 0
              ? [{ variable: 'killed', value }, { variable: 'killed', value: Math.round((value + 0.1) * 1e6) / 1e6 }, { variable: 'wounded', value: 3 }]
              : [{ variable: i % 3 ? 'killed' : 'wounded', value }];
      const claim = await createClaim(t, { statement: `Figure candidate ${i}.`, eventTime: { start: day, precision: 'HOUR' }, quantities });
      if (i % 13 === 0) expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: claim.id }));
    }
  }, 120_000);
  afterAll(() => t.close());

  it('gives each subject what its own statement gives', async () => {
    const manager = t.app.get(DataSource).manager;
    const subject = (start: string | null, quantities: MatchClaim['quantities']): MatchClaim => ({
      id: null,
      statement: 's',
      place: null,
      eventTime: start ? { start, end: null, precision: 'DAY' } : null,
      quantities,
      speakers: [],
    });
    const figure = (variable: string, value: number | null, lower: number | null = null, upper: number | null = null) => ({ variable, value, lower, upper });
    const subjects = [
      subject('2019-03-02T00:00:00.000Z', [figure('killed', 0.2)]),
      subject('2019-03-02T00:00:00.000Z', [figure('killed', 0.3)]),
      subject('2019-03-03T12:00:00.000Z', [figure('killed', null, 2), figure('wounded', 3)]),
      subject('2019-03-01T00:00:00.000Z', [figure('wounded', 1000000)]),
      subject('2019-03-04T00:00:00.000Z', [figure('killed', 12)]),
      subject('2019-03-02T00:00:00.000Z', [figure('killed', null)]),
      subject(null, [figure('killed', 1)]),
      subject('2019-03-02T00:00:00.000Z', []),
      subject('2019-05-01T00:00:00.000Z', [figure('killed', 1)]),
      subject('2019-03-02T00:00:00.000Z', [figure('killed', 1 / 3)]),
    ];
    const each = await figureCandidatesEach(manager, subjects);
    const alone = await Promise.all(
      subjects.map(async (s) => {
        const qb = figureCandidates(manager, s, 0);
        return qb ? ((await qb.getRawMany()) as Array<{ id: string }>).map((r) => r.id) : [];
      }),
    );
    expect(each).toEqual(alone);
    // The subjects with a window and a figure were answered in Node (no fallback to their statements).
    const measured = [0, 1, 2, 3, 4, 8, 9].map((i) => subjects[i]);
    expect(await figuresInNode(manager, measured)).toEqual([0, 1, 2, 3, 4, 8, 9].map((i) => alone[i]));
    expect(alone[0].length).toBe(50);
    expect(alone.filter((ids) => ids.length > 0).length).toBeGreaterThan(5);
  });
});
