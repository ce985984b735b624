import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { articleInput } from './factories';
import { countRows, createArticle } from './factories/operations';

describe('articles over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id url canonicalUrl headline publishedAt } }`;

  it('stores the canonical URL: lower-case host, no fragment, no tracking parameters', async () => {
    const a = expectData(await t.gql(CREATE, { input: articleInput({ url: 'https://News.Example.ORG/2019/siege?utm_campaign=x&page=2#top' }) })).createArticle;
    expect(a.canonicalUrl).toBe('https://news.example.org/2019/siege?page=2');
    expect(a.url).toBe('https://News.Example.ORG/2019/siege?utm_campaign=x&page=2#top');
    expect(a.publishedAt).toBe('2019-02-18T12:00:00.000Z');
  });

  it('refuses a second article with the same canonical URL, naming the existing one', async () => {
    const first = await createArticle(t, { url: 'https://dup.example.org/story' });
    const before = await countRows(t);
    const error = errorOf(await t.gql(CREATE, { input: articleInput({ url: 'https://DUP.example.org/story?utm_source=x#frag' }) }));
    expect(error.code).toBe('CONFLICT');
    expect(error.extensions.existingId).toBe(first.id);
    expect(error.message).toContain(first.id);
    expect(await countRows(t)).toEqual(before);
  });

  it.each([
    ['a malformed URL', { url: 'not a url' }, 'url'],
    ['a non-web URL', { url: 'ftp://example.org/x' }, 'url'],
    ['an empty URL', { url: '' }, 'url'],
    ['a headline over 500 characters', { headline: 'h'.repeat(501) }, 'headline'],
    ['a bad language tag', { language: 'english!' }, 'language'],
    ['a date that is not a date', { publishedAt: 'last Tuesday' }, 'publishedAt'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const error = errorOf(await t.gql(CREATE, { input: articleInput(overrides) }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.map((f) => f.field)).toContain(field);
  });

  it('updates an article and re-canonicalises a changed URL', async () => {
    const a = await createArticle(t);
    const updated = expectData(
      await t.gql(`mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { canonicalUrl headline version } }`, {
        input: { id: a.id, version: a.version, headline: 'Corrected headline', url: 'https://Moved.example.org/x#y' },
      }),
    ).updateArticle;
    expect(updated).toEqual({ canonicalUrl: 'https://moved.example.org/x', headline: 'Corrected headline', version: 2 });
  });

  it('lists articles as a cursor connection', async () => {
    const page1 = expectData(await t.gql(`{ articles(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`)).articles;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(page1.totalCount > 2);
    const page2 = expectData(await t.gql(`query($after: String) { articles(first: 2, after: $after) { nodes { id } } }`, { after: page1.pageInfo.endCursor })).articles;
    expect(page2.nodes.map((n: { id: string }) => n.id)).not.toContain(page1.edges[0].node.id);
  });
});
