import { TestApp, expectData, startTestApp } from './support/app';
import { sameSpeakerKey } from '../src/sources/same-speaker';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { source { id } } } }`;
const SUGGEST = `query($id: ID!) { sameSpeakerSuggestions(id: $id) { sources { id name } anonymityReason linked } }`;

describe('one speaker described twice', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('suggests the two anonymous descriptions of one article as one source, with the reason stated once, and an editor confirms by linking', async () => {
    const article = { url: 'https://talks.example.org/truce', bodyText: 'text' };
    const first = expectData(
      await t.gql(LOG, {
        input: { statement: 'The truce was extended by five days.', article, attributions: [{ source: { name: 'a person close to the negotiations', kind: 'ANONYMOUS' }, anonymityReason: 'not authorised to speak to the media' }] },
      }),
    ).logClaim;
    const second = expectData(
      await t.gql(LOG, { input: { statement: 'Prisoners will be exchanged on Friday.', article, attributions: [{ source: { name: 'a person familiar with the negotiations', kind: 'ANONYMOUS' } }] } }),
    ).logClaim;
    // Another anonymous person in the same article is not folded in.
    expectData(await t.gql(LOG, { input: { statement: 'Shelling resumed.', article, attributions: [{ source: { name: 'a senior military official', kind: 'ANONYMOUS' } }] } }));
    const { articles } = expectData(await t.gql(`{ articles(first: 5) { nodes { id url } } }`));
    const articleId = articles.nodes.find((a: any) => a.url === article.url).id;
    const [suggestion, ...others] = expectData(await t.gql(SUGGEST, { id: articleId })).sameSpeakerSuggestions;
    expect(others).toEqual([]);
    expect(suggestion.sources.map((s: any) => s.id).sort()).toEqual([first.attributions[0].source.id, second.attributions[0].source.id].sort());
    expect(suggestion).toMatchObject({ anonymityReason: 'not authorised to speak to the media', linked: false });
    expectData(await t.gql(`mutation($ids: [ID!]!) { linkSources(input: { sourceIds: $ids }) { id } }`, { ids: suggestion.sources.map((s: any) => s.id) }));
    expect(expectData(await t.gql(SUGGEST, { id: articleId })).sameSpeakerSuggestions[0].linked).toBe(true);
  });

  it('keys descriptions by what they say about the person', () => {
    expect(sameSpeakerKey('A person close to the negotiations')).toBe(sameSpeakerKey('a source familiar with the talks'));
    expect(sameSpeakerKey('a senior military official')).not.toBe(sameSpeakerKey('a person close to the negotiations'));
  });
});
