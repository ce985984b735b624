import { TestApp, errorOf, expectData, startTestApp } from './support/app';

const MATCHES = `score tier reasons { code weight detail } claim { id statement }`;
const SIMILAR = `query($claimId: ID, $draft: ClaimDraftInput, $first: Int, $tier: MatchTier, $includeDeleted: Boolean) {
  similarClaims(claimId: $claimId, draft: $draft, first: $first, tier: $tier, includeDeleted: $includeDeleted) { ${MATCHES} } }`;

const DAY = '2019-02-11T00:00:00.000Z';
const place = { name: 'Kafr Sabil', country: 'SY' };
const killed = [{ variable: 'deaths_civilians', value: 12 }];

/** The agency's own page and a newspaper's reprint of the same wire story. */
function agencyInput(tag: string, overrides: Record<string, unknown> = {}) {
  return {
    statement: '12 civilians were killed in an air strike on a market in Kafr Sabil on Monday.',
    place,
    eventTime: { start: DAY, precision: 'DAY' },
    quantities: killed,
    article: { url: `https://agency.example.org/strike-${tag}`, publisher: 'Example Agency', bodyText: 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday, the Northern Monitor said.' },
    attributions: [{ source: { name: `Northern Monitor ${tag}`, kind: 'MONITORING_GROUP' }, cue: 'said' }],
    ...overrides,
  };
}

describe('similarClaims', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const log = async (input: Record<string, unknown>, headers?: Record<string, string>) =>
    expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id statement } }`, { input }, headers)).logClaim as { id: string };

  it('finds the claim logged from the agency page for a draft from the reprint, as likely, with its reasons', async () => {
    const original = await log(agencyInput('a1'));
    const draft = {
      statement: 'An air strike on a market in Kafr Sabil killed 12 civilians, the Northern Monitor said.',
      place,
      eventTime: { start: DAY, precision: 'DAY' },
      quantities: killed,
      sourceNames: ['Northern Monitor a1'],
    };
    const [best] = expectData(await t.gql(SIMILAR, { draft })).similarClaims;
    expect(best).toMatchObject({ tier: 'LIKELY', claim: { id: original.id } });
    expect(best.reasons.map((r: any) => r.code)).toEqual(expect.arrayContaining(['SIMILAR_TEXT', 'SAME_FIGURES', 'OVERLAPPING_TIME', 'SAME_PLACE', 'SHARED_SOURCES']));
    expect(best.score).toBeGreaterThanOrEqual(0.6);
  });

  it('matches a recorded claim, leaves itself out, and does not rank a denial or another day as likely', async () => {
    const a = await log(agencyInput('b1', { statement: 'Shelling of the old quarter in Tell Amara killed 8 fighters on Saturday.', place: { name: 'Tell Amara' }, quantities: [{ variable: 'deaths_combatants', value: 8 }] }));
    const copy = await log(agencyInput('b2', { statement: 'Eight fighters, 8 in all, were killed in shelling of the old quarter in Tell Amara on Saturday.', place: { name: 'Tell Amara' }, quantities: [{ variable: 'deaths_combatants', value: 8 }] }));
    const denial = await log(agencyInput('b3', { statement: 'The armed group denied that 8 fighters were killed in shelling of the old quarter in Tell Amara.', place: { name: 'Tell Amara' }, quantities: [{ variable: 'deaths_combatants', value: 8 }] }));
    const otherDay = await log(
      agencyInput('b4', {
        statement: 'Shelling of the old quarter in Tell Amara killed 8 fighters on Thursday.',
        place: { name: 'Tell Amara' },
        eventTime: { start: '2019-02-14T00:00:00.000Z', precision: 'DAY' },
        quantities: [{ variable: 'deaths_combatants', value: 8 }],
      }),
    );
    const matches = expectData(await t.gql(SIMILAR, { claimId: a.id, first: 20 })).similarClaims;
    const tierOf = (id: string) => matches.find((m: any) => m.claim.id === id)?.tier ?? null;
    expect(tierOf(a.id)).toBeNull();
    expect(tierOf(copy.id)).toBe('LIKELY');
    expect(tierOf(denial.id)).not.toBe('LIKELY');
    expect(tierOf(otherDay.id)).not.toBe('LIKELY');
    const likelyOnly = expectData(await t.gql(SIMILAR, { claimId: a.id, tier: 'LIKELY' })).similarClaims;
    expect(likelyOnly.every((m: any) => m.tier === 'LIKELY')).toBe(true);
  });

  it('finds a claim by its edited statement (the text index follows edits)', async () => {
    const c = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id version } }`, { input: agencyInput('c1', { statement: 'Placeholder text about nothing in particular.', place: null, eventTime: null, quantities: [] }) }),
    ).logClaim;
    expectData(
      await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, {
        input: { id: c.id, version: c.version, statement: 'Smugglers clashed with border guards near the Umm Rasas post overnight.' },
      }),
    );
    const matches = expectData(await t.gql(SIMILAR, { draft: { statement: 'Border guards clashed with smugglers near the Umm Rasas post.' } })).similarClaims;
    expect(matches.map((m: any) => m.claim.id)).toContain(c.id);
  });

  it('hides deleted claims from everyone by default, and lets only editors include them', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const gone = await log(agencyInput('d1', { statement: 'A car bomb near the Jisr Marun bridge killed 7 people on Sunday.', place: { name: 'Jisr Marun' }, quantities: [{ variable: 'deaths_total', value: 7 }] }));
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { id } }`, { id: gone.id }));
    const draft = { statement: 'A car bomb near the Jisr Marun bridge killed 7 people.', place: { name: 'Jisr Marun' }, eventTime: { start: DAY, precision: 'DAY' }, quantities: [{ variable: 'deaths_total', value: 7 }] };
    const ids = (r: any) => (expectData(r) as any).similarClaims.map((m: any) => m.claim.id);
    expect(ids(await t.gql(SIMILAR, { draft }, reporter.as))).not.toContain(gone.id);
    expect(ids(await t.gql(SIMILAR, { draft }))).not.toContain(gone.id);
    expect(ids(await t.gql(SIMILAR, { draft, includeDeleted: true }))).toContain(gone.id);
    expect(errorOf(await t.gql(SIMILAR, { draft, includeDeleted: true }, reporter.as)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(SIMILAR, { claimId: gone.id }, reporter.as)).code).toBe('NOT_FOUND');
  });

  it('refuses neither or both of claimId and draft, and more than 20, naming the field', async () => {
    const neither = errorOf(await t.gql(SIMILAR, {}));
    expect(neither.code).toBe('BAD_USER_INPUT');
    expect(neither.fields).toEqual([expect.objectContaining({ field: 'claimId' })]);
    const tooMany = errorOf(await t.gql(SIMILAR, { draft: { statement: 'x' }, first: 21 }));
    expect(tooMany.code).toBe('BAD_USER_INPUT');
    expect(tooMany.fields?.map((f) => f.field)).toEqual(['first']);
  });
});

describe('similarClaims under the query limits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ QUERY_MAX_COST: '100' })));
  afterAll(() => t.close());

  it('counts first toward the cost, so a large request for nested candidates is refused before it runs', async () => {
    const q = (first: number) => `{ similarClaims(draft: { statement: "an air strike" }, first: ${first}) { claim { id } reasons { code } } }`;
    expectData(await t.gql(q(5)));
    expect(errorOf(await t.gql(q(20))).code).toBe('QUERY_TOO_COMPLEX');
  });
});
