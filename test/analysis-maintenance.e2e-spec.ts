import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { createClaim, createSource } from './factories/operations';

/** The API's side of the maintained values: status changes and their history, reliability grades, versions, link refusals. */
describe('maintained sourcing values', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id version } }`;

  // How the stored values follow each write is checked in the service tier (test/services/analysis-maintenance.spec.ts).
  it('answers linkSources with each source\'s links, and refuses linking one source alone on its field', async () => {
    const x = await createSource(t, { name: 'a witness', kind: 'ANONYMOUS' });
    const y = await createSource(t, { name: 'a witness', kind: 'ANONYMOUS' });
    const linked = expectData(await t.gql(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id linkedSources { id } } }`, { input: { sourceIds: [x.id, y.id] } })).linkSources;
    expect(linked.map((s: any) => s.linkedSources.map((l: any) => l.id))).toEqual([[y.id], [x.id]]);
    expect(errorOf(await t.gql(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id } }`, { input: { sourceIds: [x.id] } })).fields?.[0].field).toBe('sourceIds');
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
