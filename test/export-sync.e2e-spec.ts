import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, getText } from './support/http';
import { SyncedCopy, mutateLater, readClaimsSince, readDeletionsSince, sortedRows } from './support/sync-feeds';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id updatedAt attributions { id source { id name } chain { source { id } } citations { id article { id } } } } }`;

/** Issue 17 item 2: updated_at moves with every change a row shows, and two calls keep a copy in sync. */
describe('incremental sync', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const log = async (overrides: Record<string, unknown> = {}) => expectData(await t.gql(LOG, { input: logClaimInput(overrides) })).logClaim;
  const updatedAt = async (id: string) => expectData(await t.gql(`query($id: ID!) { claim(id: $id) { updatedAt } }`, { id })).claim.updatedAt as string;
  const mutate = (query: string, variables: Record<string, unknown>) => mutateLater(t, query, variables);
  const exportSince = (since?: string) => readClaimsSince(t, since);
  const deletionsSince = (since?: string) => readDeletionsSince(t, since);

  it('moves a claim\'s updated_at with every edit its exported rows show, and only that claim\'s', async () => {
    const input = logClaimInput();
    (input.attributions as any[])[0].quote = { quote: 'More than 200 fighters remain' };
    const claim = expectData(await t.gql(LOG, { input })).logClaim;
    const bystander = await log();
    const [named, anonymous] = claim.attributions;
    const relay = anonymous.chain[0].source.id;
    const article = named.citations[0].article.id;
    const edits: Array<[string, string, Record<string, unknown>]> = [
      ['statement', `mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { id } }`, { i: { id: claim.id, statement: 'A changed statement.' } }],
      ['add attribution', `mutation($i: AddAttributionInput!) { addAttribution(input: $i) { id } }`, { i: { claimId: claim.id, sourceId: bystander.attributions[0].source.id } }],
      ['remove attribution', `mutation($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, { i: { id: named.id } }],
      ['rename the speaker', `mutation($i: UpdateSourceInput!) { updateSource(input: $i) { id } }`, { i: { id: anonymous.source.id, name: 'a senior security officer' } }],
      ['rename the relay', `mutation($i: UpdateSourceInput!) { updateSource(input: $i) { id } }`, { i: { id: relay, name: `Channel Ten ${Date.now()}` } }],
      ['grade the relay', `mutation($i: SetReliabilityInput!) { setSourceReliability(input: $i) { id } }`, { i: { id: relay, reliability: 'B', reason: 'track record' } }],
      ['article headline', `mutation($i: UpdateArticleInput!) { updateArticle(input: $i) { id } }`, { i: { id: article, headline: 'A new headline' } }],
      ['status', `mutation($i: SetClaimStatusInput!) { setClaimStatus(input: $i) { id } }`, { i: { id: claim.id, status: 'CORROBORATED', reason: 'two sources' } }],
    ];
    const bystanderBefore = await updatedAt(bystander.id);
    let previous = await updatedAt(claim.id);
    const moved: Record<string, boolean> = {};
    for (const [what, mutation, variables] of edits) {
      await mutate(mutation, variables);
      const now = await updatedAt(claim.id);
      moved[what] = now > previous;
      previous = now;
    }
    expect(moved).toEqual(Object.fromEntries(edits.map(([what]) => [what, true])));
    // The bystander shares no source or article with the edits above except the one it lent (its speaker was only read).
    expect(await updatedAt(bystander.id)).toBe(bystanderBefore);
    const exported = (await exportSince()).rows.filter((r) => r.claim_id === claim.id);
    expect(new Set(exported.map((r) => r.updated_at))).toEqual(new Set([previous]));
  });

  it('keeps a copy in sync with two calls across edits, deletions and restores', async () => {
    const a = await log();
    const b = await log();
    const c = await log();
    const d = await log();
    // Call 1 (the first time: everything).
    const first = await exportSince();
    const firstDeletions = await deletionsSince();
    const copy = new SyncedCopy();
    copy.apply(first.rows, firstDeletions.deletions);
    const between = new Date().toISOString();

    await mutate(`mutation($i: UpdateSourceInput!) { updateSource(input: $i) { id } }`, { i: { id: b.attributions[0].source.id, name: `Renamed Monitor ${Date.now()}` } });
    await mutate(`mutation($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, { i: { id: a.attributions[1].id } });
    await mutate(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: d.id });
    await mutate(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: c.id });
    await mutate(`mutation($id: ID!) { restoreRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: c.id });
    await mutate(`mutation($i: SetReliabilityInput!) { setSourceReliability(input: $i) { id } }`, { i: { id: c.attributions[0].source.id, reliability: 'C', reason: 'checked' } });

    // Call 2: what changed and what left, since the marks of call 1.
    const second = await exportSince(first.mark);
    const secondDeletions = await deletionsSince(firstDeletions.high_water_mark);
    copy.apply(second.rows, secondDeletions.deletions);
    expect(copy.rows()).toEqual(sortedRows((await exportSince()).rows));

    // The marks are honest: from a time after call 1, exactly the edited claims, and exactly what left.
    expect(new Set((await exportSince(between)).rows.map((r) => r.claim_id))).toEqual(new Set([a.id, b.id, c.id]));
    const gone = (await deletionsSince(between)).deletions.map((x) => ({ type: x.type, id: x.id, claim_id: x.claim_id, reason: x.reason }));
    expect(gone).toEqual([
      { type: 'ATTRIBUTION', id: a.attributions[1].id, claim_id: a.id, reason: 'DELETED' },
      { type: 'CLAIM', id: d.id, claim_id: d.id, reason: 'DELETED' },
    ]);
    expect(new Date(first.mark).getTime()).toBeLessThan(Date.now());
  });

  it('takes updatedSince in the GraphQL claims filter, and refuses a bad since', async () => {
    const claim = await log();
    const since = new Date().toISOString();
    await mutate(`mutation($i: UpdateSourceInput!) { updateSource(input: $i) { id } }`, { i: { id: claim.attributions[0].source.id, name: `Another name ${Date.now()}` } });
    const nodes = expectData(await t.gql(`query($s: DateTime) { claims(first: 100, filter: { updatedSince: $s }) { nodes { id } } }`, { s: since })).claims.nodes;
    expect(nodes.map((n: { id: string }) => n.id)).toEqual([claim.id]);
    const bad = await getText(`${baseUrl(t.url)}/exports/deletions?since=2019-02-30`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).fields[0].field).toBe('since');
  });
});
