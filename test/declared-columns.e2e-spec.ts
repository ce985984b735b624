import { DECLARED_ENTRIES, DeclaredColumn } from '../src/claims/declared-columns';
import { declaredSamples, logClaimInput } from './factories';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines, postImport } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
const SAMPLE = 'Officials Said Most Fighters Left';

/**
 * Generated from src/claims/declared-columns.ts: each declared plain column is written by logClaim and updateClaim,
 * read back, refused with a coded error naming it when too long, and each declared filter narrows the GraphQL list and
 * the export alike. A new entry there is tested here with no line added.
 */
describe('declared plain columns of Claim', () => {
  let t: TestApp;
  let withValues: string;
  let without: string;
  const samples = declaredSamples(SAMPLE);
  const fields = DECLARED_ENTRIES.map(([name]) => name).join(' ');

  beforeAll(async () => {
    t = await startTestApp();
    // Text given with spaces around it: stored trimmed, as every text input is.
    const padded = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, typeof v === 'string' ? `  ${v} ` : v]));
    withValues = expectData(await t.gql(LOG, { input: logClaimInput(padded) })).logClaim.id;
    without = expectData(await t.gql(LOG, { input: logClaimInput() })).logClaim.id;
  });
  afterAll(() => t.close());

  const read = async (id: string) => expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${fields} } }`, { id })).claim;
  const update = (input: Record<string, unknown>) => t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version ${fields} } }`, { input });

  it('has a declaration to test', () => {
    expect(DECLARED_ENTRIES.length).toBeGreaterThan(0);
  });

  it('writes each on logClaim and reads it back; a claim without leaves it null', async () => {
    expect(await read(withValues)).toEqual(samples);
    expect(await read(without)).toEqual(Object.fromEntries(DECLARED_ENTRIES.map(([name]) => [name, null])));
  });

  it('sets and clears each on updateClaim, leaving the others as they are', async () => {
    let version = 1;
    for (const [name] of DECLARED_ENTRIES) {
      const set = expectData(await update({ id: without, version, [name]: samples[name] })).updateClaim;
      expect(set[name]).toEqual(samples[name]);
      const cleared = expectData(await update({ id: without, version: set.version, [name]: null })).updateClaim;
      expect(cleared[name]).toBeNull();
      version = cleared.version;
    }
    expect(await read(withValues)).toEqual(samples);
  });

  it('refuses a text longer than its limit, naming the field', async () => {
    for (const [name, column] of DECLARED_ENTRIES) {
      if (column.kind !== 'text') continue;
      const error = errorOf(await t.gql(LOG, { input: logClaimInput({ [name]: 'x'.repeat(column.max + 1) }) }));
      expect([name, error.code, error.fields?.map((f) => f.field)]).toEqual([name, 'BAD_USER_INPUT', [name]]);
    }
  });

  it('refuses a line break in a one-line text, naming the field, on logClaim, updateClaim and an import, and writes nothing', async () => {
    const before = await read(without);
    for (const [name, column] of DECLARED_ENTRIES) {
      if (column.kind !== 'text' || !column.oneLine) continue;
      for (const broken of ['first line\nsecond line', 'first line\r\nsecond', 'first\u2028second']) {
        const logged = errorOf(await t.gql(LOG, { input: logClaimInput({ [name]: broken }) }));
        expect([name, logged.code, logged.fields]).toEqual([name, 'BAD_USER_INPUT', [{ field: name, message: 'must be one line (no line breaks)' }]]);
        const updated = errorOf(await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, { input: { id: without, [name]: broken } }));
        expect([name, updated.code, updated.fields?.map((f) => f.field)]).toEqual([name, 'BAD_USER_INPUT', [name]]);
        const row = { claim_id: `one-line-${name}`, statement: 'A claim with a broken one-line text.', [column.exportAs ?? name]: broken };
        const imported = await postImport(baseUrl(t.url), JSON.stringify(row), 'application/x-ndjson');
        expect([name, imported.status, imported.body.errors]).toEqual([name, 400, [{ line: 1, field: column.exportAs ?? name, message: 'must be one line (no line breaks)' }]]);
      }
    }
    expect(await read(without)).toEqual(before);
    const imported = expectData(await t.gql(`{ claims(filter: { search: "broken one-line" }) { totalCount } }`));
    expect(imported.claims.totalCount).toBe(0);
  });

  const filtered = DECLARED_ENTRIES.filter(([, column]) => column.filter);
  /** What each filter is given: a middle part, in other letter case, for `contains`; the value itself for `equals`. */
  const probe = (name: string, column: DeclaredColumn) =>
    column.kind === 'text' && column.filter?.match === 'contains' ? 'said most'.toUpperCase() : samples[name];

  it('narrows the list alike in GraphQL and in the export, by each declared filter', async () => {
    for (const [name, column] of filtered) await filtersAlike(name, column);
  });

  async function filtersAlike(name: string, column: DeclaredColumn) {
    const value = probe(name, column);
    const listed = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: { [name]: value } }));
    expect(listed.claims.nodes.map((n: { id: string }) => n.id)).toEqual([withValues]);
    const res = await getText(`${baseUrl(t.url)}/exports/claims.jsonl?${new URLSearchParams({ [name]: String(value) })}`);
    expect(res.status).toBe(200);
    expect([...new Set(jsonLines(res.text).filter((r) => !r._summary).map((r) => r.claim_id))]).toEqual([withValues]);
    if (column.filter?.match === 'contains') {
      // Every word, in any order, each anywhere in the value; one word it lacks and the claim is out.
      const reordered = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { totalCount nodes { id } } }`, { f: { [name]: ' MOST  officials said ' } }));
      expect(reordered.claims.nodes.map((n: { id: string }) => n.id)).toEqual([withValues]);
      // LIKE's wildcards are the characters themselves: "%" and "_" match only a "%" or "_".
      for (const literal of ['%', 'said_most', 'said most nobody']) {
        const none = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: { [name]: literal } }));
        expect([literal, none.claims.nodes]).toEqual([literal, []]);
      }
    }
  }
});
