import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { hasOwnResolver } from '../src/common/own-resolvers';
import { Restricted, readersOf } from '../src/core/field-access';
import { EDITORIAL_ROLES, Role } from '../src/core/role';
import { ClaimModel } from '../src/claims/claim.model';
import { DirectReads } from '../src/direct-reads/direct-reads.service';
import { Metrics } from '../src/observability/metrics';
import { SourceModel } from '../src/sources/source.model';
import { TestApp, expectData, startTestApp } from './support/app';
import { logClaimInput, sourceInput } from './factories';
import { createSource } from './factories/operations';

// Throwaway declarations for this suite only (jest loads the modules afresh per suite), made before the app builds its
// schema: two fields anyone may read, each a plain @Field with no resolver of its own and read by both SQL paths as a
// column, restricted as a new confidential field would be. Source.basedIn to admins alone, so that an editor, who may
// read history, must find its changes left out; Claim.hedge to editors and admins, on the root type of the direct path.
Restricted([Role.ADMIN])(SourceModel.prototype, 'basedIn');
Restricted(EDITORIAL_ROLES)(ClaimModel.prototype, 'hedge');

const BASED_IN = 'Deir ez-Zor';
const HEDGE = 'may have';
type RoleName = 'ADMIN' | 'EDITOR' | 'REPORTER' | 'RESEARCHER';
const ROLES: RoleName[] = ['ADMIN', 'EDITOR', 'REPORTER', 'RESEARCHER'];

/** A field declared restricted is withheld from every other role, however it is read, because it is declared. */
describe('field access, declared on the field', () => {
  let t: TestApp;
  let reads: DirectReads;
  let metrics: Metrics;
  let schema: GraphQLSchema;
  let as: Record<RoleName, Record<string, string>>;
  let sourceId: string;
  let claimId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_KEY: '0', RATE_LIMIT_PER_ADDRESS: '0' });
    reads = t.app.get(DirectReads);
    metrics = t.app.get(Metrics);
    schema = t.app.get(GraphQLSchemaHost).schema;
    as = { ADMIN: {}, EDITOR: {}, REPORTER: {}, RESEARCHER: {} };
    for (const role of ROLES) as[role] = (await t.userWithRole(role)).as;
    const source = await createSource(t, sourceInput({ name: 'Eastern Monitor', basedIn: BASED_IN }));
    sourceId = source.id;
    const input = logClaimInput({ hedge: HEDGE });
    input.attributions = [{ source: { id: sourceId }, cue: 'said' }] as never;
    claimId = expectData(await t.gql(`mutation($i: LogClaimInput!) { logClaim(input: $i) { id } }`, { i: input })).logClaim.id;
    // A change of the restricted field, for the history.
    expectData(await t.gql(`mutation($i: UpdateSourceInput!) { updateSource(input: $i) { id } }`, { i: { id: sourceId, version: source.version, basedIn: `${BASED_IN} province` } }));
  });
  afterAll(() => t.close());

  const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
  /** What each role must read: the value for the roles the field is restricted to, null for every other. */
  const hedgeFor = (role: RoleName) => (role === 'ADMIN' || role === 'EDITOR' ? HEDGE : null);
  const basedInFor = (role: RoleName) => (role === 'ADMIN' ? `${BASED_IN} province` : null);

  it('puts the declarations in the schema, confidentialNote with them, on fields without a resolver of their own', () => {
    expect(readersOf(field('Source', 'basedIn'))).toEqual([Role.ADMIN]);
    expect(readersOf(field('Claim', 'hedge'))).toEqual(EDITORIAL_ROLES);
    expect(readersOf(field('Source', 'confidentialNote'))).toEqual(EDITORIAL_ROLES);
    expect(readersOf(field('Source', 'name'))).toBeUndefined();
    // The schema tells clients the rule, from the same declaration.
    expect(field('Source', 'basedIn').description).toBe('Restricted to ADMIN: null for every other role.');
    expect(field('Source', 'confidentialNote').description).toBe('Who an anonymous source is, if known. Restricted to EDITOR, ADMIN: null for every other role.');
    // Nest's resolver map, not a function's name, says which fields have a resolver of their own.
    const source = schema.getType('Source') as GraphQLObjectType;
    expect(['basedIn', 'confidentialNote', 'name'].filter((name) => hasOwnResolver(source, name))).toEqual([]);
    expect(['anonymous', 'aliases', 'linkedSources'].every((name) => hasOwnResolver(source, name))).toBe(true);
    expect(hasOwnResolver(schema.getType('Claim') as GraphQLObjectType, 'statusHistory')).toBe(true);
  });

  async function declineCounts(): Promise<Map<string, number>> {
    return new Map((await metrics.directDeclines.get()).values.map((v) => [String(v.labels.reason), v.value]));
  }

  /** `query` with the direct path on: whether it answered, and the decline reasons that grew (counted once the response has closed). */
  async function direct(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const before = await declineCounts();
    const answered = reads.answered;
    const data = expectData(await t.gql(query, variables, headers));
    const grew = async () => [...(await declineCounts())].filter(([reason, count]) => count > (before.get(reason) ?? 0)).map(([reason]) => reason);
    let reasons = await grew();
    for (let attempt = 0; attempt < 200 && reads.answered === answered && !reasons.length; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      reasons = await grew();
    }
    return { data, answeredDirectly: reads.answered === answered + 1, reasons };
  }

  /** `query` with the direct path off: Apollo and the compiled trees' prefetch output answer. */
  async function apollo(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    reads.enabled = false;
    try {
      return expectData(await t.gql(query, variables, headers));
    } finally {
      reads.enabled = true;
    }
  }

  const CLAIM = `query($id: ID!) { claim(id: $id) { id hedge attributions { source { id basedIn } } } }`;
  const PAGE = `{ claims(first: 10) { nodes { id hedge attributions { source { id basedIn } } } } }`;
  const TREE_WITHOUT_THEM = `query($id: ID!) { claim(id: $id) { id statement attributions { source { id name } } } }`;

  it('answers a query selecting a restricted field on the direct path, with a plan per role that writes it or null', async () => {
    for (const role of ROLES) {
      const answered = await direct(CLAIM, { id: claimId }, as[role]);
      expect({ role, directly: answered.answeredDirectly, reasons: answered.reasons }).toEqual({ role, directly: true, reasons: [] });
      expect({ role, hedge: answered.data.claim.hedge }).toEqual({ role, hedge: hedgeFor(role) });
    }
    const beneath = await direct(`query($id: ID!) { claim(id: $id) { attributions { source { basedIn } } } }`, { id: claimId }, as.EDITOR);
    expect(beneath).toMatchObject({ answeredDirectly: true, data: { claim: { attributions: [{ source: { basedIn: null } }] } } });
    expect((await direct(TREE_WITHOUT_THEM, { id: claimId }, as.REPORTER)).answeredDirectly).toBe(true);
  });

  it.each(ROLES)('shows the restricted fields to %s only if restricted to them: direct path, trees, pages and node(id:) alike', async (role) => {
    const headers = as[role];
    const expected = { id: claimId, hedge: hedgeFor(role), attributions: [{ source: { id: sourceId, basedIn: basedInFor(role) } }] };
    expect((await direct(CLAIM, { id: claimId }, headers)).data.claim).toEqual(expected);
    expect((await apollo(CLAIM, { id: claimId }, headers)).claim).toEqual(expected);
    for (const page of [(await direct(PAGE, {}, headers)).data, await apollo(PAGE, {}, headers)]) {
      expect(page.claims.nodes.find((c: { id: string }) => c.id === claimId)).toEqual(expected);
    }
    // The plain resolvers: node(id:), source(id:) and an attribution's claim, which no tree reads.
    const byNode = expectData(await t.gql(`query($c: ID!, $s: ID!) { c: node(id: $c) { ... on Claim { hedge } } s: node(id: $s) { ... on Source { basedIn } } }`, { c: claimId, s: sourceId }, headers));
    expect(byNode).toEqual({ c: { hedge: hedgeFor(role) }, s: { basedIn: basedInFor(role) } });
    expect(expectData(await t.gql(`query($id: ID!) { source(id: $id) { basedIn } }`, { id: sourceId }, headers)).source.basedIn).toBe(basedInFor(role));
  });

  it('leaves changes of a restricted field out of the history for the roles that may read history but not the field', async () => {
    const history = `query($id: ID!) { history(entityType: SOURCE, id: $id) { nodes { action changes { field after } } } }`;
    const changes = async (role: RoleName) => expectData(await t.gql(history, { id: sourceId }, as[role])).history.nodes.flatMap((n: { changes: { field: string; after: string }[] }) => n.changes);
    const admin = await changes('ADMIN');
    expect(admin).toContainEqual({ field: 'basedIn', after: JSON.stringify(BASED_IN) });
    expect(admin).toContainEqual({ field: 'basedIn', after: JSON.stringify(`${BASED_IN} province`) });
    const editor = await changes('EDITOR');
    expect(editor.map((c: { field: string }) => c.field)).not.toContain('basedIn');
    // The rest of the history is the admin's, less those changes.
    expect(editor).toEqual(admin.filter((c: { field: string }) => c.field !== 'basedIn'));
    expect(JSON.stringify(editor)).not.toContain(BASED_IN);
  });
});
