import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLInterfaceType } from 'graphql';
import { NodeResolver } from '../src/records/node.resolver';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';

/** Paging backwards (last/before) meets paging forwards (first/after) on every order, and node(id:) refetches any record. */
describe('Relay paging and node(id:)', () => {
  let t: TestApp;
  const tag = `relay-${Date.now().toString(36)}`;
  // Event times with ties and undated claims, so that the event-time order's NULLs and equal keys are crossed by cursors.
  const starts = ['2024-03-01T00:00:00Z', null, '2024-03-05T00:00:00Z', '2024-03-01T00:00:00Z', null, '2024-02-10T00:00:00Z', '2024-03-05T00:00:00Z'];
  const ids: string[] = [];

  const LOG = `mutation($i: LogClaimInput!) { logClaim(input: $i) { id attributions { id source { id } citations { id article { id } } } } }`;
  const PAGE = `query($f: ClaimFilterInput, $s: ClaimSort, $first: Int, $after: String, $last: Int, $before: String) {
    claims(filter: $f, sort: $s, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  beforeAll(async () => {
    t = await startTestApp();
    for (const start of starts) {
      const input = logClaimInput({ tags: [tag], eventTime: start ? { start } : null });
      ids.push(expectData(await t.gql(LOG, { i: input })).logClaim.id);
    }
  });
  afterAll(() => t.close());

  type Info = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  const page = async (sort: string, args: Record<string, unknown>) => {
    const data = expectData(await t.gql(PAGE, { f: { tag }, s: sort, ...args })).claims;
    return { ids: data.edges.map((e: { node: { id: string } }) => e.node.id) as string[], info: data.pageInfo as Info };
  };

  it.each(['NEWEST', 'EVENT_TIME'])('walks the %s order backwards from the end to the same rows as forwards, two at a time', async (sort) => {
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page(sort, { first: 2, after });
      forwards.push(...p.ids);
      expect(p.info.hasPreviousPage).toBe(after !== null);
      if (!p.info.hasNextPage) break;
      after = p.info.endCursor;
    }
    expect([...forwards].sort()).toEqual([...ids].sort());

    const backwards: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const p = await page(sort, { last: 2, before });
      backwards.unshift(p.ids);
      expect(p.info.hasNextPage).toBe(before !== null);
      if (!p.info.hasPreviousPage) break;
      before = p.info.startCursor;
    }
    expect(backwards.flat()).toEqual(forwards);
  });

  it('goes back from a page to exactly the page before it', async () => {
    const first = await page('EVENT_TIME', { first: 3 });
    const second = await page('EVENT_TIME', { first: 3, after: first.info.endCursor });
    const back = await page('EVENT_TIME', { last: 3, before: second.info.startCursor });
    expect(back.ids).toEqual(first.ids);
    expect(back.info).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: first.info.startCursor, endCursor: first.info.endCursor });
  });

  it('pages sources backwards in name order', async () => {
    const SOURCES = `query($first: Int, $after: String, $last: Int, $before: String) { sources(first: $first, after: $after, last: $last, before: $before) { nodes { id } pageInfo { hasPreviousPage startCursor endCursor } } }`;
    const one = expectData(await t.gql(SOURCES, { first: 4 })).sources;
    const two = expectData(await t.gql(SOURCES, { first: 4, after: one.pageInfo.endCursor })).sources;
    const back = expectData(await t.gql(SOURCES, { last: 4, before: two.pageInfo.startCursor })).sources;
    expect(back.nodes).toEqual(one.nodes);
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });

  it.each([
    [{ first: 2, last: 2 }, 'last'],
    [{ after: 'x', before: 'y' }, 'before'],
    [{ first: 2, before: 'y' }, 'before'],
    [{ last: 2, after: 'x' }, 'after'],
    [{ last: 0 }, 'last'],
    [{ last: 2, before: 'not a cursor' }, 'before'],
  ])('refuses %j as BAD_USER_INPUT on %s', async (args, field) => {
    const error = errorOf(await t.gql(PAGE, { f: { tag }, s: 'NEWEST', ...args }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields?.map((f) => f.field)).toContain(field);
  });

  it('refetches a claim, an attribution, a citation, a source and an article by id alone', async () => {
    const logged = expectData(await t.gql(LOG, { i: logClaimInput() })).logClaim;
    const attribution = logged.attributions[0];
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Claim { statement } ... on Source { name } } }`;
    const cases: Array<[string, string]> = [
      ['Claim', logged.id],
      ['Attribution', attribution.id],
      ['Citation', attribution.citations[0].id],
      ['Source', attribution.source.id],
      ['Article', attribution.citations[0].article.id],
    ];
    for (const [type, id] of cases) {
      const node = expectData(await t.gql(NODE, { id })).node;
      expect({ type: node.__typename, id: node.id }).toEqual({ type, id });
    }
    expect(expectData(await t.gql(NODE, { id: logged.id })).node.statement).toMatch(/fighters/);
  });

  it('answers null for an id nobody issued, and for a deleted claim outside the newsroom; refuses a malformed id', async () => {
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect(expectData(await t.gql(NODE, { id: '0190a5b2-0000-7000-8000-000000000000' })).node).toBeNull();
    const doomed = expectData(await t.gql(LOG, { i: logClaimInput() })).logClaim.id;
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'CLAIM', id: doomed } }));
    const reporter = await t.userWithRole('REPORTER');
    expect(expectData(await t.gql(NODE, { id: doomed }, reporter.as)).node).toBeNull();
    const bad = errorOf(await t.gql(NODE, { id: 'nope' }));
    expect(bad.code).toBe('BAD_USER_INPUT');
  });

  it('lists in node(id:) every type the schema says implements Node', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const implementations = schema.getImplementations(schema.getType('Node') as GraphQLInterfaceType).objects.map((o) => o.name);
    expect(implementations.length).toBeGreaterThan(0);
    expect([...t.app.get(NodeResolver).types].sort()).toEqual(implementations.sort());
  });
});
