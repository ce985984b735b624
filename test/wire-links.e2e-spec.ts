import { TestApp, errorOf, expectData, startTestApp } from './support/app';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { source { id } } citations: attributions { citations { article { id } } } } }`;
const LINK = `mutation($input: WireLinkInput!) { linkWireCopies(input: $input) { articleId otherArticleId copies joinedSourceIds } }`;
const UNLINK = `mutation($input: WireLinkInput!) { unlinkWireCopies(input: $input) { copies joinedSourceIds } }`;
const READ = `query($id: ID!) { claim(id: $id) { independentSourceCount sourcing reportedBy { outletCount reportCount reports { outlets } } } }`;
const ANONYMOUS = { name: 'a senior military official', kind: 'ANONYMOUS' };

function input(url: string, publisher: string, extra: Record<string, unknown> = {}) {
  return {
    statement: 'Government forces shelled the northern district of Tal Harun overnight, killing 9 people.',
    article: { url, publisher, bodyText: `${publisher} copy: the shelling of Tal Harun went on until dawn, an official said.` },
    attributions: [{ source: ANONYMOUS, cue: 'said' }],
    ...extra,
  };
}

/** Issue 16: editors link (and unlink) articles as copies of one wire story that the text rule misses. */
describe('linkWireCopies and unlinkWireCopies', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const read = async (id: string) => expectData(await t.gql(READ, { id })).claim;
  const articleOf = (logged: any) => logged.citations[0].citations[0].article.id as string;

  it('a link makes two outlets one report and their one anonymous description one origin; unlinking undoes both, audited', async () => {
    const first = expectData(await t.gql(LOG, { input: input('https://north.example.org/shelling', 'North Post') })).logClaim;
    const second = expectData(await t.gql(LOG, { input: input('https://south.example.org/shelling', 'South Herald', { attachTo: first.id }) })).logClaim;
    const [a, b] = [articleOf(first), second.citations[1].citations[0].article.id as string];
    // Different publishers, no agency: the text rule sees two reports and two anonymous officials.
    expect(await read(first.id)).toMatchObject({ independentSourceCount: 2, reportedBy: { outletCount: 2, reportCount: 2 } });

    const linked = expectData(await t.gql(LINK, { input: { articleId: b, otherArticleId: a } })).linkWireCopies;
    expect(linked).toMatchObject({ articleId: [a, b].sort()[0], otherArticleId: [a, b].sort()[1], copies: true });
    expect(linked.joinedSourceIds).toHaveLength(2);
    expect(await read(first.id)).toMatchObject({ independentSourceCount: 1, sourcing: 'ANONYMOUS_ONLY', reportedBy: { outletCount: 2, reportCount: 1, reports: [{ outlets: ['North Post', 'South Herald'] }] } });
    // A third claim logged from the linked copy finds the same anonymous official as the other copy.
    const later = expectData(await t.gql(LOG, { input: { ...input('https://south.example.org/shelling', 'South Herald'), statement: 'Nine people were killed in the shelling of Tal Harun.' } })).logClaim;
    expect([first.attributions[0].source.id, second.attributions[1]?.source.id]).toContain(later.attributions[0].source.id);

    const unlinked = expectData(await t.gql(UNLINK, { input: { articleId: a, otherArticleId: b } })).unlinkWireCopies;
    expect(unlinked.copies).toBe(false);
    expect(await read(first.id)).toMatchObject({ independentSourceCount: 2, reportedBy: { outletCount: 2, reportCount: 2 } });

    const history = expectData(await t.gql(`query($id: ID!) { history(entityType: ARTICLE, id: $id) { nodes { action changes { field before after } } } }`, { id: a })).history.nodes;
    expect(history.map((n: any) => n.action)).toEqual(expect.arrayContaining(['LINK_WIRE_COPY', 'UNLINK_WIRE_COPY']));
    expect(history.find((n: any) => n.action === 'LINK_WIRE_COPY').changes).toEqual([{ field: 'wireCopyOf', before: null, after: JSON.stringify(b) }]);
  });

  it('unlinking overrules the text rule for copies of one agency story, and linking again restores it', async () => {
    const body = 'DAMASCUS (Levant Wire) - Fighting around the port of Ras Ibn Hani killed 14 fighters on Tuesday, a monitor said. Clashes went on into the night.';
    const agency = (url: string, publisher: string) => ({ url, publisher, wireAgency: 'Levant Wire', bodyText: body });
    const claim = expectData(await t.gql(LOG, { input: { ...input('', ''), article: agency('https://levantwire.example.org/port', 'Levant Wire'), attributions: [{ source: { name: 'Port Monitor', kind: 'MONITORING_GROUP' } }] } })).logClaim;
    const copy = expectData(await t.gql(LOG, { input: { ...input('', ''), attachTo: claim.id, article: agency('https://daily.example.org/port', 'Daily Star'), attributions: [{ source: { name: 'Port Monitor', kind: 'MONITORING_GROUP' } }] } })).logClaim;
    const [a, b] = [articleOf(claim), copy.citations[1].citations[0].article.id];
    expect((await read(claim.id)).reportedBy.reportCount).toBe(1);
    expectData(await t.gql(UNLINK, { input: { articleId: a, otherArticleId: b } }));
    expect((await read(claim.id)).reportedBy.reportCount).toBe(2);
    expect(errorOf(await t.gql(UNLINK, { input: { articleId: a, otherArticleId: b } }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'otherArticleId' })] });
    expectData(await t.gql(LINK, { input: { articleId: a, otherArticleId: b } }));
    expect((await read(claim.id)).reportedBy.reportCount).toBe(1);
  });

  it('is for editors only, and refuses a pair of one article or an unknown article, writing nothing', async () => {
    const claim = expectData(await t.gql(LOG, { input: input('https://east.example.org/shelling', 'East Daily') })).logClaim;
    const a = articleOf(claim);
    const reporter = await t.userWithRole('REPORTER');
    expect(errorOf(await t.gql(LINK, { input: { articleId: a, otherArticleId: 'nope' } }, reporter.as)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(LINK, { input: { articleId: a, otherArticleId: a } })).fields?.[0].field).toBe('otherArticleId');
    expect(errorOf(await t.gql(LINK, { input: { articleId: 'no-such-article', otherArticleId: a } })).fields?.[0].field).toBe('articleId');
    const history = expectData(await t.gql(`query($id: ID!) { history(entityType: ARTICLE, id: $id) { nodes { action } } }`, { id: a })).history.nodes;
    expect(history.map((n: any) => n.action)).not.toContain('LINK_WIRE_COPY');
  });
});
