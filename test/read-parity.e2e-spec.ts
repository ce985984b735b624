import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, GraphQLSchema, buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isLeafType, isObjectType, isRequiredArgument } from 'graphql';
import { CLAIM_TREE } from '../src/claims/claim-tree';
import { ClaimDirectRoots } from '../src/claims/claim-direct-roots';
import { hasOwnResolver } from '../src/common/own-resolvers';
import { readersOf } from '../src/core/field-access';
import { QueryCounter } from '../src/database/query-counter';
import { TreeNode } from '../src/database/tree-node';
import { DirectReads } from '../src/direct-reads/direct-reads.service';
import { Metrics } from '../src/observability/metrics';
import { GraphQLResponse, TestApp, expectData, startTestApp } from './support/app';
import { articleInput, declaredReferenceSamples, declaredSamples, logClaimInput, sourceInput } from './factories';
import { createArticle, createSource } from './factories/operations';

/**
 * Read parity, generated from the schema. Every field of every type the claim trees reach (claim-tree.ts,
 * attribution-tree.ts) is either written by SQL (a column, an embedded object, an edge or a computed field),
 * or declared resolver-only on its tree node, with the reason (TreeNode.resolverOnly): no field list is kept here. A
 * field declared restricted to some roles on the model (`@Restricted`, core/field-access.ts) is written like any
 * other, for its readers, and as null for every other role, which the runs as three roles compare.
 *
 * - Each field is probed alone through the direct path: one that is neither answered there nor declared fails,
 *   with the reason the path gave for declining it (claimdesk_direct_declines_total). Every field with a resolver of its own (as Nest's resolver map says) is declared on its
 *   tree node.
 * - Queries selecting every field the trees serve, and every field at all, are built from the introspected schema
 *   and run as an editor, a reporter and a researcher, through the direct path (which must answer them, in one
 *   statement per page and one for its count), through Apollo's JSON trees, and through the plain per-field
 *   resolvers (`node(id:)` for each claim and attribution, which reads no tree above the attributions), and
 *   must give the same answers.
 * - The seeded rows make each served field non-trivial somewhere: a field that is always null, false, 0 or
 *   empty compares nothing, and fails.
 */
describe('read parity, generated from the schema', () => {
  let t: TestApp;
  let reads: DirectReads;
  let metrics: Metrics;
  let schema: GraphQLSchema;
  /** The server's own schema, which carries what introspection does not: each field's declarations (its extensions). */
  let built: GraphQLSchema;
  let roles: Record<'EDITOR' | 'REPORTER' | 'RESEARCHER', Record<string, string>>;
  /** The arguments of `claim(id:)`: a claim with figures, a place, a time and every kind of attribution, and a merge's survivor. */
  let fullId: string;
  let survivorId: string;
  /** Claims each role reads through the plain resolvers too; a merged claim has no attribution left to be reached through. */
  let liveIds: string[];
  let deletedId: string;
  let mergedId: string;

  /** Where each tree starts, by the GraphQL type it shows. */
  const TREES: Record<string, TreeNode> = { Claim: CLAIM_TREE };
  /** Beyond this many objects deep, and in a type already above, a selection takes scalars only. */
  const MAX_LEVELS = 6;
  const PAGE_SIZE = 4;

  beforeAll(async () => {
    t = await startTestApp({
      // The generated documents select every field, far more than a client sends.
      QUERY_MAX_TOKENS: '1000000',
      QUERY_MAX_DEPTH: '100',
      QUERY_MAX_COST: '1000000000',
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      // Statements are counted per request: the keys stay cached for the whole suite.
      API_KEY_CACHE_SECONDS: '3600',
    });
    reads = t.app.get(DirectReads);
    metrics = t.app.get(Metrics);
    schema = buildClientSchema(expectData(await t.gql(getIntrospectionQuery())));
    built = t.app.get(GraphQLSchemaHost).schema;
    const [editor, reporter, researcher] = [await t.userWithRole('EDITOR'), await t.userWithRole('REPORTER'), await t.userWithRole('RESEARCHER')];
    roles = { EDITOR: editor.as, REPORTER: reporter.as, RESEARCHER: researcher.as };
    // Each key is looked up once here, and not again within a counted read.
    for (const headers of Object.values(roles)) expectData(await t.gql(`{ me { name } }`, {}, headers));
    await seed(reporter.as, reporter.id);
  });
  afterAll(() => t.close());

  /** Rows that give every field a value: anonymous and deleted sources, relays, bounds, discrepancies, deleted and merged claims, citations. */
  async function seed(reporter: Record<string, string>, reporterId: string): Promise<void> {
    const run = async (query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => expectData(await t.gql(query, variables, headers));
    const log = `mutation($i: LogClaimInput!) { logClaim(input: $i) { id attributions { id } } }`;
    const monitor = await createSource(t, sourceInput({ aliases: ['RM', 'The Riverside Monitor', 'مرصد "النهر"'], affiliation: 'independent', wikidataId: 'Q4', reliability: 'C' }));
    await run(`mutation($i: SetReliabilityInput!) { setSourceReliability(input: $i) { id } }`, { i: { id: monitor.id, reliability: 'B', reason: 'a year of accurate counts' } });
    const observers = await createSource(t, sourceInput({ name: 'Northern Observers' }));
    await run(`mutation($i: LinkSourcesInput!) { linkSources(input: $i) { id } }`, { i: { sourceIds: [monitor.id, observers.id] } });
    const insider = await createSource(t, sourceInput({ kind: 'ANONYMOUS', name: 'an official close to the talks', confidentialNote: 'deputy negotiator' }));
    const blog = await createSource(t, sourceInput({ kind: 'INDIVIDUAL', name: 'A defunct blog' }));
    const article = () => articleInput({ byline: 'Desk staff', bodyText: 'At least nine fighters left the quarter.', retrievedAt: '2019-02-19T00:00:00.000Z', wireAgency: 'Example Agency' });

    // Text each database must escape alike in its JSON (quotes, a backslash, a newline, a tab, non-Latin letters, an
    // emoji), and numbers it might print differently (a small fraction, a negative coordinate).
    const awkward = 'said "up to" 5\\6\n\tfighters – عشرات 🙂';
    const full = logClaimInput({
      statement: `${awkward} remained (${monitor.id.slice(-6)}).`,
      tags: ['siege', 'عشرات 1'],
      ...declaredSamples(awkward),
      // Logged by an admin, who may set the references (assigned to the reporter).
      ...declaredReferenceSamples(reporterId),
      article: article(),
      place: { name: awkward, adminArea: 'River Province', country: 'SY', latitude: -35.1234, longitude: 40.5, precision: 'NEAR' },
      eventTime: { start: '2019-02-17T00:00:00.000Z', end: '2019-02-18T00:00:00.000Z', precision: 'DAY' },
      quantities: [
        { variable: 'fighters_remaining', lower: 300, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' },
        { variable: 'civilians_left', value: 1000.5, approximate: true, qualifier: 'around', unit: 'people' },
        { variable: 'aid_pledged', value: 2500000, currency: 'USD', unit: 'dollars' },
        { variable: 'houses_destroyed', lower: 24, upper: 99, upperInclusive: false, vague: true, qualifier: 'dozens', unit: 'houses' },
        { variable: 'share_displaced', value: 0.00005, approximate: false, qualifier: awkward, unit: 'share' },
      ],
      attributions: [
        { source: { id: monitor.id }, cue: 'said', saidAt: '2019-02-17T08:30:00.123Z', credibility: 2, conditions: ['could not be verified', awkward], relationship: awkward, mode: 'DIRECT_QUOTE' },
        {
          source: { id: insider.id },
          via: [
            { source: { name: 'Wire Desk', kind: 'NEWS_AGENCY' }, cue: 'citing' },
            { source: { name: 'Evening Paper', kind: 'MEDIA_OUTLET' }, cue: 'quoting' },
          ],
          cue: 'told',
          anonymityReason: 'not authorized to speak',
        },
        { source: { id: blog.id }, cue: 'denied', stance: 'DENIES' },
        { source: { name: 'a militia commander', kind: 'ANONYMOUS' }, cue: 'questioned', stance: 'QUESTIONS', anonymityGranted: true },
      ],
    });
    const a = (await run(log, { i: full })).logClaim;
    fullId = a.id;
    const cited = await createArticle(t, article());
    const cite = `mutation($i: AddCitationInput!) { addCitation(input: $i) { id } }`;
    await run(cite, { i: { attributionId: a.attributions[0].id, articleId: cited.id, quote: 'nine fighters', prefix: 'At least ', suffix: ' left', startOffset: 9, endOffset: 22 } });
    await run(cite, { i: { attributionId: a.attributions[0].id, articleId: cited.id, quote: awkward, prefix: '"', suffix: '\\' } });
    // A deleted citation and a citation in a deleted article: neither is shown.
    const gone = (await run(cite, { i: { attributionId: a.attributions[1].id, articleId: cited.id, quote: 'to be deleted' } })).addCitation;
    await run(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CITATION', id: gone.id } });
    const withdrawn = await createArticle(t, article());
    await run(cite, { i: { attributionId: a.attributions[0].id, articleId: withdrawn.id, quote: 'withdrawn' } });
    await run(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'ARTICLE', id: withdrawn.id } });
    // A deleted source still speaks where it was attributed.
    await run(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'SOURCE', id: blog.id } });
    const { version } = (await run(`query($id: ID!) { claim(id: $id) { version } }`, { id: a.id })).claim;
    await run(`mutation($i: SetClaimStatusInput!) { setClaimStatus(input: $i) { id } }`, { i: { id: a.id, status: 'CORROBORATED', reason: 'two monitors agree', version } });

    // A reporter's own claim, whose figure contradicts the first (so both are flagged), with one attribution removed.
    const contradicting = logClaimInput({ quantities: [{ variable: 'fighters_remaining', upper: 100, unit: 'fighters' }], eventTime: { start: '2019-02-10T00:00:00.000Z', precision: 'DAY' } });
    const b = (await run(log, { i: contradicting }, reporter)).logClaim;
    await run(`mutation($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`, { i: { id: b.attributions[0].id } });
    // Two linked sources, each relayed by its own outlet: two apparent sources, one origin, so the claim is circular.
    const relayed = (source: string, outlet: string) => ({ source: { id: source }, via: [{ source: { name: `${outlet} ${fullId.slice(-6)}`, kind: 'MEDIA_OUTLET' } }], cue: 'said' });
    const circular = (await run(log, { i: logClaimInput({ attributions: [relayed(monitor.id, 'Channel Nine'), relayed(observers.id, 'Evening Paper')] }) })).logClaim;
    const plain = (await run(log, { i: logClaimInput({ eventTime: { precision: 'MONTH' } }) })).logClaim;
    const unsourced = (await run(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { id } }`, { i: { statement: 'Shelling resumed at dawn.', quantities: [] } })).createClaim;
    // A deleted claim and a claim merged into another: editors see both among the deleted.
    const deleted = (await run(log, { i: logClaimInput() })).logClaim;
    await run(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CLAIM', id: deleted.id } });
    const merged = (await run(log, { i: logClaimInput() })).logClaim;
    await run(`mutation($i: MergeClaimsInput!) { mergeClaims(input: $i) { id } }`, { i: { duplicateId: merged.id, survivorId: plain.id } });
    survivorId = plain.id;
    liveIds = [a.id, b.id, circular.id, plain.id, unsourced.id];
    deletedId = deleted.id;
    mergedId = merged.id;
  }

  /** The server's type of this name. */
  const builtType = (name: string) => built.getType(name) as GraphQLObjectType;
  /** Whether a field is declared restricted to some roles: written for its readers, null for the others. */
  const restricted = (type: GraphQLObjectType, name: string) => readersOf(builtType(type.name).getFields()[name]) !== undefined;

  /**
   * Every field of `type`, nested to a bound, with arguments left to their defaults; `served` leaves out what the trees
   * declare resolver-only.
   */
  function selectionOf(type: GraphQLObjectType, node: TreeNode | undefined, served: boolean, ancestors: readonly string[] = []): string {
    const scalarsOnly = ancestors.includes(type.name) || ancestors.length >= MAX_LEVELS;
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      if (served && node?.resolverOnly?.[field.name] !== undefined) continue;
      if (field.args.some(isRequiredArgument)) throw new Error(`${type.name}.${field.name} needs an argument: give the generator a value for it`);
      const inner = getNamedType(field.type);
      if (isLeafType(inner)) parts.push(field.name);
      else if (scalarsOnly) continue;
      else if (isObjectType(inner)) parts.push(`${field.name} { ${selectionOf(inner, node?.edges?.[field.name]?.node, served, [...ancestors, type.name])} }`);
      else parts.push(`${field.name} { __typename }`);
    }
    return parts.join(' ');
  }

  /** A root's type down to its tree (a connection, its edges and page info), each tree's type selected by `tree`. */
  function outerSelection(type: GraphQLObjectType, tree: (name: string) => string, omit: string[]): string {
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) {
      if (omit.includes(field.name)) continue;
      const inner = getNamedType(field.type);
      if (isLeafType(inner)) parts.push(field.name);
      else if (isObjectType(inner)) parts.push(`${field.name} { ${TREES[inner.name] ? tree(inner.name) : outerSelection(inner, tree, omit)} }`);
    }
    return parts.join(' ');
  }

  const treeSelection = (name: string, served: boolean) => selectionOf(schema.getType(name) as GraphQLObjectType, TREES[name], served);

  interface Root {
    name: string;
    query: string;
    variables: Record<string, unknown>;
    /** For a page: the next page's variables, from this page's data. */
    next?(data: Record<string, any>): Record<string, unknown> | null;
  }

  /**
   * The documents for each root the direct path answers (ClaimDirectRoots): `claim(id:)` for the richest claim, and pages of
   * `claims` read through `nodes` and, separately, through `edges` (the direct path serves one selection of the claims per page).
   */
  function roots(served: boolean, role: keyof typeof roles): Root[] {
    const queryType = schema.getQueryType() as GraphQLObjectType;
    const result: Root[] = [];
    for (const { field: name } of t.app.get(ClaimDirectRoots).roots()) {
      const field = queryType.getFields()[name];
      const type = getNamedType(field.type) as GraphQLObjectType;
      const tree = (typeName: string) => treeSelection(typeName, served);
      if (field.args.some((a) => a.name === 'id')) {
        const body = TREES[type.name] ? tree(type.name) : outerSelection(type, tree, []);
        for (const id of [fullId, survivorId]) result.push({ name: `${name}(id)`, query: `query($id: ID!) { ${name}(id: $id) { ${body} } }`, variables: { id } });
        continue;
      }
      const filterType = field.args.find((a) => a.name === 'filter')?.type.toString();
      const sortArg = field.args.find((a) => a.name === 'sort');
      const sortType = sortArg && getNamedType(sortArg.type);
      // Each order (its cursors differ), and for editors the deleted claims too.
      const variants: Array<{ label: string; filter: Record<string, unknown>; sort?: string }> = [
        { label: 'default order', filter: {} },
        ...(isEnumType(sortType) ? sortType.getValues().map((v) => ({ label: `sorted ${v.name}`, filter: {}, sort: v.name })) : []),
        ...(role === 'EDITOR' ? [{ label: 'deleted only', filter: { deleted: 'ONLY' } }] : []),
      ];
      for (const through of ['nodes', 'edges']) {
        for (const { label, filter, sort } of variants) {
          const sortParameter = sort ? `, $sort: ${sortArg?.type.toString()}` : '';
          if (!sort && !filter.deleted && field.args.some((a) => a.name === 'last') && field.args.some((a) => a.name === 'before')) {
            // Backwards from the end, page by page (Relay's last/before).
            result.push({
              name: `${name} through ${through}, backwards`,
              query: `query($before: String) { ${name}(last: ${PAGE_SIZE}, before: $before) { ${outerSelection(type, tree, [through === 'nodes' ? 'edges' : 'nodes'])} } }`,
              variables: { before: null },
              next: (data) => (data[name].pageInfo.hasPreviousPage ? { before: data[name].pageInfo.startCursor } : null),
            });
          }
          result.push({
            name: `${name} through ${through}, ${label}`,
            query: `query($after: String, $filter: ${filterType}${sortParameter}) { ${name}(first: ${PAGE_SIZE}, after: $after, filter: $filter${sort ? ', sort: $sort' : ''}) { ${outerSelection(type, tree, [through === 'nodes' ? 'edges' : 'nodes'])} } }`,
            variables: { filter, after: null, ...(sort ? { sort } : {}) },
            next: (data) => (data[name].pageInfo.hasNextPage ? { filter, after: data[name].pageInfo.endCursor, ...(sort ? { sort } : {}) } : null),
          });
        }
      }
    }
    return result;
  }

  /** The claims in a root's answer. */
  function claimsOf(data: Record<string, any>): Array<Record<string, any>> {
    return Object.values(data).flatMap((value: any) => (value.__typename === 'Claim' ? [value] : [...(value.nodes ?? []), ...(value.edges ?? []).map((e: any) => e.node)]));
  }

  /** The direct path off for one request, as GRAPHQL_DIRECT_READS=false turns it off: Apollo and the JSON trees answer. */
  async function withDirectReads<T>(enabled: boolean, send: () => Promise<T>): Promise<T> {
    reads.enabled = enabled;
    try {
      return await send();
    } finally {
      reads.enabled = true;
    }
  }

  interface Reached {
    coordinate: string;
    /** Field names from the root field down to this one... */
    path: string[];
    /** ...and the type each of them is a field of. */
    parents: GraphQLObjectType[];
    /** The field's own type, when it is an object. */
    object?: GraphQLObjectType;
    /** The reason, when its tree node declares it resolver-only. */
    declared?: string;
    /** Its tree node also makes it an edge or a computed field. */
    alsoWritten?: boolean;
    /** It is declared restricted to some roles. */
    restricted?: boolean;
    /** It has a resolver of its own, as Nest's resolver map says... */
    ownResolver?: boolean;
    /** ...and is a field of a tree node's type. */
    inTree?: boolean;
  }

  /** The fields the trees reach, shallowest first, from each root the direct path answers; each type is walked once per tree node. */
  function reach(): Reached[] {
    const queryType = schema.getQueryType() as GraphQLObjectType;
    const found: Reached[] = [];
    const seen = new Set<unknown>();
    const queue: Array<{ type: GraphQLObjectType; node?: TreeNode; path: string[]; parents: GraphQLObjectType[] }> = [];
    for (const { field: name } of t.app.get(ClaimDirectRoots).roots()) {
      const type = getNamedType(queryType.getFields()[name].type) as GraphQLObjectType;
      found.push({ coordinate: `${queryType.name}.${name}`, path: [name], parents: [queryType], object: type });
      queue.push({ type, path: [name], parents: [queryType] });
    }
    while (queue.length) {
      const { type, node, path, parents } = queue.shift() as (typeof queue)[number];
      const at = node ?? TREES[type.name];
      if (seen.has(at ?? type.name)) continue;
      seen.add(at ?? type.name);
      for (const field of Object.values(type.getFields())) {
        const inner = getNamedType(field.type);
        const entry: Reached = {
          coordinate: `${type.name}.${field.name}`,
          path: [...path, field.name],
          parents: [...parents, type],
          object: isObjectType(inner) ? inner : undefined,
          declared: at?.resolverOnly?.[field.name],
          alsoWritten: !!(at?.edges?.[field.name] || at?.computed?.[field.name]),
          restricted: restricted(type, field.name),
          ownResolver: hasOwnResolver(builtType(type.name), field.name),
          inTree: at !== undefined,
        };
        found.push(entry);
        if (entry.declared === undefined && entry.object) queue.push({ type: entry.object, node: at?.edges?.[field.name]?.node, path: entry.path, parents: entry.parents });
      }
    }
    return found;
  }

  /**
   * A document selecting `field` alone (an object field with its `__typename`). A page is written around its claims, so a
   * field of the page outside them (`totalCount`, `pageInfo`, an edge's `cursor`) is selected with the claims' `__typename`
   * beside it, at the deepest level that has them (`nodes`, or an edge's `node`).
   */
  function probeDocument(field: Reached): { query: string; variables: Record<string, unknown> } {
    const levels = [...field.parents, ...(field.object ? [field.object] : [])];
    const treeField = (type: GraphQLObjectType) => Object.values(type.getFields()).find((f) => TREES[getNamedType(f.type).name]);
    let beside = -1;
    if (!levels.some((type) => TREES[type.name])) for (let i = levels.length - 1; i >= 1 && beside < 0; i--) if (treeField(levels[i])) beside = i;
    const root = (schema.getQueryType() as GraphQLObjectType).getFields()[field.path[0]];
    const withId = root.args.some((a) => a.name === 'id');
    const selection = (i: number): string => {
      const own = i < field.path.length ? `${field.path[i]}${i === 0 && withId ? '(id: $id)' : ''}${i + 1 < levels.length ? ` { ${selection(i + 1)} }` : ''}` : '__typename';
      return i === beside ? `${own} ${treeField(levels[i])?.name} { __typename }` : own;
    };
    return { query: `query${withId ? '($id: ID!)' : ''} { ${selection(0)} }`, variables: withId ? { id: fullId } : {} };
  }

  async function declineCounts(): Promise<Map<string, number>> {
    return new Map((await metrics.directDeclines.get()).values.map((v) => [String(v.labels.reason), v.value]));
  }

  /** Why the direct path passed the last request on: the reason whose count grew (counted once the response has closed). */
  async function declineSince(before: Map<string, number>): Promise<string> {
    for (let attempt = 0; attempt < 200; attempt++) {
      for (const [reason, count] of await declineCounts()) if (count > (before.get(reason) ?? 0)) return reason;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return 'no decline counted';
  }

  /** One field alone, through the direct path: answered there, or the reason it was declined for. */
  async function probe(field: Reached): Promise<{ served: boolean; reason?: string }> {
    const { query, variables } = probeDocument(field);
    const before = await declineCounts();
    const answered = reads.answered;
    const response = await t.gql(query, variables, roles.EDITOR);
    expect({ query, errors: response.errors }).toEqual({ query, errors: undefined });
    if (reads.answered === answered + 1) return { served: true };
    return { served: false, reason: await declineSince(before) };
  }

  let served: string[] = [];

  it('serves every field the claim trees reach by SQL, or declares it resolver-only with its reason', async () => {
    const reached = reach();
    const failed: string[] = [];
    const neither: string[] = [];
    const notDeclined: string[] = [];
    // A field with a resolver of its own is declared on its tree node, whatever else is true of it: read from the row
    // instead, its resolver's rule (a computed value, a withheld one) would be skipped.
    const undeclared = reached
      .filter((f) => f.ownResolver && f.inTree && f.declared === undefined && !f.alsoWritten)
      .map((f) => `${f.coordinate}: has a resolver of its own, but its tree node declares it neither resolver-only, an edge nor computed`);
    expect(undeclared).toEqual([]);
    for (const field of reached) {
      // Beneath a field that is not served, everything is left to the resolvers: its own failure says enough.
      if (failed.some((path) => field.path.join('.').startsWith(`${path}.`))) continue;
      const result = await probe(field);
      if (field.declared !== undefined) {
        if (!field.declared.trim()) notDeclined.push(`${field.coordinate}: declared resolver-only without a reason`);
        if (field.alsoWritten) notDeclined.push(`${field.coordinate}: declared resolver-only and also an edge or computed field of the same tree node`);
        if (result.served || result.reason !== `resolver:${field.coordinate}`) notDeclined.push(`${field.coordinate}: declared resolver-only, but the direct path ${result.served ? 'answered it' : `declined it for ${result.reason}`}`);
        continue;
      }
      if (result.served) continue;
      failed.push(field.path.join('.'));
      neither.push(`${field.coordinate}: neither written by the trees' SQL nor declared resolver-only (TreeNode.resolverOnly); the direct path declined it for ${result.reason}`);
    }
    expect(neither).toEqual([]);
    expect(notDeclined).toEqual([]);
    served = [...new Set(reached.filter((f) => f.declared === undefined && !f.coordinate.startsWith(`${schema.getQueryType()?.name}.`)).map((f) => f.coordinate))];
    // The walk went all the way down: the page around the claims, a claim's figures, place and time, attributions, their sources, relays, citations and articles.
    expect([...new Set(reached.map((f) => f.coordinate.split('.')[0]))]).toEqual(
      expect.arrayContaining(['ClaimConnection', 'ClaimEdge', 'PageInfo', 'Claim', 'Quantity', 'Place', 'EventTime', 'Attribution', 'Source', 'RelayHop', 'Citation', 'Article']),
    );
  });

  /** Every (type, field) with a value that is not null, false, 0, '' or [] somewhere in the answers. */
  const nonTrivial = new Set<string>();
  function noteValues(value: unknown): void {
    if (Array.isArray(value)) return value.forEach(noteValues);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(object)) {
      if (typeof object.__typename === 'string' && inner !== null && inner !== false && inner !== 0 && inner !== '' && !(Array.isArray(inner) && inner.length === 0)) nonTrivial.add(`${object.__typename}.${key}`);
      noteValues(inner);
    }
  }

  /**
   * The same record through the plain resolvers: `node(id:)`, or for a deleted claim (editors only) through one of its
   * attributions. Read once per record, selection and role: the same claim comes back in several roots.
   */
  const plainReads = new Map<string, Promise<unknown | undefined>>();
  function plainRead(type: string, record: Record<string, any>, selection: string, headers: Record<string, string>): Promise<unknown | undefined> {
    const key = `${type} ${record.id} ${headers.authorization} ${selection}`;
    if (!plainReads.has(key)) plainReads.set(key, readPlainly(type, record, selection, headers));
    return plainReads.get(key) as Promise<unknown | undefined>;
  }

  async function readPlainly(type: string, record: Record<string, any>, selection: string, headers: Record<string, string>): Promise<unknown | undefined> {
    const byNode = expectData(await t.gql(`query($id: ID!) { node(id: $id) { ... on ${type} { ${selection} } } }`, { id: record.id }, headers)).node;
    if (byNode !== null || type !== 'Claim') return byNode;
    const through = record.attributions?.[0]?.id;
    if (!through) return undefined;
    return expectData(await t.gql(`query($id: ID!) { attribution(id: $id) { claim { ${selection} } } }`, { id: through }, headers)).attribution.claim;
  }

  describe.each(['EDITOR', 'REPORTER', 'RESEARCHER'] as const)('as %s', (role) => {
    it('the direct path answers every served field, in one statement per read, as the JSON trees and the plain resolvers do', async () => {
      const headers = roles[role];
      const claimSelection = treeSelection('Claim', true);
      const attributionSelection = selectionOf(schema.getType('Attribution') as GraphQLObjectType, CLAIM_TREE.edges?.attributions.node, true, ['Claim']);
      const compared = new Set<string>();
      const unreachable = new Set<string>();
      for (const root of roots(true, role)) {
        let variables: Record<string, unknown> | null = root.variables;
        while (variables) {
          const answered = reads.answered;
          const statements = QueryCounter.count;
          const direct: GraphQLResponse = await t.gql(root.query, variables, headers);
          const directStatements = QueryCounter.count - statements;
          const where = `${root.name} ${JSON.stringify(variables)}`;
          expect({ where, errors: direct.errors, answeredDirectly: reads.answered === answered + 1 }).toEqual({ where, errors: undefined, answeredDirectly: true });
          const before = QueryCounter.count;
          const trees: GraphQLResponse = await withDirectReads(false, () => t.gql(root.query, variables as Record<string, unknown>, headers));
          const treeStatements = QueryCounter.count - before;
          // The page and its count; one claim in one statement.
          const most = root.next ? 2 : 1;
          expect({ where, directStatements: directStatements <= most, treeStatements: treeStatements <= most }).toEqual({ where, directStatements: true, treeStatements: true });
          expect(JSON.stringify(direct)).toBe(JSON.stringify(trees));
          noteValues(direct.data);
          for (const claim of claimsOf(direct.data)) {
            const plain = await plainRead('Claim', claim, claimSelection, headers);
            if (plain === undefined) {
              unreachable.add(claim.id);
              continue;
            }
            expect({ where, claim: plain }).toEqual({ where, claim });
            for (const attribution of claim.attributions) expect({ where, attribution: await plainRead('Attribution', attribution, attributionSelection, headers) }).toEqual({ where, attribution });
            compared.add(claim.id);
          }
          variables = root.next?.(direct.data as Record<string, unknown>) ?? null;
        }
      }
      // Every claim the roots showed, against the plain resolvers too, but the merged one: nothing reaches it there.
      expect([...compared].sort()).toEqual((role === 'EDITOR' ? [...liveIds, deletedId] : liveIds).sort());
      expect([...unreachable]).toEqual(role === 'EDITOR' ? [mergedId] : []);
    });

    it('the JSON trees answer every field, resolver-only ones included, as the plain resolvers do', async () => {
      const headers = roles[role];
      const claimSelection = treeSelection('Claim', false);
      const attributionSelection = selectionOf(schema.getType('Attribution') as GraphQLObjectType, CLAIM_TREE.edges?.attributions.node, false, ['Claim']);
      for (const root of roots(false, role)) {
        let variables: Record<string, unknown> | null = root.variables;
        while (variables) {
          const trees: GraphQLResponse = await withDirectReads(false, () => t.gql(root.query, variables as Record<string, unknown>, headers));
          const where = `${root.name} ${JSON.stringify(variables)}`;
          expect({ where, errors: trees.errors }).toEqual({ where, errors: undefined });
          for (const claim of claimsOf(trees.data)) {
            const plain = await plainRead('Claim', claim, claimSelection, headers);
            if (plain === undefined) continue;
            expect({ where, claim: plain }).toEqual({ where, claim });
            for (const attribution of claim.attributions) expect({ where, attribution: await plainRead('Attribution', attribution, attributionSelection, headers) }).toEqual({ where, attribution });
          }
          variables = root.next?.(trees.data as Record<string, unknown>) ?? null;
        }
      }
    });
  });

  it('seeds a value for every served field somewhere (a field always empty compares nothing)', () => {
    expect(served.length).toBeGreaterThan(50);
    expect(served.filter((coordinate) => !nonTrivial.has(coordinate))).toEqual([]);
  });
});

