import { ClaimSort } from '../../src/claims/claim.enums';
import { ClaimsService } from '../../src/claims/claims.service';
import { CreateClaimInput } from '../../src/claims/dto/claim-fields.input';
import { ClaimFilterInput } from '../../src/claims/dto/claim-filter.input';
import { RecordType } from '../../src/common/record-type';
import { Actor } from '../../src/core/actor';
import { DeleteRecordInput } from '../../src/records/dto/record-ref.input';
import { RecordsService } from '../../src/records/records.service';
import { claimInput } from '../factories';
import { TestServices, startServices } from '../support/services';

/**
 * totalCount of the claims list: the unfiltered live list counts every claim less the deleted ones (two index counts),
 * the rest counts the list's own query. Each must equal the rows the list pages through.
 */
describe('counting claims (services)', () => {
  let s: TestServices;
  let editor: Actor;
  let claims: ClaimsService;
  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
    claims = s.get(ClaimsService);
  });
  afterAll(() => s.close());

  const page = async (filter: Record<string, unknown>) => claims.listTreeTexts({ first: 100 }, await s.input(ClaimFilterInput, filter), ClaimSort.NEWEST, editor, 'c.id');

  it('equals the rows listed, live, deleted, both and filtered', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await claims.create(await s.input(CreateClaimInput, claimInput({ tags: [i % 2 ? 'odd' : 'even'] })), editor));
    for (const claim of made.slice(0, 3)) await s.get(RecordsService).delete(await s.input(DeleteRecordInput, { type: RecordType.CLAIM, id: claim.id }), editor);
    const cases: Array<[Record<string, unknown>, number]> = [
      [{}, 4],
      [{ deleted: 'EXCLUDE' }, 4],
      [{ deleted: 'INCLUDE' }, 7],
      [{ deleted: 'ONLY' }, 3],
      [{ tag: 'odd' }, 2],
      [{ tag: 'odd', deleted: 'INCLUDE' }, 3],
    ];
    for (const [filter, expected] of cases) {
      const listed = await page(filter);
      expect({ filter, totalCount: listed.totalCount, rows: listed.nodes.length }).toEqual({ filter, totalCount: expected, rows: expected });
    }
  });
});
