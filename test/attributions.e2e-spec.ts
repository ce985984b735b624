import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { countRows, createArticle, createClaim, createSource } from './factories/operations';

describe('attributions and citations over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id version stance cue mode credibility conditions chain { position cue source { id } } source { id } claim { id } } }`;
  const UPDATE = `mutation($input: UpdateAttributionInput!) { updateAttribution(input: $input) { id version stance chain { position source { id } } } }`;

  async function setup() {
    const claim = await createClaim(t);
    const official = await createSource(t, { name: 'a senior military official', kind: 'ANONYMOUS' });
    const [agency, network, paper] = [await createSource(t, { kind: 'NEWS_AGENCY' }), await createSource(t, { kind: 'MEDIA_OUTLET' }), await createSource(t, { kind: 'MEDIA_OUTLET' })];
    return { claim, official, agency, network, paper };
  }

  it('adds an attribution with a three-hop relay chain, in order', async () => {
    const { claim, official, agency, network, paper } = await setup();
    const a = expectData(
      await t.gql(ADD, {
        input: {
          claimId: claim.id,
          sourceId: official.id,
          cue: 'reported',
          mode: 'PARAPHRASE',
          credibility: 3,
          conditions: ['could not be independently verified'],
          chain: [{ sourceId: agency.id, cue: 'citing' }, { sourceId: network.id, cue: 'quoting' }, { sourceId: paper.id }],
        },
      }),
    ).addAttribution;
    expect(a.chain.map((h: any) => [h.position, h.source.id])).toEqual([[0, agency.id], [1, network.id], [2, paper.id]]);
    expect(a).toMatchObject({ stance: 'ASSERTS', credibility: 3, conditions: ['could not be independently verified'], claim: { id: claim.id } });
  });

  it('refuses a chain that names the speaker as their own intermediary, or repeats a hop', async () => {
    const { claim, official, agency } = await setup();
    const before = await countRows(t);
    const self = errorOf(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: agency.id }, { sourceId: official.id }] } }));
    expect(self).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'chain.1.sourceId', message: 'the speaker cannot be their own intermediary' }] });
    const repeat = errorOf(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: agency.id }, { sourceId: agency.id }] } }));
    expect(repeat.fields?.[0].field).toBe('chain.1.sourceId');
    expect(await countRows(t)).toEqual(before);
  });

  it('refuses unknown claims and sources, naming the field', async () => {
    const { claim, official } = await setup();
    const missing = '01890000-0000-7000-8000-0000000000ff';
    expect(errorOf(await t.gql(ADD, { input: { claimId: missing, sourceId: official.id } })).fields?.[0].field).toBe('claimId');
    expect(errorOf(await t.gql(ADD, { input: { claimId: claim.id, sourceId: missing } })).fields?.[0].field).toBe('sourceId');
    expect(errorOf(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: missing }] } })).fields?.[0].field).toBe('chain.0.sourceId');
    expect(errorOf(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, credibility: 0 } })).fields?.[0].field).toBe('credibility');
  });

  it('re-chains and changes stance with a version check', async () => {
    const { claim, official, agency, network } = await setup();
    const a = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, chain: [{ sourceId: agency.id }] } })).addAttribution;
    const updated = expectData(await t.gql(UPDATE, { input: { id: a.id, version: a.version, stance: 'QUESTIONS', chain: [{ sourceId: network.id }, { sourceId: agency.id }] } })).updateAttribution;
    expect(updated.stance).toBe('QUESTIONS');
    expect(updated.chain.map((h: any) => h.source.id)).toEqual([network.id, agency.id]);
    const stale = errorOf(await t.gql(UPDATE, { input: { id: a.id, version: a.version, stance: 'DENIES' } }));
    expect(stale).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: updated.version } });
    const selfRelay = errorOf(await t.gql(UPDATE, { input: { id: a.id, sourceId: network.id } }));
    expect(selfRelay.fields?.[0].field).toBe('chain.0.sourceId');
  });

  it('edits the anonymity grant, and refuses switching it off while a reason stands', async () => {
    const { claim, official } = await setup();
    const GRANT = `mutation($input: UpdateAttributionInput!) { updateAttribution(input: $input) { version anonymityGranted anonymityReason } }`;
    const a = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id, cue: 'said' } })).addAttribution;
    const granted = expectData(await t.gql(GRANT, { input: { id: a.id, version: a.version, anonymityGranted: true } })).updateAttribution;
    expect(granted).toMatchObject({ anonymityGranted: true, anonymityReason: null });
    const reasoned = expectData(await t.gql(GRANT, { input: { id: a.id, version: granted.version, anonymityReason: 'not cleared to speak' } })).updateAttribution;
    expect(reasoned).toMatchObject({ anonymityGranted: true, anonymityReason: 'not cleared to speak' });
    const refused = errorOf(await t.gql(GRANT, { input: { id: a.id, version: reasoned.version, anonymityGranted: false } }));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'anonymityGranted', message: expect.stringContaining('anonymityReason') }] });
    const cleared = expectData(await t.gql(GRANT, { input: { id: a.id, version: reasoned.version, anonymityGranted: false, anonymityReason: null } })).updateAttribution;
    expect(cleared).toMatchObject({ anonymityGranted: false, anonymityReason: null });
  });

  it('removes an attribution by marking it deleted: it disappears from the claim but not from the database', async () => {
    const { claim, official } = await setup();
    const a = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id } })).addAttribution;
    const before = await countRows(t);
    expectData(await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: a.id } }));
    const after = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { id } } }`, { id: claim.id })).claim;
    expect(after.attributions.map((x: any) => x.id)).not.toContain(a.id);
    expect(await countRows(t)).toEqual(before);
    expect(errorOf(await t.gql(`query($id: ID!) { attribution(id: $id) { id } }`, { id: a.id })).code).toBe('NOT_FOUND');
  });

  it('adds a citation anchored in the article text, and refuses offsets that miss the quote', async () => {
    const { claim, official } = await setup();
    const a = expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id } })).addAttribution;
    const article = await createArticle(t, { bodyText: 'Officials said at least 1,000 fighters fled.' });
    const CITE = `mutation($input: AddCitationInput!) { addCitation(input: $input) { quote startOffset endOffset article { id citations { id } } attribution { id } } }`;
    const c = expectData(await t.gql(CITE, { input: { attributionId: a.id, articleId: article.id, quote: 'at least 1,000 fighters', startOffset: 15, prefix: 'said ' } })).addCitation;
    expect(c).toMatchObject({ startOffset: 15, endOffset: 38, attribution: { id: a.id } });
    expect(c.article.citations).toHaveLength(1);
    const byId = expectData(await t.gql(`query($id: ID!) { citation(id: $id) { quote attribution { id } } }`, { id: c.article.citations[0].id })).citation;
    expect(byId).toEqual({ quote: 'at least 1,000 fighters', attribution: { id: a.id } });
    const wrong = errorOf(await t.gql(CITE, { input: { attributionId: a.id, articleId: article.id, quote: 'at least 1,000 fighters', startOffset: 2 } }));
    expect(wrong.fields?.[0].field).toBe('startOffset');
    const missing = errorOf(await t.gql(CITE, { input: { attributionId: a.id, articleId: '01890000-0000-7000-8000-0000000000aa', quote: 'x' } }));
    expect(missing.code).toBe('NOT_FOUND');
    const negative = errorOf(await t.gql(CITE, { input: { attributionId: a.id, articleId: article.id, quote: 'x', startOffset: -1 } }));
    expect(negative.fields?.[0].field).toBe('startOffset');
  });

  it('pages a source\'s attributions', async () => {
    const { claim, official } = await setup();
    for (let i = 0; i < 3; i++) expectData(await t.gql(ADD, { input: { claimId: claim.id, sourceId: official.id } }));
    const page = expectData(await t.gql(`query($id: ID!) { source(id: $id) { attributions(first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } } }`, { id: official.id })).source.attributions;
    expect(page).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page.nodes).toHaveLength(2);
  });
});

describe('nested list bounds', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('caps first at 100 on nested connections too', async () => {
    const s = await createSource(t);
    const error = errorOf(await t.gql(`query($id: ID!) { source(id: $id) { attributions(first: 1000) { totalCount } } }`, { id: s.id }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.[0].field).toBe('first');
  });
});
