import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines, postImport } from './support/http';
import { countRows } from './factories/operations';

const DAY = '2019-02-11T00:00:00.000Z';
const CLAIM = `id statement independentSourceCount sourcing
  attributions { source { id name } citations { article { id canonicalUrl } } }
  possibleDuplicates { score tier claim { id } reasons { code } }`;
const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { ${CLAIM} } }`;

/** One claim of a wire story, as read on the agency's page or in a newspaper's reprint. */
function copyInput(url: string, monitor: string, overrides: Record<string, unknown> = {}) {
  return {
    statement: 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday.',
    place: { name: 'Kafr Sabil', country: 'SY' },
    eventTime: { start: DAY, precision: 'DAY' },
    quantities: [{ variable: 'deaths_civilians', value: 12 }],
    article: { url, publisher: 'Example Agency' },
    attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' }, cue: 'said' }],
    ...overrides,
  };
}

describe('matching while logging', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('the two-copies example: logClaim reports the agency claim as a likely duplicate, and attachTo leaves one claim cited in both copies', async () => {
    const monitor = `Northern Monitor ${Date.now()}`;
    const original = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/strike', monitor) })).logClaim;
    expect(original.possibleDuplicates).toEqual([]);
    // Logged again from the reprint without looking: reported at once.
    const second = expectData(await t.gql(LOG, { input: copyInput('https://paper.example.org/reprint', monitor, { statement: '12 civilians were killed in an air strike on a market in Kafr Sabil on Monday.' }) })).logClaim;
    expect(second.possibleDuplicates[0]).toMatchObject({ tier: 'LIKELY', claim: { id: original.id } });
    // The desk's way: attach the reprint's attribution to the claim already there.
    const before = await countRows(t);
    const attached = expectData(
      await t.gql(LOG, { input: copyInput('https://paper2.example.org/reprint', monitor, { attachTo: original.id }) }),
    ).logClaim;
    expect(attached.id).toBe(original.id);
    const after = await countRows(t);
    expect(after.claim).toBe(before.claim);
    expect(after.claim_quantity).toBe(before.claim_quantity);
    expect(after.attribution).toBe(before.attribution + 1);
    expect(after.citation).toBe(before.citation + 1);
    // The same monitor in both copies is one source: the count does not grow.
    expect(attached).toMatchObject({ independentSourceCount: 1, sourcing: 'SINGLE_SOURCE', statement: original.statement });
    expect(attached.attributions.map((a: any) => a.citations[0].article.canonicalUrl)).toEqual(['https://agency.example.org/strike', 'https://paper2.example.org/reprint']);
  });

  it('attachTo follows the edit policy: a reporter cannot add to another\'s claim, and nothing is written', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const other = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/p1', 'Policy Monitor') })).logClaim;
    const before = await countRows(t);
    const refused = errorOf(await t.gql(LOG, { input: copyInput('https://paper.example.org/p1', 'Policy Monitor', { attachTo: other.id }) }, reporter.as));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await countRows(t)).toEqual(before);
    // Their own unverified claim is fine.
    const own = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/p2', 'Policy Monitor') }, reporter.as)).logClaim;
    const attached = expectData(await t.gql(LOG, { input: copyInput('https://paper.example.org/p2', 'Other Policy Monitor', { attachTo: own.id }) }, reporter.as)).logClaim;
    expect(attached).toMatchObject({ id: own.id, independentSourceCount: 2 });
  });

  it('attachTo is all or nothing, and an unknown claim is refused by field', async () => {
    const target = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/atomic', 'Atomic Monitor') })).logClaim;
    const before = await countRows(t);
    const failing = copyInput('https://paper.example.org/atomic', 'Atomic Monitor', {
      attachTo: target.id,
      attributions: [{ source: { name: 'Atomic Monitor' } }, { source: { id: '00000000-0000-4000-8000-000000000000' } }],
    });
    expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(errorOf(await t.gql(LOG, { input: failing })).code);
    expect(await countRows(t)).toEqual(before);
    const unknown = errorOf(await t.gql(LOG, { input: copyInput('https://paper.example.org/x', 'Atomic Monitor', { attachTo: '00000000-0000-4000-8000-000000000001' }) }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'attachTo' })] });
  });

  it('acceptSuggestion reports possibleDuplicates and attaches with attachTo', async () => {
    const target = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/suggest', 'Suggest Monitor') })).logClaim;
    const article = expectData(
      await t.gql(`mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`, {
        input: { url: 'https://paper.example.org/suggest', bodyText: 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday, the Suggest Monitor said.' },
      }),
    ).createArticle;
    const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { ${CLAIM} } }`;
    const base = {
      articleId: article.id,
      statement: 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday.',
      place: { name: 'Kafr Sabil' },
      eventTime: { start: DAY, precision: 'DAY' },
      quantities: [{ variable: 'deaths_civilians', value: 12 }],
      attribution: { source: { name: 'Suggest Monitor' }, quote: { quote: 'killed 12 civilians' } },
    };
    const accepted = expectData(await t.gql(ACCEPT, { input: base })).acceptSuggestion;
    expect(accepted.possibleDuplicates.map((m: any) => m.claim.id)).toContain(target.id);
    const attached = expectData(await t.gql(ACCEPT, { input: { ...base, attachTo: target.id } })).acceptSuggestion;
    expect(attached.id).toBe(target.id);
    expect(attached.attributions).toHaveLength(2);
  });

  it('an import reports each new claim that likely records one already there, by line', async () => {
    const existing = expectData(await t.gql(LOG, { input: copyInput('https://agency.example.org/imported', 'Import Monitor', { statement: 'Shelling of the old quarter in Tell Amara killed 8 fighters on Saturday.', place: { name: 'Tell Amara' }, quantities: [{ variable: 'deaths_combatants', value: 8 }] }) })).logClaim;
    const file = [
      'claim_id,statement,place_name,event_start,quantity_variable,quantity_low,quantity_high,source_name,article_url',
      `i-1,Shelling of the old quarter in Tell Amara killed 8 fighters on Saturday,Tell Amara,2019-02-11,deaths_combatants,8,8,Import Monitor,https://paper.example.org/imported`,
      `i-2,Aid convoys reached the northern camps after a week of delays,,,,,,Aid Monitor,https://paper.example.org/imported`,
    ].join('\r\n');
    const res = await postImport(baseUrl(t.url), file, 'text/csv');
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.possibleDuplicates).toEqual([
      { line: 2, claimId: expect.any(String), externalId: 'i-1', matches: [expect.objectContaining({ claimId: existing.id, tier: 'LIKELY' })] },
    ]);
  });

  it('an import\'s possibleDuplicates, found for all new claims at once, are what similarClaims gives each of them', async () => {
    // Near-copies among the file's own claims and against one already recorded: three towns, three days, a few figures.
    const towns = ['Kafr Nasr', 'Tell Bari', 'Ain Sawda'];
    const rows = Array.from({ length: 36 }, (_, i) => {
      const town = towns[i % 3];
      const day = `2019-03-0${1 + (i % 4 === 0 ? 1 : 0) + (i % 7 === 0 ? 2 : 0)}`;
      const statement = i % 5 === 0 ? `Aid lorries reached ${town} after talks on the crossing number ${i}` : `Shelling of the market in ${town} killed ${10 + (i % 4)} fighters`;
      return `b-${i},${statement},${town},${day},deaths_combatants,${10 + (i % 4)},${10 + (i % 4)},Batch Monitor ${i % 6},https://paper.example.org/batch/${i % 9}`;
    });
    const header = 'claim_id,statement,place_name,event_start,quantity_variable,quantity_low,quantity_high,source_name,article_url';
    const res = await postImport(baseUrl(t.url), [header, ...rows].join('\n'), 'text/csv');
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    const found: Array<{ claimId: string; matches: Array<{ claimId: string; score: number }> }> = res.body.possibleDuplicates;
    expect(found.length).toBeGreaterThan(10);
    // Every new claim, with or without likely matches, is checked against similarClaims one by one.
    const exported = jsonLines((await getText(`${baseUrl(t.url)}/exports/claims.jsonl`)).text).filter((r) => r.external_id?.startsWith('b-'));
    const all = exported.map((r) => ({ id: r.claim_id, externalId: r.external_id }));
    expect(all).toHaveLength(36);
    for (const claim of all) {
      const one = expectData(await t.gql(`query($id: ID!) { similarClaims(claimId: $id, tier: LIKELY, first: 3) { score claim { id } } }`, { id: claim.id })).similarClaims;
      const batch = found.find((f) => f.claimId === claim.id)?.matches ?? [];
      expect({ claim: claim.externalId, matches: batch.map((m) => [m.claimId, m.score]) }).toEqual({ claim: claim.externalId, matches: one.map((m: { score: number; claim: { id: string } }) => [m.claim.id, m.score]) });
    }
  });
});
