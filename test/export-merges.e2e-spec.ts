import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText, jsonLines } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { id } } }`;
const pause = () => new Promise((r) => setTimeout(r, 15));

type Row = Record<string, any>;
type Removal = { type: string; id: string; claim_id: string; reason: string; merged_into: string | null; at: string };

/** Issue 17 items 2 and 8 after issue 16: merged claims in the deletions feed, and the UCDP profile through the vocabulary. */
describe('exports after mergeClaims, and the UCDP profile through the vocabulary of figures', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
  });
  afterAll(() => t.close());

  const log = async (overrides: Record<string, unknown> = {}) => expectData(await t.gql(LOG, { input: logClaimInput(overrides) })).logClaim;
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    await pause();
    expectData(await t.gql(query, variables));
  };
  const exportSince = async (since?: string) => {
    const lines = jsonLines((await getText(`${base}/exports/claims.jsonl${since ? `?updatedSince=${encodeURIComponent(since)}` : ''}`)).text);
    const summary = lines.pop() as { _summary: { high_water_mark: string } };
    return { rows: lines as Row[], mark: summary._summary.high_water_mark };
  };
  const deletionsSince = async (since?: string) =>
    JSON.parse((await getText(`${base}/exports/deletions${since ? `?since=${encodeURIComponent(since)}` : ''}`)).text) as { high_water_mark: string; deletions: Removal[] };

  it('lists a merged claim as MERGED with its survivor; an unmerge brings it back through updatedSince; a copy kept with two calls stays true', async () => {
    const survivor = await log();
    const duplicate = await log();
    const deleted = await log();
    const copy = new Map<string, Row[]>();
    const apply = (rows: Row[], deletions: Removal[]) => {
      const byClaim = new Map<string, Row[]>();
      for (const row of rows) byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), row]);
      for (const [id, claimRows] of byClaim) copy.set(id, claimRows);
      for (const gone of deletions) {
        if (gone.type === 'CLAIM') copy.delete(gone.claim_id);
        else if (!byClaim.has(gone.claim_id)) copy.set(gone.claim_id, (copy.get(gone.claim_id) ?? []).filter((r) => r.attribution_id !== gone.id));
      }
    };
    const sorted = (rows: Row[]) => [...rows].sort((x, y) => `${x.claim_id}${x.attribution_id}`.localeCompare(`${y.claim_id}${y.attribution_id}`));
    const matchesFullExport = async () => expect(sorted([...copy.values()].flat())).toEqual(sorted((await exportSince()).rows));

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
    expect(copy.has(duplicate.id)).toBe(false);

    await mutate(`mutation($i: UnmergeClaimInput!) { unmergeClaim(input: $i) { id } }`, { i: { duplicateId: duplicate.id } });
    const unmerged = await exportSince(merged.mark);
    const unmergedRemovals = await deletionsSince(mergedRemovals.high_water_mark);
    expect(new Set(unmerged.rows.map((r) => r.claim_id))).toEqual(new Set([survivor.id, duplicate.id]));
    // No longer merged: not listed any more, however far back one asks.
    expect((await deletionsSince()).deletions.map((d) => d.id)).not.toContain(duplicate.id);
    apply(unmerged.rows, unmergedRemovals.deletions);
    await matchesFullExport();
    expect(copy.get(duplicate.id)?.map((r) => r.attribution_id)).toEqual(duplicate.attributions.map((a: { id: string }) => a.id));
  });

  it('maps each variable to its UCDP field through the vocabulary, an editor\'s new variable and an alias included', async () => {
    await mutate(`mutation($i: DefineQuantityVariableInput!) { defineQuantityVariable(input: $i) { name } }`, {
      i: { name: 'deaths_aid_workers', label: 'Aid workers killed', description: 'Humanitarian staff killed.', aliases: ['aid_workers_killed'], ucdp: 'deaths_civilians (part)' },
    });
    // An alias (stored as deaths_civilians), two seeded variables, the editor's one by its alias, and one outside the vocabulary.
    const variables = ['civilians_killed', 'deaths_combatants', 'aid_workers_killed', 'people_displaced', 'goats_lost'];
    const ids: Record<string, string> = {};
    for (const variable of variables) ids[variable] = (await log({ quantities: [{ variable, value: 7 }] })).id;
    const rows = csvRecords((await getText(`${base}/exports/claims.csv?profile=ucdp`)).text).filter((r) => r.primary_row === 'true');
    const of = (variable: string) => rows.find((r) => r.claim_id === ids[variable]);
    expect(of('civilians_killed')).toMatchObject({ variable: 'deaths_civilians', ucdp_variable: 'deaths_civilians' });
    expect(of('deaths_combatants')).toMatchObject({ variable: 'deaths_combatants', ucdp_variable: 'deaths_a + deaths_b' });
    expect(of('aid_workers_killed')).toMatchObject({ variable: 'deaths_aid_workers', ucdp_variable: 'deaths_civilians (part)' });
    expect(of('people_displaced')).toMatchObject({ variable: 'people_displaced', ucdp_variable: '' });
    expect(of('goats_lost')).toMatchObject({ variable: 'goats_lost', ucdp_variable: '' });
  });
});
