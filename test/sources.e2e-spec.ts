import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { countRows, createClaim, createSource } from './factories/operations';

describe('sources over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id name kind aliases basedIn reliability anonymous } }`;
  const UPDATE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id name aliases reliability version } }`;

  it('creates a source with aliases and reads it back by id', async () => {
    const s = expectData(await t.gql(CREATE, { input: { kind: 'MONITORING_GROUP', name: '  Levant Monitor  ', aliases: ['LM', 'Levant Monitor'], basedIn: 'Britain', reliability: 'B' } })).createSource;
    expect(s).toMatchObject({ name: 'Levant Monitor', kind: 'MONITORING_GROUP', aliases: ['LM'], basedIn: 'Britain', reliability: 'B', anonymous: false });
    const back = expectData(await t.gql(`query($id: ID!) { source(id: $id) { name aliases } }`, { id: s.id })).source;
    expect(back).toEqual({ name: 'Levant Monitor', aliases: ['LM'] });
  });

  it('finds sources by alias ignoring case and accents', async () => {
    await createSource(t, { name: 'Observatoire Sýrien', aliases: ['OSDH-Ÿ'] });
    const found = expectData(await t.gql(`{ sources(filter: { name: "osdh y" }) { totalCount nodes { name } } }`)).sources;
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0].name).toBe('Observatoire Sýrien');
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a whitespace-only name', { name: '   ' }, 'name'],
    ['a name over 300 characters', { name: 'x'.repeat(301) }, 'name'],
    ['a malformed Wikidata id', { wikidataId: 'X12' }, 'wikidataId'],
    ['an unknown kind', { kind: 'ALIEN' }, 'kind'],
    ['an unknown reliability grade', { reliability: 'G' }, 'reliability'],
    ['an unknown field', { favouriteColour: 'red' }, 'favouriteColour'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, overrides, field) => {
    const before = await countRows(t);
    const error = errorOf(await t.gql(CREATE, { input: { kind: 'NGO', name: 'Valid Name', ...overrides } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(await countRows(t)).toEqual(before);
  });

  it('updates with optimistic concurrency: a stale version gets CONFLICT with the current version', async () => {
    const s = await createSource(t);
    const ok = expectData(await t.gql(UPDATE, { input: { id: s.id, version: 1, reliability: 'C', aliases: ['RM'] } })).updateSource;
    expect(ok).toMatchObject({ reliability: 'C', aliases: ['RM'], version: 2 });
    const stale = errorOf(await t.gql(UPDATE, { input: { id: s.id, version: 1, reliability: 'D' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.extensions.currentVersion).toBe(2);
  });

  it('refuses a rename to a live source\'s name as CONFLICT, naming that source in words and the field it clashes on', async () => {
    const taken = await createSource(t);
    const other = await createSource(t);
    const clash = errorOf(await t.gql(UPDATE, { input: { id: other.id, version: 1, name: taken.name } }));
    expect(clash.code).toBe('CONFLICT');
    expect(clash.extensions.existingId).toBe(taken.id);
    expect(clash.message).toContain(`"${taken.name}"`);
    expect(clash.extensions.fields).toEqual([{ field: 'name', message: expect.stringContaining(`"${taken.name}"`) }]);
    const after = expectData(await t.gql(`query($id: ID!) { source(id: $id) { name version } }`, { id: other.id })).source;
    expect(after).toEqual({ name: other.name, version: 1 });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = errorOf(await t.gql(`{ source(id: "01890000-0000-7000-8000-000000000000") { id } }`));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('Source 01890000-0000-7000-8000-000000000000');
    const malformed = errorOf(await t.gql(`{ source(id: "not-an-id") { id } }`));
    expect(malformed.code).toBe('BAD_USER_INPUT');
    expect(malformed.fields?.[0].field).toBe('id');
  });

  it('merges a duplicate: attributions and relays move, names become aliases, the duplicate is marked deleted', async () => {
    const survivor = await createSource(t, { name: 'Valley 24' });
    const duplicate = await createSource(t, { name: 'Valley Twenty-Four', aliases: ['V24'] });
    const other = await createSource(t, { name: 'Official X', kind: 'ANONYMOUS' });
    const claim = await createClaim(t);
    const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id } }`;
    expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: duplicate.id } }));
    expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: other.id, chain: [{ sourceId: duplicate.id, cue: 'quoting' }] } }));

    const merged = expectData(
      await t.gql(`mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { id aliases } }`, { input: { survivorId: survivor.id, mergedId: duplicate.id } }),
    ).mergeSources;
    expect(merged.id).toBe(survivor.id);
    expect(merged.aliases.sort()).toEqual(['V24', 'Valley Twenty-Four']);

    const c = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { source { id } chain { source { id } } } } }`, { id: claim.id })).claim;
    expect(c.attributions[0].source.id).toBe(survivor.id);
    expect(c.attributions[1].chain[0].source.id).toBe(survivor.id);
    expect(errorOf(await t.gql(`query($id: ID!) { source(id: $id) { id } }`, { id: duplicate.id })).code).toBe('NOT_FOUND');
  });

  it('refuses to merge a source into itself', async () => {
    const s = await createSource(t);
    const error = errorOf(await t.gql(`mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { id } }`, { input: { survivorId: s.id, mergedId: s.id } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'mergedId', message: 'must differ from survivorId' }] });
  });

  it('counts the claims a source speaks in or relays, each once, leaving out removed attributions and deleted claims', async () => {
    const relay = await createSource(t, { name: 'Relay Count TV', kind: 'MEDIA_OUTLET' });
    const speaker = await createSource(t, { name: 'Count Monitor' });
    const anon = await createSource(t, { name: 'a counting official', kind: 'ANONYMOUS' });
    const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id version } }`;
    const COUNT = `query($id: ID!) { a: source(id: $id) { claimCount trackRecord { total } } }`;
    const count = async (id: string) => expectData(await t.gql(COUNT, { id })).a;
    const relayed = await createClaim(t);
    const spoken = await createClaim(t);
    const both = await createClaim(t);
    const gone = await createClaim(t);
    expectData(await t.gql(ADD, { input: { claimId: relayed.id, sourceId: anon.id, chain: [{ sourceId: relay.id, cue: 'quoting' }] } }));
    expectData(await t.gql(ADD, { input: { claimId: spoken.id, sourceId: relay.id, stance: 'DENIES' } }));
    // Speaker and relay on one claim: one claim.
    expectData(await t.gql(ADD, { input: { claimId: both.id, sourceId: relay.id } }));
    expectData(await t.gql(ADD, { input: { claimId: both.id, sourceId: speaker.id, chain: [{ sourceId: relay.id }] } }));
    const removed = expectData(await t.gql(ADD, { input: { claimId: gone.id, sourceId: anon.id, chain: [{ sourceId: relay.id }] } })).addAttribution;
    expect(await count(relay.id)).toEqual({ claimCount: 4, trackRecord: { total: 1 } });
    expectData(await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: removed.id, version: removed.version } }));
    expect((await count(relay.id)).claimCount).toBe(3);
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CLAIM', id: both.id } }));
    expect((await count(relay.id)).claimCount).toBe(2);
    expect(await count(speaker.id)).toEqual({ claimCount: 0, trackRecord: { total: 0 } });
    expect((await count(anon.id)).claimCount).toBe(1);
    // The same claims as the claims filter's sourceId, and in a list of sources, one query's loader for all of them.
    expect(expectData(await t.gql(`query($id: ID!) { claims(filter: { sourceId: $id }) { totalCount } }`, { id: relay.id })).claims.totalCount).toBe(2);
    const listed = expectData(await t.gql(`{ sources(filter: { name: "Relay Count TV" }) { nodes { name claimCount } } }`)).sources.nodes;
    expect(listed).toEqual([{ name: 'Relay Count TV', claimCount: 2 }]);
  });
});
