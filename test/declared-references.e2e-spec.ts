import { Role } from '../src/core/role';
import { DeclaredReference, REFERENCE_ENTRIES, idPropertyOf } from '../src/claims/declared-references';
import { User } from '../src/access/user.entity';
import { CLAIM_TREE } from '../src/claims/claim-tree';
import { logClaimInput } from './factories';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { baseUrl, getText, jsonLines } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id version } }`;

/**
 * Generated from src/claims/declared-references.ts: for each declared reference, the roles in `setBy` set and clear it
 * on logClaim, createClaim and updateClaim, every other writer is refused; a record the entry does not accept, a
 * deleted one and an unknown id are refused naming the field; the record reads the same on the direct path, through
 * Apollo's trees and through the resolver; each change is in the claim's history, and the filter narrows the list and
 * the export alike. A new entry is tested here with no line added.
 */
describe('declared references of Claim', () => {
  let t: TestApp;
  const users: Partial<Record<Role, { id: string; as: Record<string, string> }>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of Object.values(Role)) users[role] = await t.userWithRole(role);
  });
  afterAll(() => t.close());

  /** A record of the target that the entry accepts, and one (if any) it refuses, with the reason. */
  async function targets(reference: DeclaredReference): Promise<{ accepted: { id: string; name: string }; refused: Array<{ id: string; why: string }> }> {
    // The one target so far is a user: one of each role, by what `accepts` says of it.
    const rows = await t.db.manager.find(User, { where: Object.values(Role).map((role) => ({ id: users[role]?.id })) });
    const accepted = rows.find((row) => !reference.accepts?.(row));
    if (!accepted) throw new Error('no user is accepted');
    return { accepted, refused: rows.flatMap((row) => (reference.accepts?.(row) ? [{ id: row.id, why: reference.accepts(row) as string }] : [])) };
  }

  it('reads each through an edge of the claim tree, so a page reads it in its own statement', () => {
    for (const [name] of REFERENCE_ENTRIES) expect([name, CLAIM_TREE.edges?.[name]?.many]).toEqual([name, false]);
    expect(Object.keys(CLAIM_TREE.edges ?? {})).toEqual(expect.arrayContaining(REFERENCE_ENTRIES.map(([name]) => name)));
  });

  for (const [name, reference] of REFERENCE_ENTRIES) {
    const property = idPropertyOf(name);
    const setter = () => users[reference.setBy[0]]!.as;

    describe(name, () => {
      let target: { id: string; name: string };
      let refused: Array<{ id: string; why: string }>;
      let claimId: string;
      let other: string;
      beforeAll(async () => {
        ({ accepted: target, refused } = await targets(reference));
        claimId = expectData(await t.gql(LOG, { input: logClaimInput({ [property]: target.id }) }, setter())).logClaim.id;
        other = expectData(await t.gql(LOG, { input: logClaimInput() }, setter())).logClaim.id;
      });

      it('is set by logClaim and reads the same on the direct path, through Apollo, the resolver and node(id:)', async () => {
        const expected = { id: target.id, name: target.name };
        const direct = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${name} { id name } } }`, { id: claimId })).claim;
        // viewerCanEdit is left to its resolver: the query goes through Apollo, which reads the claim tree.
        const apollo = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { viewerCanEdit ${name} { id name } } }`, { id: claimId })).claim;
        const node = expectData(await t.gql(`query($id: ID!) { node(id: $id) { ... on Claim { ${name} { id name } } } }`, { id: claimId })).node;
        const page = expectData(await t.gql(`{ claims(first: 100) { nodes { id ${name} { id name } } } }`)).claims.nodes;
        expect([direct[name], apollo[name], node[name]]).toEqual([expected, expected, expected]);
        expect(page.find((c: { id: string }) => c.id === claimId)[name]).toEqual(expected);
        expect(page.find((c: { id: string }) => c.id === other)[name]).toBeNull();
      });

      it('reads null for the roles outside readBy, on every path', async () => {
        const readers = reference.readBy ?? Object.values(Role);
        for (const role of Object.values(Role)) {
          const as = users[role]!.as;
          const direct = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { ${name} { id } } }`, { id: claimId }, as)).claim;
          const node = expectData(await t.gql(`query($id: ID!) { node(id: $id) { ... on Claim { ${name} { id } } } }`, { id: claimId }, as)).node;
          const expected = readers.includes(role) ? { id: target.id } : null;
          expect([role, direct[name], node[name]]).toEqual([role, expected, expected]);
        }
      });

      it('is set and cleared by updateClaim and createClaim, and each change is in the history', async () => {
        const update = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version ${name} { id name } } }`;
        const set = expectData(await t.gql(update, { input: { id: other, [property]: target.id } }, setter())).updateClaim;
        expect(set[name]).toEqual({ id: target.id, name: target.name });
        const cleared = expectData(await t.gql(update, { input: { id: other, version: set.version, [property]: null } }, setter())).updateClaim;
        expect(cleared[name]).toBeNull();
        const created = expectData(
          await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { ${name} { id } } }`, { input: { statement: 'Assigned at creation.', [property]: target.id } }, setter()),
        ).createClaim;
        expect(created[name]).toEqual({ id: target.id });
        const history = expectData(await t.gql(`query($id: ID!) { history(entityType: CLAIM, id: $id) { nodes { action changes { field before after } } } }`, { id: other })).history.nodes;
        const changes = history.flatMap((e: { changes: Array<{ field: string; before: unknown; after: unknown }> }) => e.changes.filter((c) => c.field === property));
        // The history keeps each value as JSON text.
        const id = JSON.stringify(target.id);
        expect(changes).toEqual(expect.arrayContaining([{ field: property, before: null, after: id }, { field: property, before: id, after: null }]));
      });

      it('is refused, naming the field, for a writer outside setBy, a record it does not accept, a deleted one and an unknown id', async () => {
        for (const role of [Role.REPORTER, Role.EDITOR, Role.ADMIN].filter((r) => !reference.setBy.includes(r))) {
          const error = errorOf(await t.gql(LOG, { input: logClaimInput({ [property]: target.id }) }, users[role]!.as));
          expect([role, error.code, error.message]).toEqual([role, 'FORBIDDEN', expect.stringContaining(property)]);
          // Clearing it is setting it too.
          const own = expectData(await t.gql(LOG, { input: logClaimInput() }, users[role]!.as)).logClaim;
          const clear = errorOf(await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, { input: { id: own.id, [property]: null } }, users[role]!.as));
          expect([role, clear.code]).toEqual([role, 'FORBIDDEN']);
        }
        const deleted = await t.userWithRole(Role.REPORTER);
        expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { id } }`, { i: { type: 'USER', id: deleted.id } }));
        const cases = [
          ...refused.map((r) => ({ id: r.id, message: r.why })),
          { id: deleted.id, message: 'is deleted' },
          { id: '00000000-0000-4000-8000-000000000000', message: 'has this id' },
          { id: 'nobody', message: 'must be an id (a UUID)' },
        ];
        for (const { id, message } of cases) {
          const error = errorOf(await t.gql(LOG, { input: logClaimInput({ [property]: id }) }, setter()));
          expect([id, error.code, error.fields]).toEqual([id, 'BAD_USER_INPUT', [{ field: property, message: expect.stringContaining(message) }]]);
        }
      });

      if (reference.filter) {
        it('narrows the list alike in GraphQL and in the export', async () => {
          const listed = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: { [property]: target.id } }));
          expect(listed.claims.nodes.map((n: { id: string }) => n.id)).toContain(claimId);
          expect(listed.claims.nodes.map((n: { id: string }) => n.id)).not.toContain(other);
          const res = await getText(`${baseUrl(t.url)}/exports/claims.jsonl?${new URLSearchParams({ [property]: target.id })}`);
          expect(res.status).toBe(200);
          const exported = new Set(jsonLines(res.text).filter((r) => !r._summary).map((r) => r.claim_id));
          expect([...exported].sort()).toEqual(listed.claims.nodes.map((n: { id: string }) => n.id).sort());
        });

        it('is refused, naming the filter, to a role that reads the field as null, in GraphQL and in the export', async () => {
          const outside = Object.values(Role).filter((r) => reference.readBy && !reference.readBy.includes(r));
          for (const role of outside) {
            // A page of claims, with and without the total, and the same filter on the export's query string.
            for (const fields of ['nodes { id }', 'totalCount']) {
              const error = errorOf(await t.gql(`query($f: ClaimFilterInput) { claims(first: 5, filter: $f) { ${fields} } }`, { f: { [property]: target.id } }, users[role]!.as));
              expect([role, fields, error.code, error.message]).toEqual([role, fields, 'FORBIDDEN', expect.stringContaining(`filter ${property}`)]);
            }
            const res = await getText(`${baseUrl(t.url)}/exports/claims.csv?${new URLSearchParams({ [property]: target.id })}`, users[role]!.as);
            expect([role, res.status, JSON.parse(res.text).code]).toEqual([role, 403, 'FORBIDDEN']);
          }
          for (const role of reference.readBy ?? []) {
            const listed = expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id } } }`, { f: { [property]: target.id } }, users[role]!.as));
            expect([role, listed.claims.nodes.map((n: { id: string }) => n.id)]).toEqual([role, expect.arrayContaining([claimId])]);
          }
        });
      }
    });
  }
});
