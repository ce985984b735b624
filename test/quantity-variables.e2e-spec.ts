import { TestApp, errorOf, expectData, startTestApp } from './support/app';

const TEXT =
  'A commander of the besieging force said more than 300 fighters were refusing to surrender in the old quarter on Sunday. ' +
  'The Syrian Observatory for Human Rights said 10 fighters were released on Sunday. ' +
  'Residents said at least 1,000 fighters fled the town on Sunday.';
const DAY = '2019-02-17T00:00:00.000Z';
const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id hasDiscrepancy quantities { variable registered } } }`;

function logInput(tag: string, quantities: unknown[]) {
  return {
    statement: `Figures from the river town (${tag}).`,
    eventTime: { start: DAY, precision: 'DAY' },
    quantities,
    article: { url: `https://figures.example.org/${tag}` },
    attributions: [{ source: { name: `Figures Monitor ${tag}`, kind: 'MONITORING_GROUP' } }],
  };
}

describe('the vocabulary of figures', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('the issue\'s example: accepting the suggested defaults files three figures under three variables and raises no discrepancy', async () => {
    const article = expectData(await t.gql(`mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }`, { input: { url: 'https://figures.example.org/siege', bodyText: TEXT, publishedAt: '2019-02-18T12:00:00Z' } })).createArticle;
    const suggestions = expectData(
      await t.gql(`query($id: ID!) { suggestAttributions(articleId: $id) { content { text } source { text kind } quantities { suggestedVariable value lower lowerInclusive upper upperInclusive } eventTime { from precision } } }`, { id: article.id }),
    ).suggestAttributions;
    expect(suggestions.map((s: any) => s.quantities[0].suggestedVariable)).toEqual(['fighters_refusing_surrender', 'people_released', 'fighters_fled']);
    const ids: string[] = [];
    for (const s of suggestions) {
      const { suggestedVariable, ...figure } = s.quantities[0];
      const accepted = expectData(
        await t.gql(`mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { id } }`, {
          input: { articleId: article.id, statement: s.content.text, eventTime: { start: s.eventTime.from, precision: s.eventTime.precision }, quantities: [{ variable: suggestedVariable, ...figure }], attribution: { source: { name: s.source.text, kind: s.source.kind } } },
        }),
      ).acceptSuggestion;
      ids.push(accepted.id);
    }
    for (const id of ids) expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { hasDiscrepancy quantities { registered } } }`, { id })).claim).toEqual({ hasDiscrepancy: false, quantities: [{ registered: true }] });
  });

  it('normalises an alias to its variable, so discrepancies compare like with like; keeps an unknown variable and flags it', async () => {
    const a = expectData(await t.gql(LOG, { input: logInput('a', [{ variable: 'civilians_killed', value: 12 }, { variable: 'goats_counted', value: 3 }]) })).logClaim;
    expect(a.quantities).toEqual([{ variable: 'deaths_civilians', registered: true }, { variable: 'goats_counted', registered: false }]);
    const b = expectData(await t.gql(LOG, { input: logInput('b', [{ variable: 'deaths_civilians', value: 30 }]) })).logClaim;
    expect(b.hasDiscrepancy).toBe(true);
  });

  it('lists the seeded vocabulary with its UCDP and ACLED mapping, and lets editors (only) extend it', async () => {
    const list = expectData(await t.gql(`{ quantityVariables { name unit currency aliases ucdp acled } }`)).quantityVariables;
    expect(list.map((v: any) => v.name)).toEqual(expect.arrayContaining(['deaths_civilians', 'deaths_combatants', 'fighters_present', 'people_displaced', 'people_detained', 'people_released', 'cash_usd']));
    expect(list.find((v: any) => v.name === 'deaths_civilians')).toMatchObject({ ucdp: 'deaths_civilians', acled: expect.stringContaining('fatalities') });
    expect(list.find((v: any) => v.name === 'cash_usd')).toMatchObject({ currency: 'USD' });
    const DEFINE = `mutation($input: DefineQuantityVariableInput!) { defineQuantityVariable(input: $input) { name aliases } }`;
    const input = { name: 'livestock_killed', label: 'Livestock killed', description: 'Animals killed.', aliases: ['goats_counted'] };
    const reporter = await t.userWithRole('REPORTER');
    expect(errorOf(await t.gql(DEFINE, { input }, reporter.as)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(DEFINE, { input: { ...input, aliases: ['deaths_civilians'] } })).fields?.[0].field).toBe('aliases');
    expect(errorOf(await t.gql(DEFINE, { input: { ...input, name: 'Not A Key' } })).fields?.[0].field).toBe('name');
    expect(expectData(await t.gql(DEFINE, { input })).defineQuantityVariable).toEqual({ name: 'livestock_killed', aliases: ['goats_counted'] });
    const c = expectData(await t.gql(LOG, { input: logInput('c', [{ variable: 'goats_counted', value: 4 }]) })).logClaim;
    expect(c.quantities).toEqual([{ variable: 'livestock_killed', registered: true }]);
  });
});
