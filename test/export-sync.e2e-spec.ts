import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id updatedAt attributions { id source { id name } chain { source { id } } citations { id article { id } } } } }`;
const pause = () => new Promise((r) => setTimeout(r, 15));

type Row = Record<string, any>;

/** Issue 17 item 2: updated_at moves with every change a row shows, and two calls keep a copy in sync. */
describe('incremental sync', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
  });
  afterAll(() => t.close());

  const log = async (overrides: Record<string, unknown> = {}) => expectData(await t.gql(LOG, { input: logClaimInput(overrides) })).logClaim;
  const updatedAt = async (id: string) => expectData(await t.gql(`query($id: ID!) { claim(id: $id) { updatedAt } }`, { id })).claim.updatedAt as string;
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    await pause();
    expectData(await t.gql(query, variables));
  };
  const exportSince = async (since?: string) => {
    const text = (await getText(`${base}/exports/claims.jsonl${since ? `?updatedSince=${encodeURIComponent(since)}` : ''}`)).text;
    const lines = jsonLines(text);
    const summary = lines.pop() as { _summary: { high_water_mark: string; complete: boolean } };
    expect(summary._summary.complete).toBe(true);
    return { rows: lines as Row[], mark: summary._summary.high_water_mark };
  };
  const deletionsSince = async (since?: string) => {
    const res = await getText(`${base}/exports/deletions${since ? `?since=${encodeURIComponent(since)}` : ''}`);
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as { high_water_mark: string; deletions: Array<{ type: string; id: string; claim_id: string; reason: string; at: string }> };
  };

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
    const copy = new Map<string, Row[]>();
    const apply = (rows: Row[], deletions: Array<{ type: string; id: string; claim_id: string }>) => {
      const byClaim = new Map<string, Row[]>();
      for (const row of rows) byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), row]);
      for (const [id, claimRows] of byClaim) copy.set(id, claimRows);
      for (const gone of deletions) {
        if (gone.type === 'CLAIM') copy.delete(gone.claim_id);
        else if (!byClaim.has(gone.claim_id)) copy.set(gone.claim_id, (copy.get(gone.claim_id) ?? []).filter((r) => r.attribution_id !== gone.id));
      }
    };
    apply(first.rows, firstDeletions.deletions);
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
    apply(second.rows, secondDeletions.deletions);
    const sorted = (rows: Row[]) => [...rows].sort((x, y) => `${x.claim_id}${x.attribution_id}`.localeCompare(`${y.claim_id}${y.attribution_id}`));
    expect(sorted([...copy.values()].flat())).toEqual(sorted((await exportSince()).rows));

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
    const bad = await getText(`${base}/exports/deletions?since=2019-02-30`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).fields[0].field).toBe('since');
  });
});
