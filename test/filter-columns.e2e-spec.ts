import { DataSource } from 'typeorm';
import { CLAIM_SOURCES_SQL, SPEAKER_ANONYMITY_SQL } from '../src/database/migrations/seeds/filter-columns';
import { TestApp, expectData, startTestApp } from './support/app';
import { createClaim, createSource } from './factories/operations';

/**
 * The filter columns (claim.speaker_anonymity, claim_source) follow every write that changes a
 * claim's live attributions or its sources' kind, in the same transaction; after each step they
 * equal what the migration's SQL derives from the rows, and the filters built on them answer.
 */
describe('maintained filter columns', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id } }`;
  const ids = async (filter: Record<string, unknown>) =>
    expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: filter })).claims.nodes.map((n: { id: string }) => n.id).sort();
  const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

  /** The stored values against the SQL derivation, over every claim (deleted ones too). */
  async function expectInStep(): Promise<void> {
    const stored: Array<{ id: string; a: string }> = await db.query(`SELECT id, speaker_anonymity AS a FROM claim ORDER BY id`);
    const derived: Array<{ id: string; a: string }> = await db.query(`SELECT id, ${SPEAKER_ANONYMITY_SQL} AS a FROM claim ORDER BY id`);
    expect(stored).toEqual(derived);
    const rows = (list: Array<Record<string, unknown>>) =>
      list.map((r) => `${r.claim_id} ${r.source_id} ${bool(r.speaks)} ${bool(r.relays)} ${r.speaker_anonymity}`).sort();
    const derivedRows = `SELECT x.*, (SELECT ${SPEAKER_ANONYMITY_SQL} FROM claim WHERE claim.id = x.claim_id) AS speaker_anonymity FROM (${CLAIM_SOURCES_SQL}) x`;
    expect(rows(await db.query(`SELECT * FROM claim_source`))).toEqual(rows(await db.query(derivedRows)));
  }

  it('follow attributions added, re-chained, removed, deleted and restored', async () => {
    const claim = await createClaim(t);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).not.toContain(claim.id);

    const official = await createSource(t, { name: 'a senior official', kind: 'ANONYMOUS' });
    const cnn = await createSource(t, { name: 'Cable News Network', kind: 'MEDIA_OUTLET', aliases: ['CNN'] });
    const afp = await createSource(t, { name: 'Agence France-Presse', kind: 'NEWS_AGENCY' });
    const viaCnn = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: cnn.id }] } })).addAttribution;
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', source: 'cnn' })).toEqual([claim.id]);
    expect(await ids({ relayedBy: 'CNN' })).toEqual([claim.id]);
    expect(await ids({ sourceId: official.id })).toEqual([claim.id]);
    expect(await ids({ relayedBy: 'a senior official' })).toEqual([]);

    const minister = await createSource(t, { name: 'The Minister', kind: 'GOVERNMENT' });
    const named = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: minister.id, chain: [{ sourceId: afp.id }] } })).addAttribution;
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).not.toContain(claim.id);
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([claim.id]);

    // Re-chained: CNN no longer relays it.
    expectData(await t.gql(`mutation($input: UpdateAttributionInput!) { updateAttribution(input: $input) { id } }`, { input: { id: viaCnn.id, chain: [{ sourceId: afp.id }] } }));
    await expectInStep();
    expect(await ids({ relayedBy: 'CNN' })).toEqual([]);
    expect(await ids({ relayedBy: 'Agence France-Presse' })).toEqual([claim.id]);

    const DELETE = `mutation($id: ID!) { deleteRecord(input: { type: ATTRIBUTION, id: $id }) { deletedAt } }`;
    const RESTORE = `mutation($id: ID!) { restoreRecord(input: { type: ATTRIBUTION, id: $id }) { deletedAt } }`;
    expectData(await t.gql(DELETE, { id: named.id }));
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(claim.id);
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([]);
    expectData(await t.gql(RESTORE, { id: named.id }));
    await expectInStep();
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([claim.id]);

    expectData(await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: viaCnn.id } }));
    await expectInStep();
    expect(await ids({ anonymity: 'NAMED_ONLY' })).toContain(claim.id);
    expect(await ids({ sourceId: official.id })).toEqual([]);
  });

  it('follow a source\'s kind changing between anonymous and named, and sources merged', async () => {
    const claim = await createClaim(t);
    const insider = await createSource(t, { name: 'an insider', kind: 'ANONYMOUS' });
    expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: insider.id } }));
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(claim.id);
    const UPDATE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id kind } }`;
    expectData(await t.gql(UPDATE, { input: { id: insider.id, kind: 'INDIVIDUAL', name: 'Rami Haddad' } }));
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).toContain(claim.id);
    expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { sourcing } }`, { id: claim.id })).claim.sourcing).toBe('SINGLE_SOURCE');

    const wire = await createSource(t, { name: 'Valley Wire', kind: 'NEWS_AGENCY' });
    const twin = await createSource(t, { name: 'The Valley Wire Service', kind: 'NEWS_AGENCY' });
    const other = await createClaim(t);
    expectData(await t.gql(ADD, { input: { claimId: other.id, sourceId: insider.id, chain: [{ sourceId: twin.id }] } }));
    expect(await ids({ relayedBy: 'Valley Wire' })).toEqual([]);
    expectData(await t.gql(`mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { id } }`, { input: { survivorId: wire.id, mergedId: twin.id } }));
    await expectInStep();
    expect(await ids({ relayedBy: 'Valley Wire' })).toEqual([other.id]);
    expect(await ids({ sourceId: twin.id })).toEqual([]);
  });

  it('follow claims merged and unmerged, and stay with a deleted claim for when it is restored', async () => {
    const survivor = await createClaim(t);
    const duplicate = await createClaim(t);
    const witness = await createSource(t, { name: 'a witness', kind: 'ANONYMOUS' });
    const monitor = await createSource(t, { name: 'Levant Monitor', kind: 'MONITORING_GROUP' });
    expectData(await t.gql(ADD, { input: { claimId: survivor.id, sourceId: witness.id } }));
    expectData(await t.gql(ADD, { input: { claimId: duplicate.id, sourceId: monitor.id } }));
    expectData(await t.gql(`mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }`, { input: { survivorId: survivor.id, duplicateId: duplicate.id } }));
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([survivor.id]);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(survivor.id);
    expectData(await t.gql(`mutation($input: UnmergeClaimInput!) { unmergeClaim(input: $input) { id } }`, { input: { duplicateId: duplicate.id } }));
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([duplicate.id]);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(survivor.id);

    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: duplicate.id }));
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([]);
    expect(await ids({ sourceId: monitor.id, deleted: 'ONLY' })).toEqual([duplicate.id]);
    expectData(await t.gql(`mutation($id: ID!) { restoreRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: duplicate.id }));
    await expectInStep();
    expect(await ids({ sourceId: monitor.id, anonymity: 'NAMED_ONLY' })).toEqual([duplicate.id]);
  });
});
