import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { createClaim, logClaim } from './factories/operations';

/** Filters, sorting and pagination of `claims`, over a small story logged through the API. */
describe('claims query', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const statements = async (filter: Record<string, unknown>, extra = '') => {
    const data = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f${extra}) { totalCount nodes { statement } } }`, { f: filter })).claims;
    expect(data.totalCount).toBe(data.nodes.length);
    return data.nodes.map((n: { statement: string }) => n.statement).sort();
  };

  beforeAll(async () => {
    t = await startTestApp();
    const article = { url: 'https://wire.example.org/siege', publisher: 'Example Wire', publishedAt: '2019-02-18T12:00:00Z' };
    const later = { url: 'https://wire.example.org/later', publisher: 'Example Wire', publishedAt: '2019-03-01T12:00:00Z' };
    const log = async (key: string, input: Record<string, unknown>) => (ids[key] = expectData(await logClaim(t, input)).logClaim.id);
    await log('holdouts', {
      statement: 'More than 300 fighters refuse to surrender.',
      tags: ['siege'],
      place: { name: 'Tell Hamra', adminArea: 'Deir ez-Zor', country: 'SY' },
      eventTime: { start: '2019-02-18T00:00:00Z', precision: 'DAY' },
      quantities: [{ variable: 'fighters_refusing', lower: 300, lowerInclusive: false }],
      article,
      attributions: [
        { source: { name: 'Valley Activists', kind: 'ACTIVIST_COLLECTIVE' } },
        { source: { name: 'a person close to the talks', kind: 'ANONYMOUS' }, anonymityReason: 'not authorized' },
      ],
    });
    await log('cash', {
      statement: 'At least 1,000 fighters may have left with $200 million in cash.',
      tags: ['finance'],
      eventTime: { start: '2018-08-18T00:00:00Z', end: '2019-02-18T00:00:00Z', precision: 'MONTH' },
      quantities: [{ variable: 'cash_taken', lower: 200000000, currency: 'USD' }],
      article,
      attributions: [{ source: { name: 'a senior military official', kind: 'ANONYMOUS' }, via: [{ source: { name: 'CNN', kind: 'MEDIA_OUTLET' }, cue: 'quoting' }] }],
    });
    await log('released', {
      statement: 'The group released 10 fighters it had held.',
      tags: ['prisoners', 'siege'],
      eventTime: { start: '2019-02-17T00:00:00Z', precision: 'DAY' },
      article: later,
      attributions: [
        { source: { name: 'Levant Monitor', kind: 'MONITORING_GROUP', aliases: ['LM'] } },
        { source: { name: 'Eastern Alliance', kind: 'ARMED_GROUP' }, stance: 'DENIES' },
      ],
    });
    ids.bare = (await createClaim(t, { statement: 'An undated claim with no sources.', tags: [], quantities: [] })).id;
  });
  afterAll(() => t.close());

  it('answers "which claims rest only on anonymous sources"', async () => {
    expect(await statements({ anonymity: 'ANONYMOUS_ONLY' })).toEqual(['At least 1,000 fighters may have left with $200 million in cash.']);
  });

  it('answers "everything CNN relayed", by name or id', async () => {
    expect(await statements({ relayedBy: 'cnn' })).toEqual(['At least 1,000 fighters may have left with $200 million in cash.']);
    expect(await statements({ source: 'CNN' })).toEqual(['At least 1,000 fighters may have left with $200 million in cash.']);
  });

  it('filters by named-only sourcing', async () => {
    expect(await statements({ anonymity: 'NAMED_ONLY' })).toEqual(['The group released 10 fighters it had held.']);
  });

  it.each([
    [{ search: 'SURRENDER fighters' }, ['More than 300 fighters refuse to surrender.']],
    [{ search: '100%' }, []],
    [{ status: 'UNVERIFIED' }, 'all'],
    [{ status: 'CONFIRMED' }, []],
    [{ tag: 'siege' }, ['More than 300 fighters refuse to surrender.', 'The group released 10 fighters it had held.']],
    [{ variable: 'cash_taken' }, ['At least 1,000 fighters may have left with $200 million in cash.']],
    [{ source: 'lm' }, ['The group released 10 fighters it had held.']],
    [{ sourceKind: 'ACTIVIST_COLLECTIVE' }, ['More than 300 fighters refuse to surrender.']],
    [{ stance: 'DENIES' }, ['The group released 10 fighters it had held.']],
    [{ publishedFrom: '2019-02-20T00:00:00Z' }, ['The group released 10 fighters it had held.']],
    [{ publishedTo: '2019-02-20T00:00:00Z' }, ['At least 1,000 fighters may have left with $200 million in cash.', 'More than 300 fighters refuse to surrender.']],
    [{ eventFrom: '2019-02-18T00:00:00Z' }, ['At least 1,000 fighters may have left with $200 million in cash.', 'More than 300 fighters refuse to surrender.']],
    [{ eventFrom: '2018-09-01T00:00:00Z', eventTo: '2018-10-01T00:00:00Z' }, ['At least 1,000 fighters may have left with $200 million in cash.']],
    [{ place: 'deir ez-zor' }, ['More than 300 fighters refuse to surrender.']],
    [{ place: 'sy' }, ['More than 300 fighters refuse to surrender.']],
    [{ tag: 'siege', stance: 'DENIES' }, ['The group released 10 fighters it had held.']],
  ])('filters by %j', async (filter, expected) => {
    const all = await statements({});
    expect(await statements(filter)).toEqual(expected === 'all' ? all : expected);
  });

  it('filters by article id: every attribution logged from an article is cited in it', async () => {
    const claim = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { citations { quote article { id } } } } }`, { id: ids.released })).claim;
    const citation = claim.attributions[0].citations[0];
    expect(citation.quote).toBeNull();
    expect(await statements({ articleId: citation.article.id })).toEqual(['The group released 10 fighters it had held.']);
  });

  it('sorts by event time, latest first and undated last', async () => {
    const data = expectData(await t.gql(`{ claims(first: 10, sort: EVENT_TIME) { nodes { id } } }`)).claims;
    expect(data.nodes.map((n: { id: string }) => n.id)).toEqual([ids.holdouts, ids.released, ids.cash, ids.bare]);
  });

  it.each(['NEWEST', 'EVENT_TIME'])('pages with keyset cursors (%s) and stays stable when claims are added', async (sort) => {
    const PAGE = `query($after: String) { claims(first: 2, after: $after, sort: ${sort}) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const first = expectData(await t.gql(PAGE)).claims;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    await createClaim(t, { statement: `Inserted mid-walk (${sort}).`, eventTime: { start: '2030-01-01T00:00:00Z' } });
    const second = expectData(await t.gql(PAGE, { after: first.pageInfo.endCursor })).claims;
    const seen = [...first.nodes, ...second.nodes].map((n: { id: string }) => n.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(second.nodes.map((n: { id: string }) => n.id)).not.toContain(first.nodes[0].id);
  });

  it.each([
    ['first: 1000', `{ claims(first: 1000) { totalCount } }`, 'first'],
    ['first: 0', `{ claims(first: 0) { totalCount } }`, 'first'],
    ['a forged cursor', `{ claims(after: "bm9wZQ") { totalCount } }`, 'after'],
    ['a malformed source id', `{ claims(filter: { sourceId: "7" }) { totalCount } }`, 'filter.sourceId'],
    ['a reversed date range', `{ claims(filter: { eventFrom: "2019-03-01T00:00:00Z", eventTo: "2019-01-01T00:00:00Z" }) { totalCount } }`, 'filter.eventTo'],
  ])('refuses %s with BAD_USER_INPUT', async (_case, query, field) => {
    const error = errorOf(await t.gql(query));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.map((f) => f.field)).toContain(field);
  });

  it('defaults to a page of 25', async () => {
    for (let i = 0; i < 24; i++) await createClaim(t, { statement: `Filler claim ${i}.` });
    const data = expectData(await t.gql(`{ claims { totalCount nodes { id } } }`)).claims;
    expect(data.totalCount).toBeGreaterThan(25);
    expect(data.nodes).toHaveLength(25);
  });
});

describe('createClaim and updateClaim', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { statement hedge version quantities { variable value } place { name } } }`;

  it('replaces quantities, clears the place and bumps the version', async () => {
    const claim = await createClaim(t, { place: { name: 'Tell Hamra' } });
    expect(claim.status).toBe('UNVERIFIED');
    const updated = expectData(
      await t.gql(UPDATE, { input: { id: claim.id, version: 1, hedge: 'reportedly', place: null, quantities: [{ variable: 'fighters_remaining', value: 250 }] } }),
    ).updateClaim;
    expect(updated).toEqual({ statement: claim.statement, hedge: 'reportedly', version: 2, quantities: [{ variable: 'fighters_remaining', value: 250 }], place: null });
  });

  it('refuses a stale version with CONFLICT and leaves the claim as it was', async () => {
    const claim = await createClaim(t);
    expectData(await t.gql(UPDATE, { input: { id: claim.id, version: 1, statement: 'First edit.' } }));
    const error = errorOf(await t.gql(UPDATE, { input: { id: claim.id, version: 1, statement: 'Second edit.' } }));
    expect(error).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: 2 } });
    const back = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { statement } }`, { id: claim.id })).claim;
    expect(back.statement).toBe('First edit.');
  });

  it('answers NOT_FOUND for an unknown claim', async () => {
    const error = errorOf(await t.gql(UPDATE, { input: { id: '01890000-0000-7000-8000-00000000abcd', statement: 'x' } }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', extensions: { type: 'Claim', id: '01890000-0000-7000-8000-00000000abcd' } });
  });

  it.each([
    ['a year past 9999', '+010000-01-01T00:00:00.000Z'],
    ['a year before 1', '-000001-01-01T00:00:00.000Z'],
    ['words', 'last Tuesday'],
  ])('refuses an event time of %s, naming the field, and writes nothing', async (_case, start) => {
    const before = expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount;
    const error = errorOf(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: { statement: 'Dated oddly.', eventTime: { start } } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ field: 'eventTime.start', message: expect.stringContaining('between the years 1 and 9999') }]);
    expect(expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount).toBe(before);
  });

  it.each([
    ['a 30 February', '2019-02-30T00:00:00Z', 'is not a real date: 2019-02 has 28 days'],
    ['a time without a zone', '2019-02-18T12:00:00', 'needs a time zone'],
  ])('refuses %s as an event time instead of rolling it over, naming the field', async (_case, start, message) => {
    const before = expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount;
    const error = errorOf(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: { statement: 'Dated oddly.', eventTime: { start } } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ field: 'eventTime.start', message: expect.stringContaining(message) }]);
    const literal = errorOf(await t.gql(`mutation { createClaim(input: { statement: "Dated oddly.", eventTime: { start: "${start}" } }) { id } }`));
    expect(literal.message).toContain(message);
    expect(expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount).toBe(before);
  });

  it("gives a date GraphQL's coercion refuses the scalar's reason alone, without graphql-js's 'Expected type' preamble", async () => {
    const error = errorOf(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: { statement: 'Dated oddly.', eventTime: { start: '2019-02-30' } } }));
    expect(error.fields).toEqual([{ field: 'eventTime.start', message: 'is not a real date: 2019-02 has 28 days' }]);
    expect(error.message).not.toMatch(/Expected type/);
    expect(error.message).toMatch(/is not a real date: 2019-02 has 28 days/);
  });

  it('reads a date alone as midnight UTC of that day', async () => {
    const claim = expectData(
      await t.gql(`mutation { createClaim(input: { statement: "Dated by day.", eventTime: { start: "2019-02-18", precision: DAY } }) { eventTime { start end } } }`),
    ).createClaim;
    expect(claim.eventTime).toEqual({ start: '2019-02-18T00:00:00.000Z', end: '2019-02-18T00:00:00.000Z' });
  });

  it('cannot set the editorial status through updateClaim', async () => {
    const claim = await createClaim(t);
    const error = errorOf(await t.gql(UPDATE, { input: { id: claim.id, status: 'CONFIRMED' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.[0].field).toBe('status');
  });
});
