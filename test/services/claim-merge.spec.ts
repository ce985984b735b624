import { ClaimsService } from '../../src/claims/claims.service';
import { LogClaimInput } from '../../src/claims/dto/log-claim.input';
import { SetClaimStatusInput } from '../../src/claims/dto/set-claim-status.input';
import { LogClaimService } from '../../src/claims/log-claim.service';
import { ClaimMergeService } from '../../src/claims/merging/claim-merge.service';
import { MergeClaimsInput, UnmergeClaimInput } from '../../src/claims/merging/dto/merge-claims.input';
import { Actor } from '../../src/core/actor';
import { TestServices, startServices } from '../support/services';

const DAY = '2019-03-02T00:00:00.000Z';

function input(tag: string, quantities: unknown[], monitor: string) {
  return {
    statement: `Shelling of the old quarter in Tell Amara killed 8 fighters (${tag}).`,
    place: { name: 'Tell Amara' },
    eventTime: { start: new Date(DAY), precision: 'DAY' },
    quantities,
    article: { url: `https://merge.example.org/${tag}` },
    attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' }, cue: 'said', quote: { quote: 'killed 8 fighters' } }],
  };
}

/**
 * mergeClaims and unmergeClaim as rules (service tier): what moves, how the derived values follow, and that unmerging
 * puts every row back. The API's contract for them (roles, field errors, stale versions) is in test/claim-merge.e2e-spec.ts.
 */
describe('merging claims (services)', () => {
  let s: TestServices;
  let editor: Actor;
  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
  });
  afterAll(() => s.close());

  const log = async (value: Record<string, unknown>) => s.get(LogClaimService).log(await s.input(LogClaimInput, value), editor);
  /** Everything stored about a claim that a merge may touch, without version and updated_at (every write moves them). */
  async function stored(claimId: string) {
    const [claim] = await s.db.query(
      `SELECT id, deleted_at, status, independent_source_count, denying_source_count, sourcing, circular, speaker_anonymity, has_discrepancy FROM claim WHERE id = $1`.replace('$1', s.db.options.type === 'postgres' ? '$1' : '?'),
      [claimId],
    );
    const rows = async (sql: string) => s.db.query(sql.replace(/\$1/g, s.db.options.type === 'postgres' ? '$1' : '?'), [claimId]);
    return {
      claim: { ...claim, circular: Boolean(claim.circular), has_discrepancy: Boolean(claim.has_discrepancy), deleted_at: claim.deleted_at ? 'deleted' : null },
      attributions: await rows(`SELECT id FROM attribution WHERE claim_id = $1 AND deleted_at IS NULL ORDER BY id`),
      quantities: await rows(`SELECT variable, value FROM claim_quantity WHERE claim_id = $1 ORDER BY variable`),
      sources: await rows(`SELECT source_id, speaker_anonymity FROM claim_source WHERE claim_id = $1 ORDER BY source_id`),
    };
  }

  it('moves attributions and new figures with derived values following, and unmerge restores every row', async () => {
    const survivor = await log(input('a', [{ variable: 'deaths_combatants', value: 8 }], 'Merge Monitor A'));
    const duplicate = await log(input('b', [{ variable: 'deaths_combatants', value: 8 }, { variable: 'people_injured', value: 5 }], 'Merge Monitor B'));
    // A third report of the injured that cannot be true with the duplicate's: the duplicate is flagged, the survivor is not.
    await log(input('c', [{ variable: 'people_injured', value: 40 }], 'Merge Monitor C'));
    await s.get(ClaimsService).setStatus(await s.input(SetClaimStatusInput, { id: duplicate.id, status: 'CONTESTED', reason: 'two counts' }), editor);
    const [survivorBefore, duplicateBefore] = [await stored(survivor.id), await stored(duplicate.id)];
    expect(survivorBefore.claim).toMatchObject({ independent_source_count: 1, has_discrepancy: false });
    expect(duplicateBefore.claim).toMatchObject({ independent_source_count: 1, has_discrepancy: true, status: 'CONTESTED' });

    const merges = s.get(ClaimMergeService);
    await merges.merge(await s.input(MergeClaimsInput, { survivorId: survivor.id, duplicateId: duplicate.id }), editor);
    const merged = await stored(survivor.id);
    expect(merged.claim).toMatchObject({ independent_source_count: 2, sourcing: 'CORROBORATED', has_discrepancy: true });
    expect(merged.attributions).toHaveLength(2);
    expect(merged.quantities.map((q: { variable: string }) => q.variable)).toEqual(['deaths_combatants', 'people_injured']);
    expect(merged.sources).toHaveLength(2);
    const gone = await stored(duplicate.id);
    expect(gone.claim).toMatchObject({ deleted_at: 'deleted' });
    expect((await merges.mergedInto([duplicate.id])).get(duplicate.id)).toBe(survivor.id);
    expect(gone.attributions).toEqual([]);

    await merges.unmerge(await s.input(UnmergeClaimInput, { duplicateId: duplicate.id }), editor);
    expect(await stored(duplicate.id)).toEqual(duplicateBefore);
    expect(await stored(survivor.id)).toEqual(survivorBefore);
    expect((await merges.mergedInto([duplicate.id])).get(duplicate.id)).toBeUndefined();
  });
});
