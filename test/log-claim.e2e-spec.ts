import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';
import { countRows, createSource, logClaim } from './factories/operations';

describe('logClaim', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('records the claim, quantities, attributions, relay chain, sources and article in one call', async () => {
    const claim = expectData(await logClaim(t)).logClaim;
    expect(claim.quantities).toEqual([
      expect.objectContaining({ variable: 'fighters_remaining', lower: 200, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' }),
    ]);
    expect(claim.attributions).toHaveLength(2);
    const [named, anonymous] = claim.attributions;
    expect(named.source).toMatchObject({ kind: 'MONITORING_GROUP', anonymous: false });
    expect(anonymous.source).toMatchObject({ name: 'a senior security official', anonymous: true });
    expect(anonymous.anonymityReason).toBe('not authorized to brief reporters');
    expect(anonymous.chain).toEqual([expect.objectContaining({ position: 0, cue: 'quoting', source: expect.objectContaining({ name: expect.stringMatching(/^Channel Nine/) }) })]);
  });

  it('matches existing sources by name or alias, ignoring case and accents, instead of duplicating them', async () => {
    const monitor = await createSource(t, { name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'] });
    const collective = await createSource(t, { name: 'Deir Ezzor 24', kind: 'ACTIVIST_COLLECTIVE' });
    const before = await countRows(t);
    const claim = expectData(
      await logClaim(t, {
        attributions: [
          { source: { name: 'sohr' } },
          { source: { name: 'the Syrian Observatory for Human Rights' }, stance: 'ASSERTS' },
          { source: { name: 'DÉIR EZZOR 24' } },
        ],
      }),
    ).logClaim;
    expect(claim.attributions.map((a: any) => a.source.id)).toEqual([monitor.id, monitor.id, collective.id]);
    expect((await countRows(t)).source).toBe(before.source);
  });

  it('finds the citing article by canonical URL and anchors quotes against its text', async () => {
    const body = 'The monitor said 12 fighters were freed on Sunday.';
    const url = 'https://quotes.example.org/freed';
    const first = expectData(
      await logClaim(t, {
        article: { url, bodyText: body },
        attributions: [{ source: { name: 'Quote Monitor', kind: 'MONITORING_GROUP' }, quote: { quote: '12 fighters were freed', startOffset: 17, endOffset: 39 } }],
      }),
    ).logClaim;
    const second = expectData(
      await logClaim(t, { article: { url: `${url}?utm_source=x#p2` }, attributions: [{ source: { name: 'Quote Monitor' } , quote: { quote: 'freed on Sunday' } }] }),
    ).logClaim;
    expect(second.attributions[0].citations[0].article.id).toBe(first.attributions[0].citations[0].article.id);
    expect(first.attributions[0].citations[0]).toMatchObject({ quote: '12 fighters were freed', startOffset: 17, endOffset: 39 });
  });

  it('treats one anonymous description as one person within an article, and as different people across articles', async () => {
    const article = { url: 'https://anon.example.org/a' };
    const insider = { name: 'a person close to the talks', kind: 'ANONYMOUS' };
    const a = expectData(await logClaim(t, { article, attributions: [{ source: insider, quote: { quote: 'x' } }] })).logClaim;
    const b = expectData(await logClaim(t, { article, attributions: [{ source: insider, quote: { quote: 'y' } }] })).logClaim;
    const c = expectData(await logClaim(t, { article: { url: 'https://anon.example.org/b' }, attributions: [{ source: insider }] })).logClaim;
    expect(b.attributions[0].source.id).toBe(a.attributions[0].source.id);
    expect(c.attributions[0].source.id).not.toBe(a.attributions[0].source.id);
  });

  it('answers with the sourcing committed with the claim, and audits no value that was never committed', async () => {
    const DERIVED = 'id sourcing independentSourceCount denyingSourceCount circular hasDiscrepancy';
    const logged = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { ${DERIVED} } }`, {
        input: logClaimInput({ attributions: [{ source: { name: `Sole Monitor ${Date.now()}`, kind: 'MONITORING_GROUP' } }] }),
      }),
    ).logClaim;
    const read = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${DERIVED} } }`, { id: logged.id })).claim;
    expect(logged).toEqual(read);
    expect(logged).toMatchObject({ sourcing: 'SINGLE_SOURCE', independentSourceCount: 1 });
    const history = expectData(await t.gql(`query($id: ID!) { history(entityType: CLAIM, id: $id) { nodes { action changes { field after } } } }`, { id: logged.id })).history;
    const create = history.nodes.find((e: any) => e.action === 'CREATE');
    const fields = create.changes.map((c: any) => c.field);
    expect(fields).toContain('statement');
    for (const derived of ['sourcing', 'independentSourceCount', 'denyingSourceCount', 'questioningSourceCount', 'circular', 'hasDiscrepancy']) {
      expect(fields).not.toContain(derived);
    }
  });

  it.each(['EDITOR', 'REPORTER'] as const)('keeps the confidential note of a new anonymous source logged by an %s (as createSource does)', async (role) => {
    const user = await t.userWithRole(role);
    const editor = await t.userWithRole('EDITOR');
    const note = `Deputy minister, met in person (${role})`;
    const logged = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { attributions { source { id } } } }`, {
        input: logClaimInput({ attributions: [{ source: { name: 'a senior government official', kind: 'ANONYMOUS', confidentialNote: note } }] }),
      }, user.as),
    ).logClaim;
    const source = expectData(await t.gql(`query($id: ID!) { source(id: $id) { confidentialNote } }`, { id: logged.attributions[0].source.id }, editor.as)).source;
    expect(source.confidentialNote).toBe(note);
  });

  it.each([
    ['an empty statement', { statement: '' }, 'statement'],
    ['a whitespace-only statement', { statement: '   \t ' }, 'statement'],
    ['a statement over 2,000 characters', { statement: 's'.repeat(2001) }, 'statement'],
    ['a lower bound above the upper bound', { quantities: [{ variable: 'killed', lower: 50, upper: 10 }] }, 'quantities.0.lower'],
    ['a negative count', { quantities: [{ variable: 'killed', value: -3 }] }, 'quantities.0.value'],
    ['a quantity with no number', { quantities: [{ variable: 'killed' }] }, 'quantities.0'],
    ['a malformed variable', { quantities: [{ variable: 'Killed People', value: 3 }] }, 'quantities.0.variable'],
    ['a bad currency', { quantities: [{ variable: 'cash', value: 3, currency: 'dollars' }] }, 'quantities.0.currency'],
    ['an event window that ends before it starts', { eventTime: { start: '2019-02-18T00:00:00Z', end: '2019-02-10T00:00:00Z' } }, 'eventTime.end'],
    ['a malformed article URL', { article: { url: 'htp:/broken' } }, 'article.url'],
    ['no attributions', { attributions: [] }, 'attributions'],
    ['an unknown stance', { attributions: [{ source: { name: 'X' }, stance: 'SHRUGS' }] }, 'attributions.0.stance'],
    ['a credibility outside 1-6', { attributions: [{ source: { name: 'X' }, credibility: 9 }] }, 'attributions.0.credibility'],
    ['a source with neither id nor name', { attributions: [{ source: {} }] }, 'attributions.0.source'],
    ['a source id that does not exist', { attributions: [{ source: { id: '01890000-0000-7000-8000-000000000000' } }] }, 'attributions.0.source.id'],
    ['a malformed source id', { attributions: [{ source: { id: '42' } }] }, 'attributions.0.source.id'],
    ['a speaker named as their own intermediary', { attributions: [{ source: { name: 'Channel Five' }, via: [{ source: { name: 'channel five' } }] }] }, 'attributions.0.via.0.source'],
    ['quote offsets that do not match the quote', { attributions: [{ source: { name: 'X' }, quote: { quote: 'abc', startOffset: 0, endOffset: 10 } }] }, 'attributions.0.quote.endOffset'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, overrides, field) => {
    const before = await countRows(t);
    const error = errorOf(await logClaim(t, overrides));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.map((f) => f.field)).toContain(field);
    expect(await countRows(t)).toEqual(before);
  });

  it('names the missing field itself, not the variable, when a required field is left out', async () => {
    const { statement: _statement, ...withoutStatement } = logClaimInput();
    const top = errorOf(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id } }`, { i: withoutStatement }));
    expect(top).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'statement', message: expect.stringContaining('was not provided') }] });
    const input = logClaimInput();
    const nested = errorOf(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id } }`, { i: { ...input, attributions: [{ cue: 'said' }] } }));
    expect(nested.fields).toEqual([{ field: 'attributions.0.source', message: expect.stringContaining('was not provided') }]);
  });

  it('gives the range of a latitude or longitude out of bounds', async () => {
    const error = errorOf(await logClaim(t, { place: { name: 'Nowhere', latitude: 200, longitude: -181 } }));
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'place.latitude', message: expect.stringContaining('from -90 to 90') },
        { field: 'place.longitude', message: expect.stringContaining('from -180 to 180') },
      ]),
    );
  });

  it('saves a grant of anonymity with or without a reason, and a vague figure, as the extractor suggests them', async () => {
    const fields = 'id quantities { lower upper vague } attributions { anonymityGranted anonymityReason source { name } }';
    const input = logClaimInput({
      quantities: [{ variable: 'boats_burned', lower: 24, upper: 99, vague: true, unit: 'boats' }, { variable: 'sailors_missing', value: 2 }],
      attributions: [
        { source: { name: 'a port official', kind: 'ANONYMOUS' }, anonymityGranted: true },
        { source: { name: 'a harbour pilot', kind: 'ANONYMOUS' }, anonymityReason: 'not allowed to talk to the press' },
        { source: { name: 'Harbour Authority', kind: 'GOVERNMENT' } },
      ],
    });
    const claim = expectData(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { ${fields} } }`, { i: input })).logClaim;
    expect(claim.quantities).toEqual([{ lower: 24, upper: 99, vague: true }, { lower: null, upper: null, vague: false }]);
    expect(claim.attributions.map((a: any) => [a.source.name, a.anonymityGranted, a.anonymityReason])).toEqual([
      ['a port official', true, null],
      ['a harbour pilot', true, 'not allowed to talk to the press'],
      ['Harbour Authority', false, null],
    ]);
  });

  it('refuses a reason for anonymity with the grant switched off, naming the field, and writes nothing', async () => {
    const before = await countRows(t);
    const input = logClaimInput({ attributions: [{ source: { name: 'a ferry captain', kind: 'ANONYMOUS' }, anonymityGranted: false, anonymityReason: 'fear of reprisals' }] });
    const error = errorOf(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id } }`, { i: input }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'attributions.0.anonymityGranted', message: expect.stringContaining('anonymityReason') }] });
    expect(await countRows(t)).toEqual(before);
  });

  it('rolls back everything when a late part fails (the second attribution names a missing source)', async () => {
    const before = await countRows(t);
    const input = logClaimInput();
    const error = errorOf(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, {
        input: { ...input, attributions: [input.attributions[0], { source: { id: '01890000-0000-7000-8000-000000000001' } }] },
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(await countRows(t)).toEqual(before);
  });
});
