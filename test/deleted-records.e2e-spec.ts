import { DirectReads } from '../src/direct-reads/direct-reads.service';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';

/** A deleted record vanishes from every read path: by id, nested beneath other records, and on the direct path. */
describe('deleted records', () => {
  let t: TestApp;
  let reads: DirectReads;
  let reporter: { id: string; as: Record<string, string> };
  let researcher: Record<string, string>;
  let editor: Record<string, string>;
  let gone: { id: string; statement: string; attributionId: string; citationId: string; sourceId: string; articleId: string };
  let live: { id: string; articleId: string; articleUrl: string };

  const LOG = `mutation($i: LogClaimInput!) { logClaim(input: $i) { id statement attributions { id source { id } citations { id article { id canonicalUrl } } } } }`;
  const DELETE = `mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`;

  beforeAll(async () => {
    t = await startTestApp();
    reads = t.app.get(DirectReads);
    reporter = await t.userWithRole('REPORTER');
    researcher = (await t.userWithRole('RESEARCHER')).as;
    editor = (await t.userWithRole('EDITOR')).as;
    const named = { source: { name: 'Deletion Monitor', kind: 'MONITORING_GROUP' }, quote: { quote: 'said so' } };
    const a = expectData(await t.gql(LOG, { i: logClaimInput({ statement: 'A claim that will be deleted.', attributions: [named] }) }, reporter.as)).logClaim;
    gone = {
      id: a.id,
      statement: a.statement,
      attributionId: a.attributions[0].id,
      citationId: a.attributions[0].citations[0].id,
      sourceId: a.attributions[0].source.id,
      articleId: a.attributions[0].citations[0].article.id,
    };
    const b = expectData(await t.gql(LOG, { i: logClaimInput({ attributions: [named] }) }, reporter.as)).logClaim;
    live = { id: b.id, articleId: b.attributions[0].citations[0].article.id, articleUrl: b.attributions[0].citations[0].article.canonicalUrl };
    expectData(await t.gql(DELETE, { i: { type: 'CLAIM', id: gone.id } }, editor));
    expectData(await t.gql(DELETE, { i: { type: 'ARTICLE', id: live.articleId } }, editor));
  });
  afterAll(() => t.close());

  const outsiders = () => [['REPORTER', reporter.as], ['RESEARCHER', researcher]] as const;

  it.each(['REPORTER', 'RESEARCHER'])('does not show a deleted claim to a %s through its attribution, citation, source or article', async (role) => {
    const as = outsiders().find(([r]) => r === role)?.[1] as Record<string, string>;
    const byAttribution = await t.gql(`query($id: ID!) { attribution(id: $id) { claim { statement } } }`, { id: gone.attributionId }, as);
    expect(errorOf(byAttribution).code).toBe('NOT_FOUND');
    const byCitation = await t.gql(`query($id: ID!) { citation(id: $id) { attribution { claim { statement } } } }`, { id: gone.citationId }, as);
    expect(errorOf(byCitation).code).toBe('NOT_FOUND');
    const bySource = await t.gql(`query($id: ID!) { source(id: $id) { attributions { totalCount nodes { claim { id statement } } } } }`, { id: gone.sourceId }, as);
    expect(expectData(bySource).source.attributions).toEqual({ totalCount: 1, nodes: [{ claim: expect.objectContaining({ id: live.id }) }] });
    const byArticle = await t.gql(`query($id: ID!) { article(id: $id) { citations { attribution { claim { statement } } } } }`, { id: gone.articleId }, as);
    expect(expectData(byArticle).article.citations).toEqual([]);
    for (const response of [byAttribution, byCitation, bySource, byArticle]) expect(JSON.stringify(response)).not.toContain(gone.statement);
  });

  it('still shows editors the deleted claim behind an attribution, marked deleted', async () => {
    const data = expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { claim { statement deletedAt } } }`, { id: gone.attributionId }, editor));
    expect(data.attribution.claim.statement).toBe(gone.statement);
    expect(data.attribution.claim.deletedAt).not.toBeNull();
  });

  it('leaves citations in a deleted article out of claims, on the direct path and through Apollo alike', async () => {
    const single = `query($id: ID!) { claim(id: $id) { id attributions { citations { id article { id } } } } }`;
    const page = `{ claims(first: 50) { nodes { id attributions { citations { id article { id } } } } } }`;
    for (const [query, variables] of [[single, { id: live.id }], [page, {}]] as const) {
      for (const direct of [true, false]) {
        reads.enabled = direct;
        const before = reads.answered;
        try {
          const response = await t.gql(query, variables, reporter.as);
          expect(reads.answered - before).toBe(direct ? 1 : 0);
          expect(response.errors).toBeUndefined();
          expect(JSON.stringify(response)).toContain(live.id);
          expect(JSON.stringify(response)).not.toContain(live.articleId);
        } finally {
          reads.enabled = true;
        }
      }
    }
    const nested = expectData(await t.gql(`query($id: ID!) { source(id: $id) { attributions { nodes { citations { article { id } } } } } }`, { id: gone.sourceId }, reporter.as));
    expect(JSON.stringify(nested)).not.toContain(live.articleId);
  });

  it('tells a reporter logging from a deleted article what happened and what to do', async () => {
    const error = errorOf(await t.gql(LOG, { i: logClaimInput({ article: { url: live.articleUrl } }) }, reporter.as));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('was deleted');
    expect(error.message).toContain(`restoreRecord(input: { type: ARTICLE, id: "${live.articleId}" })`);
    expect(error.extensions).toMatchObject({ existingId: live.articleId, hint: 'restoreRecord', deletedAt: expect.any(String) });
  });

  it('tells an editor, and only an editor, that a claim was deleted and how to restore it', async () => {
    const query = `query($id: ID!) { claim(id: $id) { statement } }`;
    const forEditor = errorOf(await t.gql(query, { id: gone.id }, editor));
    expect(forEditor.code).toBe('NOT_FOUND');
    expect(forEditor.message).toContain('was deleted at');
    expect(forEditor.extensions).toMatchObject({ type: 'Claim', id: gone.id, deletedAt: expect.any(String), hint: 'restoreRecord' });
    const update = errorOf(await t.gql(`mutation($id: ID!) { updateClaim(input: { id: $id, statement: "x" }) { id } }`, { id: gone.id }, editor));
    expect(update.extensions).toMatchObject({ deletedAt: expect.any(String), hint: 'restoreRecord' });
    const forReporter = errorOf(await t.gql(query, { id: gone.id }, reporter.as));
    expect(forReporter).toMatchObject({ code: 'NOT_FOUND', message: `Claim ${gone.id} was not found` });
    expect(forReporter.extensions.deletedAt).toBeUndefined();
  });
});
