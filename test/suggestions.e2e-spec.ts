import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { createArticle } from './factories/operations';

const TEXT = [
  'BEIRUT (Example Wire) — At least 40 families fled the town of Qasr Hamid on Sunday, the Levant Monitor for Human Rights said.',
  'Channel Nine, quoting a senior security official, reported that more than 200 fighters remained inside.',
  'A local official, who spoke on condition of anonymity because he was not authorized to brief reporters, said the water plant may have been damaged.',
  'Read more: Register for free to continue reading',
].join('\n\n');

describe('suggestions from article text', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const SUGGEST = `query($id: ID, $text: String, $at: DateTime) { suggestAttributions(articleId: $id, text: $text, publishedAt: $at) {
    content { text start end } source { text kind anonymous matchedSourceId } chain { text cue } cue { text } mode stance
    anonymityReason hedge { text } quantities { text suggestedVariable lower lowerInclusive unit } time { from until precision } confidence } }`;

  it('suggests attributions with relays, conditions, hedges, bounds and resolved times, and skips boilerplate', async () => {
    const monitor = expectData(await t.gql(`mutation { createSource(input: { kind: MONITORING_GROUP, name: "Levant Monitor for Human Rights", aliases: ["LMHR"] }) { id } }`)).createSource;
    const article = await createArticle(t, { bodyText: TEXT, publishedAt: '2019-02-18T12:00:00Z' });
    const suggestions = expectData(await t.gql(SUGGEST, { id: article.id })).suggestAttributions;
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(suggestions)).not.toContain('Register');

    const fled = suggestions.find((s: any) => s.content.text.includes('40 families'));
    expect(fled.source).toMatchObject({ text: 'Levant Monitor for Human Rights', matchedSourceId: monitor.id });
    expect(fled.quantities[0]).toMatchObject({ lower: 40, lowerInclusive: true, suggestedVariable: 'people_displaced' });
    expect(fled.time.from).toBe('2019-02-17T00:00:00.000Z');
    expect(TEXT.slice(fled.content.start, fled.content.end)).toBe(fled.content.text);

    const relayed = suggestions.find((s: any) => s.chain.length > 0);
    expect(relayed.source).toMatchObject({ anonymous: true, kind: 'ANONYMOUS' });
    expect(relayed.chain[0]).toMatchObject({ text: 'Channel Nine', cue: 'quoting' });
    expect(relayed.quantities[0]).toMatchObject({ lower: 200, lowerInclusive: false });

    const hedged = suggestions.find((s: any) => s.hedge);
    expect(hedged.hedge.text).toBe('may have');
    expect(hedged.anonymityReason).toContain('not authorized to brief reporters');
  });

  it('accepts an edited suggestion as claim, attribution, sources and an anchored citation', async () => {
    const article = await createArticle(t, { bodyText: TEXT, publishedAt: '2019-02-18T12:00:00Z' });
    const [first] = expectData(await t.gql(SUGGEST, { id: article.id })).suggestAttributions;
    const claim = expectData(
      await t.gql(`mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { statement attributions { cue source { name } citations { quote startOffset article { id } } } } }`, {
        input: {
          articleId: article.id,
          statement: 'At least 40 families fled Qasr Hamid.',
          quantities: [{ variable: 'families_displaced', lower: 40, qualifier: 'at least', unit: 'families' }],
          attribution: { source: { name: first.source.text, kind: first.source.kind }, cue: first.cue.text, quote: { quote: first.content.text, startOffset: first.content.start } },
        },
      }),
    ).acceptSuggestion;
    expect(claim.attributions[0].citations[0]).toMatchObject({ quote: first.content.text, startOffset: first.content.start, article: { id: article.id } });
  });

  it('answers acceptSuggestion with the sourcing committed with the claim', async () => {
    const article = await createArticle(t, { bodyText: TEXT, publishedAt: '2019-02-18T12:00:00Z' });
    const [first] = expectData(await t.gql(SUGGEST, { id: article.id })).suggestAttributions;
    const DERIVED = 'id sourcing independentSourceCount';
    const accepted = expectData(
      await t.gql(`mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { ${DERIVED} } }`, {
        input: { articleId: article.id, statement: 'Families fled Qasr Hamid.', attribution: { source: { name: first.source.text, kind: first.source.kind } } },
      }),
    ).acceptSuggestion;
    expect(accepted).toMatchObject({ sourcing: 'SINGLE_SOURCE', independentSourceCount: 1 });
    expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${DERIVED} } }`, { id: accepted.id })).claim).toEqual(accepted);
  });

  it('gives ids, sentence indexes, the speaker as written, anaphora pointers, anonymity grants, event time apart from said time, vague figures and places with GeoNames data (issue 19)', async () => {
    const text = [
      'KABUL (Example Wire) - Dozens of people were wounded in a blast in Kabul on Thursday, the interior ministry said on Friday.',
      'It added that two suspects were arrested.',
      'A police officer, who spoke on condition of anonymity, said the attacker was on foot.',
    ].join(' ');
    const RICH = `query($text: String, $at: DateTime) { suggestAttributions(text: $text, publishedAt: $at) {
      id sentenceIndex speaker { text start end } antecedent { suggestionId sentenceIndex text start }
      source { text canonicalName affiliation } anonymityGranted eventTime { from precision } saidAt { from } time { from }
      quantities { lower upper vague unit } place { text countryCode latitude longitude geonameId } medium } }`;
    const [first, second, third] = expectData(await t.gql(RICH, { text, at: '2024-03-09T12:00:00Z' })).suggestAttributions;
    expect(first).toMatchObject({ sentenceIndex: 0, speaker: { text: 'the interior ministry' }, antecedent: null, anonymityGranted: false });
    expect(text.slice(first.speaker.start, first.speaker.end)).toBe('the interior ministry');
    expect(first.eventTime.from).toBe('2024-03-07T00:00:00.000Z');
    expect(first.saidAt.from).toBe('2024-03-08T00:00:00.000Z');
    expect(first.quantities[0]).toMatchObject({ lower: 24, upper: 99, vague: true, unit: 'people' });
    expect(first.place).toMatchObject({ text: 'Kabul', countryCode: 'AF' });
    expect(first.place.latitude).toBeCloseTo(34.5, 0);
    expect(second).toMatchObject({ sentenceIndex: 1, speaker: { text: 'It' }, source: { text: first.source.text }, eventTime: null });
    expect(second.antecedent).toMatchObject({ suggestionId: first.id, sentenceIndex: 0, text: 'the interior ministry', start: first.speaker.start });
    expect(third).toMatchObject({ anonymityGranted: true });
    // The same text gives the same ids.
    const again = expectData(await t.gql(RICH, { text, at: '2024-03-09T12:00:00Z' })).suggestAttributions;
    expect(again.map((s: { id: string }) => s.id)).toEqual([first.id, second.id, third.id]);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
  });

  it('takes several suggested attributions into one claim with acceptSuggestion (issue 19)', async () => {
    const text = 'According to medics and residents, the strike hit a crowd waiting for flour.';
    const article = await createArticle(t, { bodyText: text, publishedAt: '2024-03-04T12:00:00Z' });
    const suggestions = expectData(await t.gql(SUGGEST, { id: article.id })).suggestAttributions;
    expect(suggestions.map((s: any) => s.source.text)).toEqual(['medics', 'residents']);
    const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { id attributions { cue source { name } citations { startOffset } } } }`;
    const attributions = suggestions.map((s: any) => ({
      source: { name: s.source.text, kind: s.source.kind },
      cue: s.cue.text,
      quote: { quote: s.content.text, startOffset: s.content.start },
    }));
    const claim = expectData(await t.gql(ACCEPT, { input: { articleId: article.id, statement: 'A strike hit a crowd waiting for flour.', attributions } })).acceptSuggestion;
    expect(claim.attributions.map((a: any) => a.source.name).sort()).toEqual(['medics', 'residents']);
    const COUNT = `{ claims { totalCount } }`;
    const before = expectData(await t.gql(COUNT)).claims.totalCount;

    const both = errorOf(await t.gql(ACCEPT, { input: { articleId: article.id, statement: 'Both.', attribution: attributions[0], attributions } }));
    expect(both).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(both.fields?.[0].field).toBe('attributions');
    const neither = errorOf(await t.gql(ACCEPT, { input: { articleId: article.id, statement: 'Neither.' } }));
    expect(neither.fields?.[0].field).toBe('attribution');
    // Nothing is written for either mistake.
    expect(expectData(await t.gql(COUNT)).claims.totalCount).toBe(before);
  });

  it('saves what the extractor suggests through acceptSuggestion: a grant of anonymity without a reason and a vague figure', async () => {
    const text = 'Dozens of boats burned in the harbour, a port official said on condition of anonymity.';
    const article = await createArticle(t, { bodyText: text, publishedAt: '2024-03-04T12:00:00Z' });
    const SUGGESTED = `query($id: ID) { suggestAttributions(articleId: $id) { anonymityGranted anonymityReason source { text kind anonymous } cue { text } content { text start }
      quantities { lower upper lowerInclusive upperInclusive vague unit } } }`;
    const [s] = expectData(await t.gql(SUGGESTED, { id: article.id })).suggestAttributions;
    expect(s).toMatchObject({ anonymityGranted: true, anonymityReason: null, quantities: [{ lower: 24, upper: 99, vague: true, unit: 'boats' }] });
    const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { quantities { lower upper vague } attributions { anonymityGranted anonymityReason } } }`;
    const q = s.quantities[0];
    const claim = expectData(
      await t.gql(ACCEPT, {
        input: {
          articleId: article.id,
          statement: s.content.text,
          quantities: [{ variable: 'boats_burned', lower: q.lower, upper: q.upper, lowerInclusive: q.lowerInclusive, upperInclusive: q.upperInclusive, vague: q.vague, unit: q.unit }],
          attribution: { source: { name: s.source.text, kind: 'ANONYMOUS' }, cue: s.cue.text, anonymityGranted: s.anonymityGranted, quote: { quote: s.content.text, startOffset: s.content.start } },
        },
      }),
    ).acceptSuggestion;
    expect(claim.quantities).toEqual([{ lower: 24, upper: 99, vague: true }]);
    expect(claim.attributions).toEqual([{ anonymityGranted: true, anonymityReason: null }]);
  });

  it('needs either a stored article with text or text with its publication time', async () => {
    expect(errorOf(await t.gql(SUGGEST, { text: 'Officials said so.' })).fields?.[0].field).toBe('publishedAt');
    const bare = await createArticle(t);
    expect(errorOf(await t.gql(SUGGEST, { id: bare.id })).fields?.[0].field).toBe('articleId');
    const fromText = expectData(await t.gql(SUGGEST, { text: 'The ministry said 12 people were killed on Friday.', at: '2019-02-18T12:00:00Z' })).suggestAttributions;
    expect(fromText[0].time.from).toBe('2019-02-15T00:00:00.000Z');
  });
});
