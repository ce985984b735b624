import { TestApp, expectData, startTestApp } from './support/app';

const BODY =
  'BEIRUT (Example Agency) - An air strike on a market in Kafr Sabil killed 12 civilians on Monday, the Northern Monitor said. ' +
  'The monitor said rescue workers were still searching the rubble late into the night, and that the toll could rise.';
const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;

function input(article: Record<string, unknown>, monitor: string, extra: Record<string, unknown> = {}) {
  return {
    statement: 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday.',
    article,
    attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' } }],
    ...extra,
  };
}

describe('Claim.reportedBy and maxIndependentSources', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('the two-copies example: the agency page and a reprint are one report, another outlet\'s own story a second', async () => {
    const claim = expectData(await t.gql(LOG, { input: input({ url: 'https://agency.example.org/a', publisher: 'Example Agency', wireAgency: 'Example Agency', bodyText: BODY }, 'Wire Monitor') })).logClaim;
    const reprint = { url: 'https://paper.example.org/a', publisher: 'Daily Paper', wireAgency: 'Example Agency', bodyText: `${BODY} Copyright Example Agency.` };
    expectData(await t.gql(LOG, { input: input(reprint, 'Wire Monitor', { attachTo: claim.id }) }));
    const own = { url: 'https://times.example.org/a', publisher: 'Other Times', bodyText: 'Our correspondent in Kafr Sabil saw the market after the strike; a doctor said twelve people died.' };
    expectData(await t.gql(LOG, { input: input(own, 'a doctor at the field hospital', { attachTo: claim.id }) }));
    const read = expectData(
      await t.gql(`query($id: ID!) { claim(id: $id) { independentSourceCount reportedBy { outletCount reportCount outlets reports { wireAgency outlets } } } }`, { id: claim.id }),
    ).claim;
    expect(read.reportedBy).toMatchObject({ outletCount: 3, reportCount: 2, outlets: ['Example Agency', 'Daily Paper', 'Other Times'] });
    expect(read.reportedBy.reports).toEqual([
      { wireAgency: 'Example Agency', outlets: ['Example Agency', 'Daily Paper'] },
      { wireAgency: null, outlets: ['Other Times'] },
    ]);
    // The copies' one monitor is one source; the doctor is the second.
    expect(read.independentSourceCount).toBe(2);
  });

  it('the same anonymous description in two copies of one wire story is one source; in another agency\'s story it is another', async () => {
    const anonymous = { name: 'a senior military official', kind: 'ANONYMOUS' };
    const copy = (url: string, publisher: string, wireAgency: string, body: string) => ({ url, publisher, wireAgency, bodyText: body, publishedAt: '2019-02-11T12:00:00Z' });
    const first = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { source { id } } } }`, {
        input: input(copy('https://agency.example.org/b', 'Example Agency', 'Example Agency', BODY), 'x', { attributions: [{ source: anonymous }] }),
      }),
    ).logClaim;
    const reprint = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id independentSourceCount attributions { source { id } } } }`, {
        input: input(copy('https://paper.example.org/b', 'Daily Paper', 'Example Agency', `${BODY} Copyright Example Agency.`), 'x', { attachTo: first.id, attributions: [{ source: anonymous }] }),
      }),
    ).logClaim;
    expect(reprint.attributions.map((a: any) => a.source.id)).toEqual([first.attributions[0].source.id, first.attributions[0].source.id]);
    expect(reprint.independentSourceCount).toBe(1);
    const other = expectData(
      await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { attributions { source { id } } } }`, {
        input: input(copy('https://rival.example.org/b', 'Rival Wire', 'Rival Wire', BODY), 'x', { attributions: [{ source: anonymous }] }),
      }),
    ).logClaim;
    expect(other.attributions[0].source.id).not.toBe(first.attributions[0].source.id);
  });

  it('maxIndependentSources: 1 answers "single source" with anonymous-only claims included', async () => {
    const tag = Date.now();
    const named = expectData(await t.gql(LOG, { input: input({ url: `https://single.example.org/${tag}/1` }, `Single Monitor ${tag}`, { statement: `Single named ${tag}.` }) })).logClaim;
    const anonymous = expectData(
      await t.gql(LOG, { input: input({ url: `https://single.example.org/${tag}/2` }, 'an official', { statement: `Single anonymous ${tag}.`, attributions: [{ source: { name: 'an official', kind: 'ANONYMOUS' } }] }) }),
    ).logClaim;
    const both = expectData(
      await t.gql(LOG, { input: input({ url: `https://single.example.org/${tag}/3` }, 'x', { statement: `Corroborated ${tag}.`, attributions: [{ source: { name: `One ${tag}` } }, { source: { name: `Two ${tag}` } }] }) }),
    ).logClaim;
    const ids = expectData(await t.gql(`query($s: String!) { claims(filter: { search: $s, maxIndependentSources: 1 }) { nodes { id sourcing } } }`, { s: String(tag) })).claims.nodes;
    expect(ids.map((n: any) => n.id).sort()).toEqual([named.id, anonymous.id].sort());
    expect(ids.map((n: any) => n.sourcing).sort()).toEqual(['ANONYMOUS_ONLY', 'SINGLE_SOURCE']);
    expect(ids.map((n: any) => n.id)).not.toContain(both.id);
  });
});
