import { ClaimsService } from '../../src/claims/claims.service';
import { ClaimSort } from '../../src/claims/claim.enums';
import { CreateClaimInput } from '../../src/claims/dto/claim-fields.input';
import { ClaimFilterInput } from '../../src/claims/dto/claim-filter.input';
import { Actor } from '../../src/core/actor';
import { PlanCache } from '../../src/database/plan-cache';
import { TestServices, startServices } from '../support/services';

/**
 * The plain list (no filter) is read with a query text built once per shape (claims.service.ts, pageQueryText); every
 * other list builds its query per request. Both must page alike: walked forwards and backwards, in both sorts, with
 * undated claims and tied event times, the plain list and a filter every claim passes give the same pages.
 */
describe('unfiltered pages of claims (services)', () => {
  let s: TestServices;
  let editor: Actor;
  let claims: ClaimsService;
  const everyClaim: ClaimFilterInput = { minIndependentSources: 0 };

  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
    claims = s.get(ClaimsService);
    const starts = ['2026-03-01T00:00:00Z', null, '2026-03-04T00:00:00Z', '2026-03-01T00:00:00Z', null, '2026-02-20T00:00:00Z', null];
    for (const [i, start] of starts.entries()) {
      const eventTime = start ? { start: new Date(start), precision: 'DAY' } : undefined;
      await claims.create(await s.input(CreateClaimInput, { statement: `Claim ${i} of the paging test.`, eventTime }), editor);
    }
  });
  afterAll(() => s.close());

  /** Every page's ids, walking with `first: 2` (or `last: 2` backwards) until the list ends. */
  async function walk(filter: ClaimFilterInput, sort: ClaimSort, backward: boolean): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const args = backward ? { last: 2, before: cursor ?? undefined } : { first: 2, after: cursor ?? undefined };
      const page = await claims.listTreeTexts(args, filter, sort, editor, 'c.id', { count: true });
      expect(page.totalCount).toBe(7);
      pages.push(page.nodes);
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      if (!more) break;
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    }
    return pages;
  }

  for (const sort of [ClaimSort.NEWEST, ClaimSort.EVENT_TIME]) {
    for (const backward of [false, true]) {
      it(`pages ${backward ? 'backwards' : 'forwards'} by ${sort} as a filtered list does`, async () => {
        const plain = await walk({}, sort, backward);
        const filtered = await walk(everyClaim, sort, backward);
        expect(plain).toEqual(filtered);
        expect(plain.flat().sort()).toHaveLength(7);
        expect(new Set(plain.flat()).size).toBe(7);
      });
    }
  }

  it('builds the plain list once per shape and finds it in the plan cache after that', async () => {
    const before = s.get(PlanCache).stats().kinds.find((k) => k.kind === 'claims_page_query');
    await claims.listTreeTexts({ first: 2 }, {}, ClaimSort.NEWEST, editor, 'c.id', { count: false });
    await claims.listTreeTexts({ first: 3 }, {}, ClaimSort.NEWEST, editor, 'c.id', { count: false });
    const after = s.get(PlanCache).stats().kinds.find((k) => k.kind === 'claims_page_query');
    expect(after?.misses).toBe(before?.misses);
    expect(after?.hits).toBe((before?.hits ?? 0) + 2);
  });
});
