import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText } from './support/http';
import { Removal, SyncedCopy, mutateLater, readClaimsSince, readDeletionsSince, sortedRows } from './support/sync-feeds';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { id } } }`;

/** Issue 17 items 2 and 8 after issue 16: merged claims in the deletions feed, and the UCDP profile through the vocabulary. */
describe('exports after mergeClaims, and the UCDP profile through the vocabulary of figures', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const log = async (overrides: Record<string, unknown> = {}) => expectData(await t.gql(LOG, { input: logClaimInput(overrides) })).logClaim;
  const mutate = (query: string, variables: Record<string, unknown>) => mutateLater(t, query, variables);
  const exportSince = (since?: string) => readClaimsSince(t, since);
  const deletionsSince = (since?: string) => readDeletionsSince(t, since);

  it('lists a merged claim as MERGED with its survivor; an unmerge brings it back through updatedSince; a copy kept with two calls stays true', async () => {
    const survivor = await log();
    const duplicate = await log();
    const deleted = await log();
    const copy = new SyncedCopy();
    const apply = (rows: Array<Record<string, any>>, deletions: Removal[]) => copy.apply(rows, deletions);
    const matchesFullExport = async () => expect(copy.rows()).toEqual(sortedRows((await exportSince()).rows));

    let rows = await exportSince();
    let removals = await deletionsSince();
    apply(rows.rows, removals.deletions);
    const beforeMerge = new Date().toISOString();

    await mutate(`mutation($i: MergeClaimsInput!) { mergeClaims(input: $i) { id } }`, { i: { survivorId: survivor.id, duplicateId: duplicate.id } });
    await mutate(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: deleted.id });
    const merged = await exportSince(rows.mark);
    const mergedRemovals = await deletionsSince(removals.high_water_mark);
    // The survivor comes with the duplicate's rows; the duplicate leaves as MERGED, naming where its rows went.
    expect(merged.rows.filter((r) => r.claim_id === survivor.id).map((r) => r.attribution_id)).toEqual(expect.arrayContaining(duplicate.attributions.map((a: { id: string }) => a.id)));
    const since = (await deletionsSince(beforeMerge)).deletions.map(({ type, id, reason, merged_into }) => ({ type, id, reason, merged_into }));
    expect(since).toEqual([
      { type: 'CLAIM', id: duplicate.id, reason: 'MERGED', merged_into: survivor.id },
      { type: 'CLAIM', id: deleted.id, reason: 'DELETED', merged_into: null },
    ]);
    apply(merged.rows, mergedRemovals.deletions);
    await matchesFullExport();
    expect(copy.byClaim.has(duplicate.id)).toBe(false);

    await mutate(`mutation($i: UnmergeClaimInput!) { unmergeClaim(input: $i) { id } }`, { i: { duplicateId: duplicate.id } });
    const unmerged = await exportSince(merged.mark);
    const unmergedRemovals = await deletionsSince(mergedRemovals.high_water_mark);
    expect(new Set(unmerged.rows.map((r) => r.claim_id))).toEqual(new Set([survivor.id, duplicate.id]));
    // No longer merged: not listed any more, however far back one asks.
    expect((await deletionsSince()).deletions.map((d) => d.id)).not.toContain(duplicate.id);
    apply(unmerged.rows, unmergedRemovals.deletions);
    await matchesFullExport();
    expect(copy.byClaim.get(duplicate.id)?.map((r) => r.attribution_id)).toEqual(duplicate.attributions.map((a: { id: string }) => a.id));
  });

  it('maps each variable to its UCDP field through the vocabulary, an editor\'s new variable and an alias included', async () => {
    await mutate(`mutation($i: DefineQuantityVariableInput!) { defineQuantityVariable(input: $i) { name } }`, {
      i: { name: 'deaths_aid_workers', label: 'Aid workers killed', description: 'Humanitarian staff killed.', aliases: ['aid_workers_killed'], ucdp: 'deaths_civilians (part)' },
    });
    // An alias (stored as deaths_civilians), two seeded variables, the editor's one by its alias, and one outside the vocabulary.
    const variables = ['civilians_killed', 'deaths_combatants', 'aid_workers_killed', 'people_displaced', 'goats_lost'];
    const ids: Record<string, string> = {};
    for (const variable of variables) ids[variable] = (await log({ quantities: [{ variable, value: 7 }] })).id;
    const rows = csvRecords((await getText(`${baseUrl(t.url)}/exports/claims.csv?profile=ucdp`)).text).filter((r) => r.primary_row === 'true');
    const of = (variable: string) => rows.find((r) => r.claim_id === ids[variable]);
    expect(of('civilians_killed')).toMatchObject({ variable: 'deaths_civilians', ucdp_variable: 'deaths_civilians' });
    expect(of('deaths_combatants')).toMatchObject({ variable: 'deaths_combatants', ucdp_variable: 'deaths_a + deaths_b' });
    expect(of('aid_workers_killed')).toMatchObject({ variable: 'deaths_aid_workers', ucdp_variable: 'deaths_civilians (part)' });
    expect(of('people_displaced')).toMatchObject({ variable: 'people_displaced', ucdp_variable: '' });
    expect(of('goats_lost')).toMatchObject({ variable: 'goats_lost', ucdp_variable: '' });
  });
});
