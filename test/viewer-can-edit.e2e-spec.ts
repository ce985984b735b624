import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';

/** viewerCanEdit answers with the rule the mutations enforce, so the desk offers Edit only where it would be allowed. */
describe('viewerCanEdit', () => {
  let t: TestApp;
  let author: Record<string, string>;
  let other: Record<string, string>;
  let editor: Record<string, string>;
  let researcher: Record<string, string>;
  let claimId: string;

  const READ = `query($id: ID!) { claim(id: $id) { version viewerCanEdit attributions { viewerCanEdit citations { article { viewerCanEdit } } } } }`;
  const can = async (as: Record<string, string>) => {
    const c = expectData(await t.gql(READ, { id: claimId }, as)).claim;
    return { claim: c.viewerCanEdit, attribution: c.attributions[0].viewerCanEdit, article: c.attributions[0].citations[0].article.viewerCanEdit, version: c.version };
  };

  beforeAll(async () => {
    t = await startTestApp();
    author = (await t.userWithRole('REPORTER')).as;
    other = (await t.userWithRole('REPORTER')).as;
    editor = (await t.userWithRole('EDITOR')).as;
    researcher = (await t.userWithRole('RESEARCHER')).as;
    claimId = expectData(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id } }`, { i: logClaimInput() }, author)).logClaim.id;
  });
  afterAll(() => t.close());

  it('is true for the reporter who logged it and for editors, false for another reporter and for researchers', async () => {
    expect(await can(author)).toMatchObject({ claim: true, attribution: true, article: true });
    expect(await can(editor)).toMatchObject({ claim: true, attribution: true, article: true });
    expect(await can(other)).toMatchObject({ claim: false, attribution: false, article: false });
    expect(await can(researcher)).toMatchObject({ claim: false, attribution: false, article: false });
  });

  it('agrees with updateClaim: what it says false is refused as FORBIDDEN', async () => {
    const { version } = await can(other);
    const refused = await t.gql(`mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { id } }`, { i: { id: claimId, version, hedge: 'reportedly' } }, other);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
  });

  it("turns false for the author's claim and attribution once an editor has decided its status, as the edit rule does", async () => {
    expectData(await t.gql(`mutation($i: SetClaimStatusInput!) { setClaimStatus(input: $i) { status } }`, { i: { id: claimId, status: 'CORROBORATED', reason: 'Two independent monitors' } }, editor));
    expect(await can(author)).toMatchObject({ claim: false, attribution: false, article: true });
    const { version } = await can(author);
    const refused = await t.gql(`mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { id } }`, { i: { id: claimId, version, hedge: 'reportedly' } }, author);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
  });

  it('answers the same in a page of claims as for one claim', async () => {
    const page = expectData(await t.gql(`{ claims(first: 100) { nodes { id viewerCanEdit attributions { viewerCanEdit } } } }`, {}, other)).claims.nodes;
    const mine = page.find((c: { id: string }) => c.id === claimId);
    expect(mine).toMatchObject({ viewerCanEdit: false, attributions: [{ viewerCanEdit: false }, { viewerCanEdit: false }] });
  });
});
