import { AttributionsService } from '../../src/attributions/attributions.service';
import { AddAttributionInput } from '../../src/attributions/dto/add-attribution.input';
import { RemoveAttributionInput } from '../../src/attributions/dto/remove-attribution.input';
import { UpdateAttributionInput } from '../../src/attributions/dto/update-attribution.input';
import { ClaimSort } from '../../src/claims/claim.enums';
import { ClaimsService } from '../../src/claims/claims.service';
import { CreateClaimInput } from '../../src/claims/dto/claim-fields.input';
import { ClaimFilterInput } from '../../src/claims/dto/claim-filter.input';
import { MergeClaimsInput, UnmergeClaimInput } from '../../src/claims/merging/dto/merge-claims.input';
import { ClaimMergeService } from '../../src/claims/merging/claim-merge.service';
import { RecordType } from '../../src/common/record-type';
import { Actor } from '../../src/core/actor';
import { CLAIM_SOURCES_SQL, SPEAKER_ANONYMITY_SQL } from '../../src/database/migrations/seeds/filter-columns';
import { DeleteRecordInput, RestoreRecordInput } from '../../src/records/dto/record-ref.input';
import { RecordsService } from '../../src/records/records.service';
import { CreateSourceInput } from '../../src/sources/dto/source-fields.input';
import { MergeSourcesInput } from '../../src/sources/dto/merge-sources.input';
import { UpdateSourceInput } from '../../src/sources/dto/update-source.input';
import { SourcesService } from '../../src/sources/sources.service';
import { claimInput, sourceInput } from '../factories';
import { TestServices, startServices } from '../support/services';

/**
 * The filter columns (claim.speaker_anonymity, claim_source) follow every write that changes a claim's live
 * attributions or its sources' kind, in the same transaction; after each step they equal what the migration's
 * SQL derives from the rows, and the filters built on them answer. Service tier: the writes and the list are the
 * services' own, called directly.
 */
describe('maintained filter columns (services)', () => {
  let s: TestServices;
  let editor: Actor;
  let claims: ClaimsService;
  let attributions: AttributionsService;
  let sources: SourcesService;
  let records: RecordsService;
  let merges: ClaimMergeService;
  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
    [claims, attributions, sources, records, merges] = [s.get(ClaimsService), s.get(AttributionsService), s.get(SourcesService), s.get(RecordsService), s.get(ClaimMergeService)];
  });
  afterAll(() => s.close());

  const createClaim = async () => claims.create(await s.input(CreateClaimInput, claimInput()), editor);
  const createSource = async (overrides: Record<string, unknown>) => sources.create(await s.input(CreateSourceInput, sourceInput(overrides)), editor);
  const add = async (value: Record<string, unknown>) => attributions.add(await s.input(AddAttributionInput, value), editor);
  /** The ids the claims list answers for this filter, as the API's list reads them. */
  const ids = async (filter: Record<string, unknown>) => {
    const page = await claims.listTreeTexts({ first: 100 }, await s.input(ClaimFilterInput, filter), ClaimSort.NEWEST, editor, 'c.id');
    return [...page.nodes].sort();
  };
  const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

  /** The stored values against the SQL derivation, over every claim (deleted ones too). */
  async function expectInStep(): Promise<void> {
    const stored: Array<{ id: string; a: string }> = await s.db.query(`SELECT id, speaker_anonymity AS a FROM claim ORDER BY id`);
    const derived: Array<{ id: string; a: string }> = await s.db.query(`SELECT id, ${SPEAKER_ANONYMITY_SQL} AS a FROM claim ORDER BY id`);
    expect(stored).toEqual(derived);
    const rows = (list: Array<Record<string, unknown>>) =>
      list.map((r) => `${r.claim_id} ${r.source_id} ${bool(r.speaks)} ${bool(r.relays)} ${r.speaker_anonymity}`).sort();
    const derivedRows = `SELECT x.*, (SELECT ${SPEAKER_ANONYMITY_SQL} FROM claim WHERE claim.id = x.claim_id) AS speaker_anonymity FROM (${CLAIM_SOURCES_SQL}) x`;
    expect(rows(await s.db.query(`SELECT * FROM claim_source`))).toEqual(rows(await s.db.query(derivedRows)));
  }

  it('follow attributions added, re-chained, removed, deleted and restored', async () => {
    const claim = await createClaim();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).not.toContain(claim.id);

    const official = await createSource({ name: 'a senior official', kind: 'ANONYMOUS' });
    const cnn = await createSource({ name: 'Cable News Network', kind: 'MEDIA_OUTLET', aliases: ['CNN'] });
    const afp = await createSource({ name: 'Agence France-Presse', kind: 'NEWS_AGENCY' });
    const viaCnn = await add({ claimId: claim.id, sourceId: official.id, chain: [{ sourceId: cnn.id }] });
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', source: 'cnn' })).toEqual([claim.id]);
    expect(await ids({ relayedBy: 'CNN' })).toEqual([claim.id]);
    expect(await ids({ sourceId: official.id })).toEqual([claim.id]);
    expect(await ids({ relayedBy: 'a senior official' })).toEqual([]);

    const minister = await createSource({ name: 'The Minister', kind: 'GOVERNMENT' });
    const named = await add({ claimId: claim.id, sourceId: minister.id, chain: [{ sourceId: afp.id }] });
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', source: 'cnn' })).toEqual([]);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).not.toContain(claim.id);
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([claim.id]);

    // Re-chained: CNN no longer relays it.
    await attributions.update(await s.input(UpdateAttributionInput, { id: viaCnn.id, chain: [{ sourceId: afp.id }] }), editor);
    await expectInStep();
    expect(await ids({ relayedBy: 'CNN' })).toEqual([]);
    expect(await ids({ relayedBy: 'Agence France-Presse' })).toEqual([claim.id]);

    await records.delete(await s.input(DeleteRecordInput, { type: RecordType.ATTRIBUTION, id: named.id }), editor);
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(claim.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', relayedBy: 'AFP' })).toEqual([]);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', relayedBy: 'Agence France-Presse' })).toEqual([claim.id]);
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([]);
    await records.restore(await s.input(RestoreRecordInput, { type: RecordType.ATTRIBUTION, id: named.id }), editor);
    await expectInStep();
    expect(await ids({ sourceKind: 'GOVERNMENT' })).toEqual([claim.id]);

    await attributions.remove(await s.input(RemoveAttributionInput, { id: viaCnn.id }), editor);
    await expectInStep();
    expect(await ids({ anonymity: 'NAMED_ONLY' })).toContain(claim.id);
    expect(await ids({ sourceId: official.id })).toEqual([]);
  });

  it("follow a source's kind changing between anonymous and named, and sources merged", async () => {
    const claim = await createClaim();
    const insider = await createSource({ name: 'an insider', kind: 'ANONYMOUS' });
    await add({ claimId: claim.id, sourceId: insider.id });
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(claim.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', sourceId: insider.id })).toEqual([claim.id]);
    await sources.update(await s.input(UpdateSourceInput, { id: insider.id, kind: 'INDIVIDUAL', name: 'Rami Haddad' }), editor);
    await expectInStep();
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(claim.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', sourceId: insider.id })).toEqual([]);
    expect(await ids({ anonymity: 'NAMED_ONLY' })).toContain(claim.id);
    expect((await claims.get(claim.id)).sourcing).toBe('SINGLE_SOURCE');

    const wire = await createSource({ name: 'Valley Wire', kind: 'NEWS_AGENCY' });
    const twin = await createSource({ name: 'The Valley Wire Service', kind: 'NEWS_AGENCY' });
    const other = await createClaim();
    await add({ claimId: other.id, sourceId: insider.id, chain: [{ sourceId: twin.id }] });
    expect(await ids({ relayedBy: 'Valley Wire' })).toEqual([]);
    await sources.merge(await s.input(MergeSourcesInput, { survivorId: wire.id, mergedId: twin.id }), editor);
    await expectInStep();
    expect(await ids({ relayedBy: 'Valley Wire' })).toEqual([other.id]);
    expect(await ids({ sourceId: twin.id })).toEqual([]);
  });

  it('follow claims merged and unmerged, and stay with a deleted claim for when it is restored', async () => {
    const survivor = await createClaim();
    const duplicate = await createClaim();
    const witness = await createSource({ name: 'a witness', kind: 'ANONYMOUS' });
    const monitor = await createSource({ name: 'Levant Monitor', kind: 'MONITORING_GROUP' });
    await add({ claimId: survivor.id, sourceId: witness.id });
    await add({ claimId: duplicate.id, sourceId: monitor.id });
    await merges.merge(await s.input(MergeClaimsInput, { survivorId: survivor.id, duplicateId: duplicate.id }), editor);
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([survivor.id]);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).not.toContain(survivor.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', sourceId: witness.id })).toEqual([]);
    await merges.unmerge(await s.input(UnmergeClaimInput, { duplicateId: duplicate.id }), editor);
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([duplicate.id]);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY' })).toContain(survivor.id);
    expect(await ids({ anonymity: 'ANONYMOUS_ONLY', sourceId: witness.id })).toEqual([survivor.id]);

    await records.delete(await s.input(DeleteRecordInput, { type: RecordType.CLAIM, id: duplicate.id }), editor);
    await expectInStep();
    expect(await ids({ sourceId: monitor.id })).toEqual([]);
    expect(await ids({ sourceId: monitor.id, deleted: 'ONLY' })).toEqual([duplicate.id]);
    await records.restore(await s.input(RestoreRecordInput, { type: RecordType.CLAIM, id: duplicate.id }), editor);
    await expectInStep();
    expect(await ids({ sourceId: monitor.id, anonymity: 'NAMED_ONLY' })).toEqual([duplicate.id]);
  });
});
