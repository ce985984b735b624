import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_FILTER_FIELDS } from '../src/claims/claim-filter-fields';
import { EXPORT_QUERY_FIELDS } from '../src/exports/dto/export-query.dto';
import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;

/** Issue 17 item 9: one filter, the same answer from GraphQL, the HTTP export and the CLI (cli.e2e-spec). */
describe('export filters: the same as the claims filter', () => {
  let t: TestApp;
  let base: string;
  let corroborated: string;
  let single: string;
  let deleted: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
    // Two independent named speakers: CORROBORATED, 2 independent sources.
    corroborated = expectData(
      await t.gql(LOG, {
        input: logClaimInput({
          attributions: [
            { source: { name: `North Monitor ${Date.now()}`, kind: 'MONITORING_GROUP' }, cue: 'said' },
            { source: { name: `South Monitor ${Date.now()}`, kind: 'MONITORING_GROUP' }, cue: 'said' },
          ],
        }),
      }),
    ).logClaim.id;
    single = expectData(
      await t.gql(LOG, { input: logClaimInput({ attributions: [{ source: { name: `Lone Monitor ${Date.now()}`, kind: "MONITORING_GROUP" }, cue: "said" }] }) }),
    ).logClaim.id;
    deleted = expectData(await t.gql(`mutation { createClaim(input: { statement: "A claim deleted later." }) { id } }`)).createClaim.id;
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: deleted }));
  });
  afterAll(() => t.close());

  const exported = async (query: string, headers?: Record<string, string>) => {
    const res = await getText(`${base}/exports/claims.jsonl?${query}`, headers);
    return { status: res.status, ids: res.status === 200 ? [...new Set(jsonLines(res.text).filter((r) => !r._summary).map((r) => r.claim_id))] : [], text: res.text };
  };
  const listed = async (filter: Record<string, unknown>) =>
    expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: filter })).claims.nodes.map((n: { id: string }) => n.id).sort();

  it('takes every field of the GraphQL claims filter, and nothing is declared twice', async () => {
    const schema = expectData(await t.gql(`{ __type(name: "ClaimFilterInput") { inputFields { name } } }`));
    const graphql = schema.__type.inputFields.map((f: { name: string }) => f.name).sort();
    expect([...CLAIM_FILTER_FIELDS.keys()].sort()).toEqual(graphql);
    expect([...EXPORT_QUERY_FIELDS.keys()].sort()).toEqual([...graphql, 'profile'].sort());
    expect(CLAIM_FILTER_FIELDS.get('minIndependentSources')).toBe('integer');
    expect(CLAIM_FILTER_FIELDS.get('circular')).toBe('boolean');
    expect(CLAIM_FILTER_FIELDS.get('eventFrom')).toBe('datetime');
  });

  it('is listed whole in docs/exports.md, where a researcher looks for the query string\'s names', () => {
    const doc = readFileSync(join(__dirname, '..', 'docs', 'exports.md'), 'utf8');
    const listed = /### Filters\n[\s\S]*?`(search,[^`]+)`/.exec(doc)?.[1].split(',').map((name) => name.trim()).sort();
    expect(listed).toEqual([...CLAIM_FILTER_FIELDS.keys()].sort());
  });

  it('converts query-string integers and booleans, answering what GraphQL answers', async () => {
    for (const [query, filter] of [
      ['minIndependentSources=2', { minIndependentSources: 2 }],
      ['hasDiscrepancy=false&circular=false', { hasDiscrepancy: false, circular: false }],
      ['sourcing=SINGLE_SOURCE', { sourcing: 'SINGLE_SOURCE' }],
      ['minIndependentSources=1&circular=false&sourcing=CORROBORATED', { minIndependentSources: 1, circular: false, sourcing: 'CORROBORATED' }],
    ] as const) {
      const res = await exported(query);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      expect(res.ids.sort()).toEqual(await listed(filter));
    }
    expect((await exported('minIndependentSources=2')).ids).toEqual([corroborated]);
    expect((await exported('sourcing=SINGLE_SOURCE')).ids).toEqual([single]);
    const summary = jsonLines((await exported('minIndependentSources=2&circular=false')).text).pop() as { _summary: { filter: unknown } };
    expect(summary._summary.filter).toEqual({ minIndependentSources: 2, circular: false });
  });

  it('refuses text that is not the field\'s type, naming the field', async () => {
    const res = await getText(`${base}/exports/claims.csv?minIndependentSources=two&hasDiscrepancy=yes&circular=1`);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { code: string; fields: Array<{ field: string }> };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect([...new Set(body.fields.map((f) => f.field))].sort()).toEqual(['circular', 'hasDiscrepancy', 'minIndependentSources']);
    expect((await getText(`${base}/exports/claims.csv?minIndependentSources=-1`)).status).toBe(400);
  });

  it('refuses deleted= to a role that may not see deleted claims, and honours it for editors', async () => {
    const researcher = await t.userWithRole('RESEARCHER');
    for (const value of ['ONLY', 'INCLUDE']) {
      const refused = await getText(`${base}/exports/claims.csv?deleted=${value}`, researcher.as);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).code).toBe('FORBIDDEN');
      expect(refused.headers.get('x-claimdesk-filter')).toBeNull();
    }
    expect((await exported('deleted=EXCLUDE', researcher.as)).status).toBe(200);
    const editor = await t.userWithRole('EDITOR');
    expect((await exported('deleted=ONLY', editor.as)).ids).toEqual([deleted]);
    expect((await exported('deleted=INCLUDE', editor.as)).ids).toEqual(expect.arrayContaining([deleted, single, corroborated]));
    expect((await exported('', editor.as)).ids).not.toContain(deleted);
  });
});
