import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { CLAIM_FIELDS } from './factories/operations';

const DAY = '2019-03-02T00:00:00.000Z';
const DERIVED = 'independentSourceCount denyingSourceCount sourcing circular hasDiscrepancy';
const FULL = `${CLAIM_FIELDS} ${DERIVED} deletedAt mergedInto statusHistory { fromStatus toStatus reason }`;
const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id version } }`;
const MERGE = `mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { ${FULL} } }`;
const UNMERGE = `mutation($input: UnmergeClaimInput!) { unmergeClaim(input: $input) { ${FULL} } }`;

function input(tag: string, quantities: unknown[], monitor: string) {
  return {
    statement: `Shelling of the old quarter in Tell Amara killed 8 fighters (${tag}).`,
    place: { name: 'Tell Amara' },
    eventTime: { start: DAY, precision: 'DAY' },
    quantities,
    article: { url: `https://merge.example.org/${tag}` },
    attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' }, cue: 'said', quote: { quote: 'killed 8 fighters' } }],
  };
}

/** Everything a reader sees of a claim, without the version counter (which every write moves on). */
const view = (c: any) => ({ ...c, version: undefined });

describe('mergeClaims and unmergeClaim', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const read = async (id: string) => expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${FULL} } }`, { id })).claim;
  const history = async (id: string) =>
    expectData(await t.gql(`query($id: ID!) { history(entityType: CLAIM, id: $id) { nodes { action changes { field } } } }`, { id })).history.nodes.map((n: any) => n.action);

  it('moves attributions, citations and new figures with derived values following, and unmerge restores everything', async () => {
    const survivor = expectData(await t.gql(LOG, { input: input('a', [{ variable: 'deaths_combatants', value: 8 }], 'Merge Monitor A') })).logClaim;
    const duplicate = expectData(
      await t.gql(LOG, { input: input('b', [{ variable: 'deaths_combatants', value: 8 }, { variable: 'people_injured', value: 5 }], 'Merge Monitor B') }),
    ).logClaim;
    // A third report of the injured that cannot be true with the duplicate's: the duplicate is flagged, the survivor is not.
    expectData(await t.gql(LOG, { input: input('c', [{ variable: 'people_injured', value: 40 }], 'Merge Monitor C') }));
    expectData(await t.gql(`mutation($input: SetClaimStatusInput!) { setClaimStatus(input: $input) { id } }`, { input: { id: duplicate.id, status: 'CONTESTED', reason: 'two counts' } }));
    const [survivorBefore, duplicateBefore] = [await read(survivor.id), await read(duplicate.id)];
    expect(survivorBefore).toMatchObject({ independentSourceCount: 1, hasDiscrepancy: false });
    expect(duplicateBefore).toMatchObject({ independentSourceCount: 1, hasDiscrepancy: true });

    const merged = expectData(await t.gql(MERGE, { input: { survivorId: survivor.id, duplicateId: duplicate.id } })).mergeClaims;
    expect(merged).toMatchObject({ id: survivor.id, independentSourceCount: 2, sourcing: 'CORROBORATED', hasDiscrepancy: true });
    expect(merged.attributions.map((a: any) => a.source.name)).toEqual(['Merge Monitor A', 'Merge Monitor B']);
    expect(merged.attributions[1].citations[0].article.canonicalUrl).toBe('https://merge.example.org/b');
    expect(merged.quantities.map((q: any) => q.variable)).toEqual(['deaths_combatants', 'people_injured']);
    // The duplicate is merged: gone for reporters, visible to editors with where it went.
    const reporter = await t.userWithRole('REPORTER');
    expect(errorOf(await t.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: duplicate.id }, reporter.as)).code).toBe('NOT_FOUND');
    const deleted = expectData(await t.gql(`{ claims(filter: { deleted: ONLY }) { nodes { id mergedInto } } }`)).claims.nodes;
    expect(deleted).toContainEqual({ id: duplicate.id, mergedInto: survivor.id });
    // Restoring it alone would strand its attributions on the survivor.
    const restore = errorOf(await t.gql(`mutation($id: ID!) { restoreRecord(input: { type: CLAIM, id: $id }) { id } }`, { id: duplicate.id }));
    expect(restore).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });

    const unmerged = expectData(await t.gql(UNMERGE, { input: { duplicateId: duplicate.id } })).unmergeClaim;
    expect(view(unmerged)).toEqual(view(duplicateBefore));
    expect(view(await read(survivor.id))).toEqual(view(survivorBefore));
    expect(await history(survivor.id)).toEqual(expect.arrayContaining(['MERGE', 'UNMERGE']));
    expect(await history(duplicate.id)).toEqual(expect.arrayContaining(['CREATE', 'UPDATE', 'MERGE', 'UNMERGE']));
  });

  it('is for editors only, refuses merging a claim into itself, and refuses unmerging a claim that is not merged', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const a = expectData(await t.gql(LOG, { input: input('d', [], 'Merge Monitor D') }, reporter.as)).logClaim;
    const b = expectData(await t.gql(LOG, { input: input('e', [], 'Merge Monitor E') }, reporter.as)).logClaim;
    expect(errorOf(await t.gql(MERGE, { input: { survivorId: a.id, duplicateId: b.id } }, reporter.as)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(MERGE, { input: { survivorId: a.id, duplicateId: a.id } })).fields?.[0].field).toBe('duplicateId');
    expect(errorOf(await t.gql(UNMERGE, { input: { duplicateId: a.id } })).fields?.[0].field).toBe('duplicateId');
    expect(errorOf(await t.gql(MERGE, { input: { survivorId: a.id, duplicateId: b.id, duplicateVersion: b.version + 5 } })).code).toBe('CONFLICT');
    expect((await read(b.id)).deletedAt).toBeNull();
  });
});
