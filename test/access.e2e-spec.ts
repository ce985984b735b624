import { DataSource } from 'typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MUTATION_RULES } from '../src/access/mutation-rules';
import { Role } from '../src/core/role';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { countRows, createClaim } from './factories/operations';

const NO_ID = '01890000-0000-7000-8000-00000000dead';

/**
 * One sample call per mutation, valid in shape so it reaches the server's rules. A new mutation
 * without a rule in MUTATION_RULES and a sample here fails the first test below.
 */
const SAMPLES: Record<string, { doc: string; input: Record<string, unknown> }> = {
  createSource: { doc: 'CreateSourceInput', input: { kind: 'NGO', name: 'Sample NGO' } },
  updateSource: { doc: 'UpdateSourceInput', input: { id: NO_ID } },
  mergeSources: { doc: 'MergeSourcesInput', input: { survivorId: NO_ID, mergedId: NO_ID } },
  linkSources: { doc: 'LinkSourcesInput', input: { sourceIds: [NO_ID, '01890000-0000-7000-8000-00000000beef'] } },
  unlinkSources: { doc: 'UnlinkSourcesInput', input: { sourceIds: [NO_ID] } },
  setSourceReliability: { doc: 'SetReliabilityInput', input: { id: NO_ID, reliability: 'B', reason: 'r' } },
  createArticle: { doc: 'CreateArticleInput', input: { url: 'https://roles.example.org/sample' } },
  updateArticle: { doc: 'UpdateArticleInput', input: { id: NO_ID } },
  createClaim: { doc: 'CreateClaimInput', input: { statement: 'A sample claim.' } },
  updateClaim: { doc: 'UpdateClaimInput', input: { id: NO_ID } },
  logClaim: { doc: 'LogClaimInput', input: { statement: 'A sample.', article: { url: 'https://roles.example.org/log' }, attributions: [{ source: { name: 'Sample' } }] } },
  setClaimStatus: { doc: 'SetClaimStatusInput', input: { id: NO_ID, status: 'CONFIRMED', reason: 'r' } },
  mergeClaims: { doc: 'MergeClaimsInput', input: { survivorId: NO_ID, duplicateId: '01890000-0000-7000-8000-00000000beef' } },
  unmergeClaim: { doc: 'UnmergeClaimInput', input: { duplicateId: NO_ID } },
  linkWireCopies: { doc: 'WireLinkInput', input: { articleId: NO_ID, otherArticleId: '01890000-0000-7000-8000-00000000beef' } },
  unlinkWireCopies: { doc: 'WireLinkInput', input: { articleId: NO_ID, otherArticleId: '01890000-0000-7000-8000-00000000beef' } },
  defineQuantityVariable: { doc: 'DefineQuantityVariableInput', input: { name: 'sample_variable', label: 'Sample', description: 'A sample.' } },
  addAttribution: { doc: 'AddAttributionInput', input: { claimId: NO_ID, sourceId: NO_ID } },
  updateAttribution: { doc: 'UpdateAttributionInput', input: { id: NO_ID } },
  removeAttribution: { doc: 'RemoveAttributionInput', input: { id: NO_ID } },
  addCitation: { doc: 'AddCitationInput', input: { attributionId: NO_ID, articleId: NO_ID, quote: 'q' } },
  acceptSuggestion: { doc: 'AcceptSuggestionInput', input: { articleId: NO_ID, statement: 'A sample.', attribution: { source: { name: 'Sample' } } } },
  deleteRecord: { doc: 'DeleteRecordInput', input: { type: 'CLAIM', id: NO_ID } },
  restoreRecord: { doc: 'RestoreRecordInput', input: { type: 'CLAIM', id: NO_ID } },
  createUser: { doc: 'CreateUserInput', input: { name: 'Sample', role: 'REPORTER' } },
  updateUser: { doc: 'UpdateUserInput', input: { id: NO_ID } },
  createApiKey: { doc: 'CreateApiKeyInput', input: { userId: NO_ID, name: 'k' } },
  revokeApiKey: { doc: 'RevokeApiKeyInput', input: { id: NO_ID } },
};

describe('accounts, roles and keys', () => {
  let t: TestApp;
  const keys: Partial<Record<Role, Record<string, string>>> = {};
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of Object.values(Role)) keys[role] = (await t.userWithRole(role)).as;
  });
  afterAll(() => t.close());

  it('has a rule and a sample for every mutation in the schema', () => {
    const mutations = Object.keys(t.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(MUTATION_RULES).sort()).toEqual(mutations);
    expect(Object.keys(SAMPLES).sort()).toEqual(mutations);
  });

  const cases = Object.entries(SAMPLES).flatMap(([mutation, sample]) => Object.values(Role).map((role) => [mutation, role, sample] as const));
  it.each(cases)('%s as %s: allowed roles pass the rule, others get FORBIDDEN and write nothing', async (mutation, role, sample) => {
    const before = await countRows(t);
    const response = await t.gql(`mutation($input: ${sample.doc}!) { ${mutation}(input: $input) { __typename } }`, { input: sample.input }, keys[role]);
    const code = response.errors?.[0]?.extensions?.code;
    if (MUTATION_RULES[mutation].includes(role)) {
      expect(code).not.toBe('FORBIDDEN');
      expect(code).not.toBe('UNAUTHENTICATED');
    } else {
      expect(code).toBe('FORBIDDEN');
      expect(await countRows(t)).toEqual(before);
    }
  });

  it('refuses requests without a valid key with UNAUTHENTICATED', async () => {
    expect(errorOf(await t.gql(`{ claims { totalCount } }`, {}, {})).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(`{ claims { totalCount } }`, {}, { authorization: 'Bearer cdk_not-a-key' })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(`{ claims { totalCount } }`, {}, { authorization: 'Basic abc' })).code).toBe('UNAUTHENTICATED');
  });

  it('says what the header must look like when a key is sent without "Bearer "', async () => {
    const bare = errorOf(await t.gql(`{ claims { totalCount } }`, {}, { authorization: t.adminKey }));
    expect(bare).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('Authorization header must be "Bearer " followed by the key') });
    const unknown = errorOf(await t.gql(`{ claims { totalCount } }`, {}, { authorization: 'Bearer cdk_not-a-key' }));
    expect(unknown.message).toBe('This API key is not valid or has been revoked');
    expect(errorOf(await t.gql(`{ claims { totalCount } }`, {}, {})).message).toContain('Authorization: Bearer <key>');
  });

  it('shows a key once, stores only its hash, records its last use, and honours revocation', async () => {
    const user = expectData(await t.gql(`mutation { createUser(input: { name: "Rania", role: RESEARCHER, email: "rania@example.org" }) { id } }`)).createUser;
    const created = expectData(
      await t.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix lastUsedAt } } }`, { input: { userId: user.id, name: 'Laptop' } }),
    ).createApiKey;
    expect(created.key).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect(created.apiKey.lastUsedAt).toBeNull();
    const rows = await t.app.get(DataSource).query('SELECT * FROM api_key');
    expect(JSON.stringify(rows)).not.toContain(created.key);

    const me = expectData(await t.gql(`{ me { name role } }`, {}, { authorization: `Bearer ${created.key}` })).me;
    expect(me).toEqual({ name: 'Rania', role: 'RESEARCHER' });
    const listed = expectData(await t.gql(`{ users { name apiKeys { name lastUsedAt revokedAt } } }`)).users.find((u: any) => u.name === 'Rania');
    expect(listed.apiKeys[0]).toMatchObject({ name: 'Laptop', revokedAt: null });
    expect(listed.apiKeys[0].lastUsedAt).not.toBeNull();

    expectData(await t.gql(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { revokedAt } }`, { id: created.apiKey.id }));
    expect(errorOf(await t.gql(`{ me { name } }`, {}, { authorization: `Bearer ${created.key}` })).code).toBe('UNAUTHENTICATED');
  });

  it('applies a role change or a deleted user at once, although keys are cached between requests', async () => {
    const user = await t.userWithRole('REPORTER');
    expect(expectData(await t.gql(`{ me { role } }`, {}, user.as)).me.role).toBe('REPORTER');
    const { version } = expectData(await t.gql(`{ users { id version } }`)).users.find((u: { id: string }) => u.id === user.id);
    expectData(await t.gql(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { role } }`, { input: { id: user.id, role: 'EDITOR', version } }));
    expect(expectData(await t.gql(`{ me { role } }`, {}, user.as)).me.role).toBe('EDITOR');
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'USER', id: user.id } }));
    expect(errorOf(await t.gql(`{ me { role } }`, {}, user.as)).code).toBe('UNAUTHENTICATED');
  });

  it('lets researchers read but not write', async () => {
    await createClaim(t);
    const total = expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount;
    expect(total).toBeGreaterThan(0);
    expect(expectData(await t.gql(`{ claims { totalCount } }`, {}, keys.RESEARCHER)).claims.totalCount).toBe(total);
    const before = await countRows(t);
    expect(errorOf(await t.gql(`mutation { createClaim(input: { statement: "Researchers do not write." }) { id } }`, {}, keys.RESEARCHER)).code).toBe('FORBIDDEN');
    expect(await countRows(t)).toEqual(before);
    expect(errorOf(await t.gql(`{ auditEvents { totalCount } }`, {}, keys.RESEARCHER)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(`{ users { id } }`, {}, keys.EDITOR)).code).toBe('FORBIDDEN');
  });

  describe('reporters', () => {
    const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { statement } }`;

    it('edit their own claims while unverified, and nobody else\'s', async () => {
      const reporter = await t.userWithRole('REPORTER');
      const other = await t.userWithRole('REPORTER');
      const own = expectData(await t.gql(`mutation { createClaim(input: { statement: "Mine." }) { id } }`, {}, reporter.as)).createClaim;
      expect(expectData(await t.gql(UPDATE, { input: { id: own.id, statement: 'Mine, edited.' } }, reporter.as)).updateClaim.statement).toBe('Mine, edited.');
      expect(errorOf(await t.gql(UPDATE, { input: { id: own.id, statement: 'Not yours.' } }, other.as)).code).toBe('FORBIDDEN');
      const someoneElses = await createClaim(t);
      expect(errorOf(await t.gql(UPDATE, { input: { id: someoneElses.id, statement: 'x' } }, reporter.as)).code).toBe('FORBIDDEN');

      expectData(await t.gql(`mutation($id: ID!) { setClaimStatus(input: { id: $id, status: CONFIRMED, reason: "Checked" }) { status } }`, { id: own.id }, keys.EDITOR));
      const locked = errorOf(await t.gql(UPDATE, { input: { id: own.id, statement: 'Too late.' } }, reporter.as));
      expect(locked.code).toBe('FORBIDDEN');
      expect(locked.message).toContain('CONFIRMED');
      expect(expectData(await t.gql(UPDATE, { input: { id: own.id, statement: 'Editor fix.' } }, keys.EDITOR)).updateClaim.statement).toBe('Editor fix.');
    });

    it('add attributions and citations only where they may edit the claim (own, unverified)', async () => {
      const reporter = await t.userWithRole('REPORTER');
      const other = await t.userWithRole('REPORTER');
      const ADD = `mutation($input: AddAttributionInput!) { addAttribution(input: $input) { id } }`;
      const CITE = `mutation($input: AddCitationInput!) { addCitation(input: $input) { id } }`;
      const SOURCING = `query($id: ID!) { claim(id: $id) { sourcing denyingSourceCount } }`;
      const source = expectData(await t.gql(`mutation { createSource(input: { kind: NGO, name: "Denying NGO" }) { id } }`, {}, reporter.as)).createSource;
      const article = expectData(await t.gql(`mutation { createArticle(input: { url: "https://roles.example.org/cite" }) { id } }`, {}, reporter.as)).createArticle;

      const theirs = expectData(await t.gql(`mutation { createClaim(input: { statement: "Theirs." }) { id } }`, {}, other.as)).createClaim;
      const theirAttribution = expectData(await t.gql(ADD, { input: { claimId: theirs.id, sourceId: source.id } }, other.as)).addAttribution;
      const own = expectData(await t.gql(`mutation { createClaim(input: { statement: "Mine, to be confirmed." }) { id } }`, {}, reporter.as)).createClaim;
      const ownAttribution = expectData(await t.gql(ADD, { input: { claimId: own.id, sourceId: source.id } }, reporter.as)).addAttribution;
      expectData(await t.gql(CITE, { input: { attributionId: ownAttribution.id, articleId: article.id, quote: 'mine' } }, reporter.as));
      expectData(await t.gql(`mutation($id: ID!) { setClaimStatus(input: { id: $id, status: CONFIRMED, reason: "Checked" }) { status } }`, { id: own.id }, keys.EDITOR));

      const before = await countRows(t);
      const sourcingBefore = [expectData(await t.gql(SOURCING, { id: theirs.id })).claim, expectData(await t.gql(SOURCING, { id: own.id })).claim];
      for (const [claimId, attributionId, why] of [[theirs.id, theirAttribution.id, 'claims they created'], [own.id, ownAttribution.id, 'CONFIRMED']]) {
        const added = errorOf(await t.gql(ADD, { input: { claimId, sourceId: source.id, stance: 'DENIES' } }, reporter.as));
        expect(added).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(why) });
        const cited = errorOf(await t.gql(CITE, { input: { attributionId, articleId: article.id, quote: 'q' } }, reporter.as));
        expect(cited).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(why) });
      }
      expect(await countRows(t)).toEqual(before);
      expect([expectData(await t.gql(SOURCING, { id: theirs.id })).claim, expectData(await t.gql(SOURCING, { id: own.id })).claim]).toEqual(sourcingBefore);
      expectData(await t.gql(ADD, { input: { claimId: own.id, sourceId: source.id, stance: 'DENIES' } }, keys.EDITOR));
    });

    it('cannot grade reliability', async () => {
      const reporter = await t.userWithRole('REPORTER');
      const error = errorOf(await t.gql(`mutation { createSource(input: { kind: NGO, name: "Graded NGO", reliability: A }) { id } }`, {}, reporter.as));
      expect(error.code).toBe('FORBIDDEN');
    });
  });
});
