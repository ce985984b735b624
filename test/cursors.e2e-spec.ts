import { randomBytes } from 'node:crypto';
import { logClaimInput } from './factories';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';

/**
 * Cursors are client input: only the text a list wrote for one of its own pages is read back, by the
 * same list and sort (src/common/pagination.ts). Anything else is BAD_USER_INPUT on `after` or
 * `before`, and the error repeats nothing of what the cursor held.
 */
describe('cursors the server did not issue', () => {
  let t: TestApp;
  const tag = `cursor-${Date.now().toString(36)}`;
  const base64 = (text: string) => Buffer.from(text).toString('base64url');
  const decoded = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));

  const CLAIMS = `query($sort: ClaimSort, $after: String, $before: String, $first: Int, $last: Int) {
    claims(filter: { tag: "${tag}" }, sort: $sort, after: $after, before: $before, first: $first, last: $last) {
      totalCount edges { cursor node { id } } pageInfo { startCursor endCursor }
    }
  }`;
  const ARTICLES = `query($after: String, $before: String, $first: Int, $last: Int) { articles(after: $after, before: $before, first: $first, last: $last) { nodes { id } pageInfo { endCursor } } }`;
  const SOURCES = `query($after: String, $before: String, $first: Int, $last: Int, $name: String) { sources(filter: { name: $name }, after: $after, before: $before, first: $first, last: $last) { nodes { id name } pageInfo { endCursor } } }`;
  const SOURCE_ATTRIBUTIONS = `query($id: ID!, $after: String, $before: String, $first: Int, $last: Int) { source(id: $id) { attributions(after: $after, before: $before, first: $first, last: $last) { nodes { id } } } }`;
  const AUDIT = `query($after: String, $before: String, $first: Int, $last: Int) { auditEvents(after: $after, before: $before, first: $first, last: $last) { nodes { id } pageInfo { endCursor } } }`;

  let sourceId: string;
  let firstPage: { endCursor: string; ids: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 4; i += 1) {
      const logged = expectData(
        await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { source { id } } } }`, {
          input: logClaimInput({ tags: [tag], eventTime: { start: `2024-03-0${i + 1}T00:00:00Z` } }),
        }),
      ).logClaim;
      sourceId = logged.attributions[0].source.id;
    }
    const page = expectData(await t.gql(CLAIMS, { first: 2 })).claims;
    firstPage = { endCursor: page.pageInfo.endCursor, ids: page.edges.map((e: { node: { id: string } }) => e.node.id) };
  });
  afterAll(() => t.close());

  /** Refused as BAD_USER_INPUT on `field` alone, with no data, and with nothing of the cursor in the answer. */
  async function refused(query: string, variables: Record<string, unknown>, field: 'after' | 'before') {
    const response = await t.gql(query, variables);
    const error = errorOf(response);
    expect({ code: error.code, fields: error.fields }).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, message: expect.stringMatching(/^is not a cursor this list produced/) }] });
    expect(response.data ?? null).toBeNull();
    const cursor = String(variables[field]);
    const said = JSON.stringify(response.errors);
    expect(said).not.toContain(cursor);
    let inside: unknown[] = [];
    try {
      const value = decoded(cursor);
      inside = Array.isArray(value?.k) ? value.k : Array.isArray(value) ? value : [];
    } catch {
      /* not JSON: nothing inside to leak */
    }
    for (const value of inside) if (typeof value === 'string' && value.length > 3) expect(said).not.toContain(value);
  }

  it('pages with its own cursors, forwards and back, as before', async () => {
    const second = expectData(await t.gql(CLAIMS, { first: 2, after: firstPage.endCursor })).claims;
    expect(second.edges).toHaveLength(2);
    const back = expectData(await t.gql(CLAIMS, { last: 2, before: second.pageInfo.startCursor })).claims;
    expect(back.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(firstPage.ids);
  });

  it.each(['after', 'before'] as const)('refuses random base64, text that is not base64 and JSON that is not a cursor, on %s', async (field) => {
    const sizes = field === 'after' ? { first: 2 } : { last: 2 };
    for (const cursor of [randomBytes(24).toString('base64url'), randomBytes(40).toString('base64'), 'not a cursor!', base64('null'), base64('{}'), base64('"x"'), base64('[1,2,3]')]) {
      await refused(CLAIMS, { ...sizes, [field]: cursor }, field);
    }
  });

  it.each(['after', 'before'] as const)('refuses a tampered cursor on %s: a changed id, order or version, a key added, or the same JSON spelled otherwise', async (field) => {
    const sizes = field === 'after' ? { first: 2 } : { last: 2 };
    const real = decoded(firstPage.endCursor);
    expect(real).toEqual({ v: 1, o: 'claims.newest', k: [firstPage.ids[1]] });
    const tampered = [
      { ...real, k: ['not-an-id'] },
      { ...real, k: [`${firstPage.ids[1]}' OR 1=1 --`] },
      { ...real, k: [firstPage.ids[1], firstPage.ids[0]] },
      { ...real, k: [] },
      { ...real, o: 'claims.event_time' },
      { ...real, v: 2 },
      { ...real, extra: true },
      { o: real.o, v: real.v, k: real.k },
    ].map((value) => base64(JSON.stringify(value)));
    // The bare array of the earlier format, and the real cursor re-spelled: with spaces, with base64 padding or a
    // character base64url does not have, each of which decodes to the same JSON.
    tampered.push(base64(JSON.stringify(real.k)), base64(JSON.stringify(real, null, 1)), `${firstPage.endCursor}=`, `${firstPage.endCursor.slice(0, 8)}!${firstPage.endCursor.slice(8)}`);
    for (const cursor of tampered) await refused(CLAIMS, { ...sizes, [field]: cursor }, field);
  });

  it('refuses a cursor of another sort or another list, even when its values have the same types', async () => {
    // A NEWEST cursor holds one id, as the articles', attributions' and audit log's do: each list reads only its own.
    await refused(CLAIMS, { sort: 'EVENT_TIME', first: 2, after: firstPage.endCursor }, 'after');
    await refused(ARTICLES, { first: 2, after: firstPage.endCursor }, 'after');
    await refused(SOURCE_ATTRIBUTIONS, { id: sourceId, last: 2, before: firstPage.endCursor }, 'before');
    await refused(AUDIT, { first: 2, after: firstPage.endCursor }, 'after');
    const article = expectData(await t.gql(ARTICLES, { first: 1 })).articles.pageInfo.endCursor;
    await refused(CLAIMS, { first: 2, after: article }, 'after');
    const eventTime = expectData(await t.gql(CLAIMS, { sort: 'EVENT_TIME', first: 1 })).claims.pageInfo.endCursor;
    await refused(CLAIMS, { first: 2, after: eventTime }, 'after');
    await refused(SOURCES, { first: 2, after: eventTime }, 'after');
  });

  it('reads a cursor built by hand with well-typed values for the same order (cursors are positions, not secrets)', async () => {
    // The second page starts after the first page's last claim, whoever wrote the cursor.
    const handMade = base64(JSON.stringify({ v: 1, o: 'claims.newest', k: [firstPage.ids[1]] }));
    expect(handMade).toBe(firstPage.endCursor);
    const page = expectData(await t.gql(CLAIMS, { first: 2, after: handMade })).claims;
    expect(page.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(firstPage.ids[0]);
  });

  it('reads back the cursor of a sources page that ends at the longest name, written in Arabic', async () => {
    const name = 'مرصد'.repeat(75);
    expectData(await t.gql(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, { input: { name, kind: 'MONITORING_GROUP' } }));
    const page = expectData(await t.gql(SOURCES, { name, first: 1 })).sources;
    expect(page.nodes).toEqual([{ id: expect.any(String), name }]);
    expect(page.pageInfo.endCursor.length).toBeGreaterThan(500);
    expect(expectData(await t.gql(SOURCES, { name, first: 1, after: page.pageInfo.endCursor })).sources.nodes).toEqual([]);
  });
});
