import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getOperationAST, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCounter } from '../src/database/query-counter';
import { DirectReads } from '../src/direct-reads/direct-reads.service';
import { QueryLimits, measureOperation } from '../src/limits/query-limits';
import { logClaimInput } from './factories';
import { CLAIM_FIELDS } from './factories/operations';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/** The abusive requests measured in issue 14, each of which used to take the server minutes or down. */
const ABUSE: Array<[string, () => { query: string; variables?: Record<string, unknown> }, string]> = [
  [
    'the depth bomb (claims → attributions → source → attributions(first: 100) → claim, four times)',
    () => {
      let inner = 'id';
      for (let i = 0; i < 4; i++) inner = `attributions { source { attributions(first: 100) { nodes { claim { id ${inner} } } } } }`;
      return { query: `{ claims(first: 100) { nodes { ${inner} } } }` };
    },
    'depth',
  ],
  [
    'three levels of nested first: 100',
    () => ({ query: `{ claims(first: 100) { nodes { attributions { source { attributions(first: 100) { nodes { claim { attributions { source { attributions(first: 100) { nodes { id } } } } } } } } } } } }` }),
    'cost',
  ],
  ['conflictsWith within conflictsWith on 100 claims', () => ({ query: `{ claims(first: 100) { nodes { conflictsWith { conflictsWith { id } } } } }` }), 'cost'],
  [
    '500 aliases of suggestAttributions on a 60 KB text',
    () => ({
      query: `query($t: String, $at: DateTime) { ${repeat(500, (i) => `s${i}: suggestAttributions(text: $t, publishedAt: $at) { confidence }`)} }`,
      variables: { t: 'The monitor said 300 fighters refused to surrender. '.repeat(1200), at: '2019-02-18T12:00:00Z' },
    }),
    'tokens',
  ],
  ['1,000 aliases of claims(first: 100) { totalCount }', () => ({ query: `{ ${repeat(1000, (i) => `c${i}: claims(first: 100) { totalCount }`)} }` }), 'tokens'],
  ['1,000 aliases of discrepancies(first: 100)', () => ({ query: `{ ${repeat(1000, (i) => `d${i}: discrepancies(variable: "v", first: 100) { variable }`)} }` }), 'tokens'],
  ['2,001 levels of attributions { claim { ... } }', () => ({ query: `{ claims(first: 1) { nodes { ${'attributions { claim { '.repeat(1000)} id ${'} } '.repeat(1000)} } } }` }), 'tokens'],
  ['four suggestAttributions aliases, under every other limit', () => ({ query: `{ ${repeat(4, (i) => `s${i}: suggestAttributions(text: "x", publishedAt: "2019-02-18T12:00:00Z") { confidence }`)} }` }), 'suggestAttributions calls'],
  ['31 aliases', () => ({ query: `{ ${repeat(31, (i) => `a${i}: me { name }`)} }` }), 'aliases'],
];

describe('query limits', () => {
  let t: TestApp;
  let researcher: Record<string, string>;
  let reporter: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    researcher = (await t.userWithRole('RESEARCHER')).as;
    reporter = (await t.userWithRole('REPORTER')).as;
  });
  afterAll(() => t.close());

  async function post(body: unknown, headers: Record<string, string>) {
    const started = performance.now();
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), ms: performance.now() - started };
  }

  it.each(ABUSE)('refuses %s with QUERY_TOO_COMPLEX naming the limit, before any SQL', async (_name, make, limit) => {
    const request = make();
    // The key is looked up (and cached) first, so that what is counted below is only the request's own SQL.
    expectData(await t.gql(`{ me { name } }`, undefined, researcher));
    QueryCounter.reset();
    const { status, body, ms } = await post(request, researcher);
    expect(QueryCounter.count).toBe(0);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    const extensions = body.errors[0].extensions;
    expect(extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit, max: expect.any(Number), measured: expect.any(Number) });
    expect(extensions.measured).toBeGreaterThan(extensions.max);
    expect(body.errors[0].message).toContain(limit);
    // Generous for a loaded 2-core machine; the minutes these requests used to take are what this guards against.
    expect(ms).toBeLessThan(2000);
  });

  it('refuses 1,000 aliased createClaim in one request and writes nothing', async () => {
    const before = expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount;
    const query = `mutation { ${repeat(1000, (i) => `c${i}: createClaim(input: { statement: "Flood ${i}." }) { id }`)} }`;
    const { status, body } = await post({ query }, reporter);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount).toBe(before);
  });

  it('refuses more root mutation fields than the limit, naming it', async () => {
    const query = `mutation { ${repeat(21, (i) => `c${i}: createClaim(input: { statement: "Flood ${i}." }) { id }`)} }`;
    const { status, body } = await post({ query }, reporter);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'root mutation fields', max: 20, measured: 21 });
  });

  it('applies the limits on the direct path too: a query it would answer is left to Apollo when over one', async () => {
    const reads = t.app.get(DirectReads);
    // Every field is a column or a relation of the claim tree, so the direct path answers it when small enough.
    const query = (first: number) => `{ claims(first: ${first}) { nodes { id statement attributions { cue source { name } chain { cue source { name } } citations { quote article { headline } } } } } }`;
    const answered = reads.answered;
    expectData(await t.gql(query(5), undefined, researcher));
    expect(reads.answered).toBe(answered + 1);
    // The same shape with first: $n, over the cost limit only through its variable.
    const wide = `query($n: Int) { claims(first: $n) { nodes { id attributions { cue source { name } chain { cue source { name } } citations { quote article { headline } } } } } }`;
    const limits = t.app.get(QueryLimits);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const document = parse(wide);
    const measured = measureOperation(schema, document, getOperationAST(document)!, { n: 100 }).cost;
    expect(measured).toBeLessThanOrEqual(limits.settings.maxCost);
    const tight = await startTestApp({ QUERY_MAX_COST: String(measured - 1) });
    try {
      const key = (await tight.userWithRole('RESEARCHER')).as;
      const tightReads = tight.app.get(DirectReads);
      const before = tightReads.answered;
      expectData(await tight.gql(wide, { n: 5 }, key));
      expect(tightReads.answered).toBe(before + 1);
      QueryCounter.reset();
      const refused = await tight.gql(wide, { n: 100 }, key);
      expect(errorOf(refused)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', extensions: { limit: 'cost', max: measured - 1, measured } });
      expect(refused.status).toBe(400);
      expect(tightReads.answered).toBe(before + 1);
      expect(QueryCounter.count).toBe(0);
    } finally {
      await tight.close();
    }
  });

  it('batches conflictsWith: the same number of statements for 3 flagged claims as for 12', async () => {
    const fresh = await startTestApp();
    try {
      // Exact, different figures on one variable: every claim contradicts every other.
      const log = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const input = logClaimInput({ quantities: [{ variable: 'batched_dead', value: 1000 + i * 100 + Math.floor(Math.random() * 50) }] });
          expectData(await fresh.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input }));
        }
      };
      const statements = async () => {
        expectData(await fresh.gql(`{ me { name } }`));
        QueryCounter.reset();
        const nodes = expectData(await fresh.gql(`{ claims(first: 12, filter: { hasDiscrepancy: true }) { nodes { id conflictsWith { id conflictsWith { id } } } } }`)).claims.nodes;
        return { count: QueryCounter.count, nodes };
      };
      await log(3);
      const three = await statements();
      expect(three.nodes).toHaveLength(3);
      expect(three.nodes[0].conflictsWith).toHaveLength(2);
      expect(three.nodes[0].conflictsWith[0].conflictsWith).toHaveLength(2);
      await log(9);
      const twelve = await statements();
      expect(twelve.nodes).toHaveLength(12);
      expect(twelve.nodes[0].conflictsWith).toHaveLength(11);
      expect(twelve.count).toBe(three.count);
    } finally {
      await fresh.close();
    }
  });
});

/** A newsroom desk's everyday reads and the README's examples must fit inside the default limits with room to spare. */
describe('default query limits fit the documented and everyday queries', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const readmeBlocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const curlQueries = [...readme.matchAll(/-d '(\{"query":.*?\})'/g)].map((m) => (JSON.parse(m[1]) as { query: string }).query);
  const desk: Record<string, string> = {
    'a desk page of 100 claims with their sourcing and conflicts': `query($after: String) { claims(first: 100, after: $after, sort: NEWEST) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${CLAIM_FIELDS} independentSourceCount sourcing circular attributionLine hasDiscrepancy conflictsWith { id statement }
        attributions { id cue stance anonymityReason source { id name kind anonymous } chain { position cue source { id name } }
          citations { quote startOffset endOffset article { id headline canonicalUrl publishedAt } } } } } }`,
    'one claim in full, for the edit panel': `query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} attributionLine statusHistory { fromStatus toStatus reason }
      conflictsWith { id statement quantities { variable lower upper value } }
      attributions { id cue stance anonymityReason source { id name kind aliases trackRecord { total confirmed falseCount } }
        chain { position cue source { id name } } citations { quote article { headline canonicalUrl } } } } }`,
    'a source with its recent attributions': `query($id: ID!) { source(id: $id) { id name kind aliases linkedSources { id name }
      attributions(first: 50) { totalCount nodes { id cue claim { id statement status sourcing } } } } }`,
    'the discrepancies of a variable': `{ discrepancies(variable: "fighters_remaining", first: 50) { variable claim { id statement } otherClaim { id statement } } }`,
    'the n-plus-one page of the test suite': `query($first: Int) { claims(first: $first) { totalCount nodes { ${CLAIM_FIELDS}
      independentSourceCount sourcing circular attributionLine hasDiscrepancy conflictsWith { id } statusHistory { toStatus }
      attributions { claim { id } source { trackRecord { total } reliabilityHistory { toGrade } linkedSources { id } } citations { attribution { id } article { citations { id } } } } } } }`,
  };
  const cases: Array<[string, string]> = [
    ...readmeBlocks.map((q, i): [string, string] => [`README example ${i + 1}`, q]),
    ...curlQueries.map((q, i): [string, string] => [`README curl example ${i + 1}`, q]),
    ...Object.entries(desk),
  ];

  it('has README examples to check', () => {
    expect(readmeBlocks.length).toBeGreaterThanOrEqual(3);
    expect(curlQueries.length).toBeGreaterThanOrEqual(1);
  });

  it.each(cases)('%s is within every limit, with room to spare', (_name, query) => {
    const limits = t.app.get(QueryLimits);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    expect(limits.checkText(query)).toBeNull();
    const document = parse(query);
    const operation = getOperationAST(document)!;
    // Pages of 50 where a variable sets the size.
    const m = measureOperation(schema, document, operation, { first: 50 });
    const s = limits.settings;
    expect(limits.checkOperation(schema, document, operation, { first: 50 })).toBeNull();
    expect(m.depth).toBeLessThanOrEqual(s.maxDepth - 2);
    expect(m.cost).toBeLessThanOrEqual(s.maxCost / 2);
  });
});
