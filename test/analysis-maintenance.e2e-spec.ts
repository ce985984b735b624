import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { createClaim, createSource } from './factories/operations';

/** The stored sourcing values follow every write that changes them, in the same transaction. */
describe('maintained sourcing values', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id version } }`;
  const sourcing = async (id: string) =>
    expectData(await t.gql(`query($id: ID!) { claim(id: $id) { independentSourceCount denyingSourceCount questioningSourceCount sourcing circular hasDiscrepancy } }`, { id })).claim;
  const filtered = async (filter: Record<string, unknown>) =>
    expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: filter })).claims.nodes.map((n: { id: string }) => n.id);

  it('follows attributions added, re-chained and removed', async () => {
    const claim = await createClaim(t);
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 0, sourcing: 'UNSOURCED' });

    const official = await createSource(t, { name: 'a senior official', kind: 'ANONYMOUS' });
    const cnn = await createSource(t, { name: 'CNN', kind: 'MEDIA_OUTLET' });
    const afp = await createSource(t, { name: 'AFP', kind: 'NEWS_AGENCY' });
    const viaCnn = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: cnn.id }] } })).addAttribution;
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, sourcing: 'ANONYMOUS_ONLY', circular: false });

    // A second anonymous official, reached through AFP relaying CNN: the same origin, so circular.
    const second = await createSource(t, { name: 'a senior official', kind: 'ANONYMOUS' });
    const viaAfp = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: second.id, chain: [{ sourceId: afp.id }, { sourceId: cnn.id }] } })).addAttribution;
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, circular: true });
    expect(await filtered({ circular: true })).toEqual([claim.id]);

    // Re-chained through AFP alone, the second official is a separate origin.
    expectData(await t.gql(`mutation($input: UpdateAttributionInput!) { updateAttribution(input: $input) { id } }`, { input: { id: viaAfp.id, chain: [{ sourceId: afp.id }] } }));
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, circular: false, sourcing: 'ANONYMOUS_ONLY' });
    expect(await filtered({ minIndependentSources: 2 })).toEqual([claim.id]);

    const monitor = await createSource(t, { name: 'Levant Monitor' });
    expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: monitor.id } }));
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 3, sourcing: 'CORROBORATED' });

    const denial = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: afp.id, stance: 'DENIES' } })).addAttribution;
    expect(await sourcing(claim.id)).toMatchObject({ denyingSourceCount: 1, sourcing: 'CONTESTED' });

    expectData(await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: denial.id } }));
    expectData(await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: viaCnn.id } }));
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, denyingSourceCount: 0, sourcing: 'CORROBORATED' });
  });

  it('follows sources merged, linked and unlinked', async () => {
    const claim = await createClaim(t);
    const a = await createSource(t, { name: 'Valley 24' });
    const b = await createSource(t, { name: 'Valley Twenty Four' });
    for (const s of [a, b]) expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: s.id } }));
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, sourcing: 'CORROBORATED' });
    expectData(await t.gql(`mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { id } }`, { input: { survivorId: a.id, mergedId: b.id } }));
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, sourcing: 'SINGLE_SOURCE' });

    const other = await createClaim(t);
    const x = await createSource(t, { name: 'a witness', kind: 'ANONYMOUS' });
    const y = await createSource(t, { name: 'a witness', kind: 'ANONYMOUS' });
    for (const s of [x, y]) expectData(await t.gql(ADD, { input: { claimId: other.id, sourceId: s.id } }));
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 2 });
    const linked = expectData(await t.gql(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id linkedSources { id } } }`, { input: { sourceIds: [x.id, y.id] } })).linkSources;
    expect(linked.map((s: any) => s.linkedSources.map((l: any) => l.id))).toEqual([[y.id], [x.id]]);
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 1 });
    expectData(await t.gql(`mutation($input: UnlinkSourcesInput!) { unlinkSources(input: $input) { id } }`, { input: { sourceIds: [y.id] } }));
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 2 });
    expect(errorOf(await t.gql(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id } }`, { input: { sourceIds: [x.id] } })).fields?.[0].field).toBe('sourceIds');
  });

  it('follows figures: a discrepancy appears and disappears as quantities change', async () => {
    const low = await createClaim(t, { quantities: [{ variable: 'fighters_left', value: 300, approximate: true }] });
    const high = await createClaim(t, { quantities: [{ variable: 'fighters_left', lower: 1000 }] });
    expect(await sourcing(low.id)).toMatchObject({ hasDiscrepancy: true });
    expect((await filtered({ hasDiscrepancy: true })).sort()).toEqual([low.id, high.id].sort());
    expectData(await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, { input: { id: high.id, quantities: [{ variable: 'fighters_left', lower: 250 }] } }));
    expect(await sourcing(low.id)).toMatchObject({ hasDiscrepancy: false });
    expect(await filtered({ hasDiscrepancy: true })).toEqual([]);
    // Different event windows describe different moments: no discrepancy.
    const dated = await createClaim(t, { eventTime: { start: '2019-01-01T00:00:00Z' }, quantities: [{ variable: 'fighters_left', value: 5000 }] });
    const later = await createClaim(t, { eventTime: { start: '2019-06-01T00:00:00Z' }, quantities: [{ variable: 'fighters_left', value: 10 }] });
    const pairs = expectData(await t.gql(`{ discrepancies(variable: "fighters_left") { claim { id } otherClaim { id } } }`)).discrepancies;
    const involved = pairs.flatMap((p: any) => [p.claim.id, p.otherClaim.id]);
    expect(involved).toContain(dated.id);
    expect(pairs.some((p: any) => [p.claim.id, p.otherClaim.id].sort().join() === [dated.id, later.id].sort().join())).toBe(false);
  });

  it('changes editorial status only through setClaimStatus, keeping the history and track records', async () => {
    const claim = await createClaim(t);
    const source = await createSource(t, { name: 'Track Record Monitor' });
    expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: source.id } }));
    const SET = `mutation($input: SetClaimStatusInput!) { setClaimStatus(input: $input) { status statusHistory { fromStatus toStatus reason } } }`;
    const set = expectData(await t.gql(SET, { input: { id: claim.id, status: 'CONFIRMED', reason: 'Confirmed by our correspondent' } })).setClaimStatus;
    expect(set).toEqual({ status: 'CONFIRMED', statusHistory: [{ fromStatus: 'UNVERIFIED', toStatus: 'CONFIRMED', reason: 'Confirmed by our correspondent' }] });
    expect(errorOf(await t.gql(SET, { input: { id: claim.id, status: 'FALSE', reason: '  ' } })).fields?.[0].field).toBe('reason');
    const record = expectData(await t.gql(`query($id: ID!) { source(id: $id) { trackRecord { total confirmed false unverified } } }`, { id: source.id })).source.trackRecord;
    expect(record).toEqual({ total: 1, confirmed: 1, false: 0, unverified: 0 });
  });

  it('refuses to set the status a claim already has, changing nothing, and audits the reason being replaced', async () => {
    const claim = await createClaim(t);
    const SET = `mutation($input: SetClaimStatusInput!) { setClaimStatus(input: $input) { status version } }`;
    expectData(await t.gql(SET, { input: { id: claim.id, status: 'CONFIRMED', reason: 'First check' } }));
    const READ = `query($id: ID!) { claim(id: $id) { status version statusHistory { toStatus reason } } }`;
    const before = expectData(await t.gql(READ, { id: claim.id })).claim;
    const error = errorOf(await t.gql(SET, { input: { id: claim.id, status: 'CONFIRMED', reason: 'Checked again' } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'status', message: expect.stringContaining('already CONFIRMED') }] });
    expect(expectData(await t.gql(READ, { id: claim.id })).claim).toEqual(before);

    expectData(await t.gql(SET, { input: { id: claim.id, status: 'FALSE', reason: 'Retracted by the monitor' } }));
    const HISTORY = `query($id: ID!) { history(entityType: CLAIM, id: $id) { nodes { action changes { field before after } } } }`;
    const events = expectData(await t.gql(HISTORY, { id: claim.id })).history.nodes;
    expect(events.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    expect(events[2].changes).toContainEqual({ field: 'statusReason', before: '"First check"', after: '"Retracted by the monitor"' });
    expect(events[2].changes).toContainEqual({ field: 'status', before: '"CONFIRMED"', after: '"FALSE"' });
  });

  it('keeps the history of a source\'s reliability grade', async () => {
    const source = await createSource(t, { reliability: 'B' });
    const SET = `mutation($input: SetReliabilityInput!) { setSourceReliability(input: $input) { reliability reliabilityHistory { fromGrade toGrade reason } } }`;
    const after = expectData(await t.gql(SET, { input: { id: source.id, reliability: 'E', reason: 'Two fabricated casualty figures' } })).setSourceReliability;
    expect(after).toEqual({ reliability: 'E', reliabilityHistory: [{ fromGrade: 'B', toGrade: 'E', reason: 'Two fabricated casualty figures' }] });
  });
});

describe('derived values are not edits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('leaves the claim\'s version alone when its sourcing or discrepancy flag changes', async () => {
    const claim = await createClaim(t, { quantities: [{ variable: 'held', value: 10 }] });
    await createClaim(t, { quantities: [{ variable: 'held', value: 5000 }] });
    const source = await createSource(t);
    expectData(await t.gql(`mutation($c: ID!, $s: ID!) { addAttribution(input: { claimId: $c, sourceId: $s }) { id } }`, { c: claim.id, s: source.id }));
    const after = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { version hasDiscrepancy sourcing } }`, { id: claim.id })).claim;
    expect(after).toEqual({ version: 1, hasDiscrepancy: true, sourcing: 'SINGLE_SOURCE' });
  });
});
