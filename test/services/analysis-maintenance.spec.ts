import { AnalysisQueriesService } from '../../src/claims/analysis/analysis-queries.service';
import { DiscrepanciesArgs } from '../../src/claims/analysis/dto/discrepancies.args';
import { AttributionsService } from '../../src/attributions/attributions.service';
import { AddAttributionInput } from '../../src/attributions/dto/add-attribution.input';
import { RemoveAttributionInput } from '../../src/attributions/dto/remove-attribution.input';
import { UpdateAttributionInput } from '../../src/attributions/dto/update-attribution.input';
import { ClaimSort } from '../../src/claims/claim.enums';
import { ClaimsService } from '../../src/claims/claims.service';
import { CreateClaimInput } from '../../src/claims/dto/claim-fields.input';
import { ClaimFilterInput } from '../../src/claims/dto/claim-filter.input';
import { UpdateClaimInput } from '../../src/claims/dto/update-claim.input';
import { Actor } from '../../src/core/actor';
import { CreateSourceInput } from '../../src/sources/dto/source-fields.input';
import { MergeSourcesInput } from '../../src/sources/dto/merge-sources.input';
import { SourcesService } from '../../src/sources/sources.service';
import { claimInput, sourceInput } from '../factories';
import { TestServices, startServices } from '../support/services';

/**
 * The stored sourcing values and discrepancy flags follow every write that changes them, in the same transaction
 * (service tier). The API's side of these writes (field errors, versions, status history) is in
 * test/analysis-maintenance.e2e-spec.ts.
 */
describe('maintained sourcing values (services)', () => {
  let s: TestServices;
  let editor: Actor;
  let claims: ClaimsService;
  let attributions: AttributionsService;
  let sources: SourcesService;
  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
    [claims, attributions, sources] = [s.get(ClaimsService), s.get(AttributionsService), s.get(SourcesService)];
  });
  afterAll(() => s.close());

  const createClaim = async (overrides: Record<string, unknown> = {}) => claims.create(await s.input(CreateClaimInput, claimInput(overrides)), editor);
  const createSource = async (overrides: Record<string, unknown> = {}) => sources.create(await s.input(CreateSourceInput, sourceInput(overrides)), editor);
  const add = async (value: Record<string, unknown>) => attributions.add(await s.input(AddAttributionInput, value), editor);
  const remove = async (id: string) => attributions.remove(await s.input(RemoveAttributionInput, { id }), editor);
  const sourcing = async (id: string) => {
    const c = await claims.get(id);
    return { independentSourceCount: c.independentSourceCount, denyingSourceCount: c.denyingSourceCount, sourcing: c.sourcing, circular: Boolean(c.circular), hasDiscrepancy: Boolean(c.hasDiscrepancy) };
  };
  const filtered = async (filter: Record<string, unknown>) =>
    (await claims.listTreeTexts({ first: 100 }, await s.input(ClaimFilterInput, filter), ClaimSort.NEWEST, editor, 'c.id')).nodes;

  it('follows attributions added, re-chained and removed', async () => {
    const claim = await createClaim();
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 0, sourcing: 'UNSOURCED' });

    const official = await createSource({ name: 'a senior official', kind: 'ANONYMOUS' });
    const cnn = await createSource({ name: 'CNN', kind: 'MEDIA_OUTLET' });
    const afp = await createSource({ name: 'AFP', kind: 'NEWS_AGENCY' });
    const viaCnn = await add({ claimId: claim.id, sourceId: official.id, chain: [{ sourceId: cnn.id }] });
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, sourcing: 'ANONYMOUS_ONLY', circular: false });

    // A second anonymous official, reached through AFP relaying CNN: the same origin, so circular.
    const second = await createSource({ name: 'a senior official', kind: 'ANONYMOUS' });
    const viaAfp = await add({ claimId: claim.id, sourceId: second.id, chain: [{ sourceId: afp.id }, { sourceId: cnn.id }] });
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, circular: true });
    expect(await filtered({ circular: true })).toEqual([claim.id]);

    // Re-chained through AFP alone, the second official is a separate origin.
    await attributions.update(await s.input(UpdateAttributionInput, { id: viaAfp.id, chain: [{ sourceId: afp.id }] }), editor);
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, circular: false, sourcing: 'ANONYMOUS_ONLY' });
    expect(await filtered({ minIndependentSources: 2 })).toEqual([claim.id]);

    const monitor = await createSource({ name: 'Levant Monitor' });
    await add({ claimId: claim.id, sourceId: monitor.id });
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 3, sourcing: 'CORROBORATED' });

    const denial = await add({ claimId: claim.id, sourceId: afp.id, stance: 'DENIES' });
    expect(await sourcing(claim.id)).toMatchObject({ denyingSourceCount: 1, sourcing: 'CONTESTED' });

    await remove(denial.id);
    await remove(viaCnn.id);
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, denyingSourceCount: 0, sourcing: 'CORROBORATED' });
  });

  it('follows sources merged, linked and unlinked', async () => {
    const claim = await createClaim();
    const a = await createSource({ name: 'Valley 24' });
    const b = await createSource({ name: 'Valley Twenty Four' });
    for (const source of [a, b]) await add({ claimId: claim.id, sourceId: source.id });
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 2, sourcing: 'CORROBORATED' });
    await sources.merge(await s.input(MergeSourcesInput, { survivorId: a.id, mergedId: b.id }), editor);
    expect(await sourcing(claim.id)).toMatchObject({ independentSourceCount: 1, sourcing: 'SINGLE_SOURCE' });

    const other = await createClaim();
    const x = await createSource({ name: 'a witness', kind: 'ANONYMOUS' });
    const y = await createSource({ name: 'a witness', kind: 'ANONYMOUS' });
    for (const source of [x, y]) await add({ claimId: other.id, sourceId: source.id });
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 2 });
    await sources.link([x.id, y.id], editor);
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 1 });
    await sources.unlink([y.id], editor);
    expect(await sourcing(other.id)).toMatchObject({ independentSourceCount: 2 });
  });

  it('follows figures: a discrepancy appears and disappears as quantities change', async () => {
    const low = await createClaim({ quantities: [{ variable: 'fighters_left', value: 300, approximate: true }] });
    const high = await createClaim({ quantities: [{ variable: 'fighters_left', lower: 1000 }] });
    expect(await sourcing(low.id)).toMatchObject({ hasDiscrepancy: true });
    expect((await filtered({ hasDiscrepancy: true })).sort()).toEqual([low.id, high.id].sort());
    await claims.update(await s.input(UpdateClaimInput, { id: high.id, quantities: [{ variable: 'fighters_left', lower: 250 }] }), editor);
    expect(await sourcing(low.id)).toMatchObject({ hasDiscrepancy: false });
    expect(await filtered({ hasDiscrepancy: true })).toEqual([]);
    // Different event windows describe different moments: no discrepancy.
    const at = (iso: string) => ({ start: new Date(iso) });
    const dated = await createClaim({ eventTime: at('2019-01-01T00:00:00Z'), quantities: [{ variable: 'fighters_left', value: 5000 }] });
    const later = await createClaim({ eventTime: at('2019-06-01T00:00:00Z'), quantities: [{ variable: 'fighters_left', value: 10 }] });
    const pairs = await s.get(AnalysisQueriesService).discrepancies(await s.input(DiscrepanciesArgs, { variable: 'fighters_left' }));
    const involved = pairs.flatMap((p) => [p.claim.id, p.otherClaim.id]);
    expect(involved).toContain(dated.id);
    expect(pairs.some((p) => [p.claim.id, p.otherClaim.id].sort().join() === [dated.id, later.id].sort().join())).toBe(false);
  });
});
