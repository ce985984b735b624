import { Column, EntityManager, In, Index } from 'typeorm';
import { PersonModel } from '../access/access.model';
import { User } from '../access/user.entity';
import { BadInputError, FieldError, ForbiddenError } from '../common/errors';
import { Actor } from '../core/actor';
import { CHECKING_ROLES, EDITORIAL_ROLES, Role } from '../core/role';
import { TreeEdge, TreeNode } from '../database/tree-node';

/**
 * Claim's references to one other record (many claims to one), each declared once, here. An entry `x` gives:
 * - the entity's nullable column `xId` (`x_id`, the record's id; no foreign key, as createdBy has none: the records
 *   referred to are never removed, only marked deleted), indexed with the claim's id when it can be filtered on;
 * - the API's field `Claim.x`, the record as its target's type shows it (null for roles outside `readBy`), read on both paths by an edge of the claim
 *   tree (claim-tree.ts) and otherwise by a batched loader (declared-references.resolver.ts);
 * - the input field `xId` (an id; null clears it) on logClaim, createClaim, updateClaim and acceptSuggestion,
 *   written as any plain input column (claim-input-columns.ts), and checked before it is written (checkReferences):
 *   only the roles in `setBy` may send it (FORBIDDEN otherwise), and the id must name a live record the entry
 *   `accepts` (BAD_USER_INPUT on the field otherwise);
 * - with `filter`, the claims filter's field `xId`, the claims that refer to that record (and so the export's query
 *   string and the CLI's option, claim-filter-fields.ts), refused to the roles outside `readBy` (assertMayFilterReferences);
 * - the audit: the column is one of the claim's, so each change is in the claim's history;
 * - the tests: test/declared-references.e2e-spec.ts and the read-parity seed exercise every entry.
 * A new entry needs its migration (scripts/generate-migration.sh; on SQLite an ADD COLUMN and the index, by hand).
 */
export const DECLARED_REFERENCES = {
  assignedTo: {
    to: 'user',
    description: 'The reporter (or editor) an editor assigned the claim to for checking.',
    setBy: EDITORIAL_ROLES,
    // Who works on what is the newsroom's business: a researcher reads null (names of staff stay in the building).
    readBy: CHECKING_ROLES,
    accepts: (user) => (!CHECKING_ROLES.includes(user.role) ? 'is a researcher, who cannot check claims: assign a reporter, editor or admin' : null),
    filter: 'Claims assigned to this user (their id).',
  },
} as const satisfies Record<string, DeclaredReference>;

/** What a reference may point at: the entity, the API type it is shown as, and how a row becomes that type. */
interface ReferenceTarget<Row> {
  entity: new () => Row;
  model: Function;
  /** The type's fields as the claim tree reads them (columns of the entity by property name). */
  node: TreeNode;
  toModel(row: Row): object;
  /** How an error message names one ("user"). */
  noun: string;
}

interface TargetRows {
  user: User;
}

// A user is shown as a Person: id and name only, as the history's names are (access.model.ts).
const USER_TARGET: ReferenceTarget<User> = {
  entity: User,
  model: PersonModel,
  node: { entity: User },
  toModel: (user) => Object.assign(new PersonModel(), { id: user.id, name: user.name }),
  noun: 'user',
};

export const REFERENCE_TARGETS: { [T in keyof TargetRows]: ReferenceTarget<TargetRows[T]> } = { user: USER_TARGET };

export type DeclaredReference = {
  [T in keyof TargetRows]: {
    to: T;
    /** The API field's description; the input's and the filter's say it is the record's id. */
    description: string;
    /** The roles that may set or clear it; anyone who may edit the claim otherwise. */
    setBy: readonly Role[];
    /** The roles that may read `Claim.x` (declared on the field with @Restricted, core/field-access.ts); every role when absent. */
    readBy?: readonly Role[];
    /** Why a live record cannot be referred to (a message naming the field follows), or null when it can. */
    accepts?: (row: TargetRows[T]) => string | null;
    /** The claims filter's field `xId`, described. */
    filter?: string;
  };
}[keyof TargetRows];

type Table = typeof DECLARED_REFERENCES;
export type DeclaredReferenceName = keyof Table;

/** The entries, in declaration order. */
export const REFERENCE_ENTRIES = Object.entries(DECLARED_REFERENCES) as Array<[DeclaredReferenceName, DeclaredReference]>;

/** The property, input field and filter field that hold a reference's id. */
export const idPropertyOf = (name: string): string => `${name}Id`;
const columnNameOf = (name: string): string => idPropertyOf(name).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The references' ids, as properties of the entity and the model (merged into both with the declared columns). */
export type ReferenceIds = { [K in DeclaredReferenceName as `${K & string}Id`]: string | null };
/** As input properties: absent leaves a reference as it is on update; null clears it. */
export type ReferenceIdInputs = Partial<ReferenceIds>;
/** The claims filter's reference fields. */
export type ReferenceFilters = { [K in DeclaredReferenceName as Table[K] extends { filter: string } ? `${K & string}Id` : never]?: string };

/** Each reference's id column on `target` (Claim), with the filter's index ending in id, as the other filters' indexes do. */
export function declareReferenceColumns(target: Function): void {
  for (const [name, reference] of REFERENCE_ENTRIES) {
    const property = idPropertyOf(name);
    Reflect.defineMetadata('design:type', String, target.prototype, property);
    Column({ type: 'varchar', length: 36, nullable: true, name: columnNameOf(name) })(target.prototype, property);
    if (reference.filter) Index([property, 'id'])(target);
  }
}

/** The claim tree's edge for each reference: the one record, or null. */
export function referenceEdges(): Record<string, TreeEdge> {
  return Object.fromEntries(
    REFERENCE_ENTRIES.map(([name, reference]) => [
      name,
      { many: false, node: REFERENCE_TARGETS[reference.to].node, on: (p: string, c: string) => `${c}.id = ${p}.${columnNameOf(name)}` },
    ]),
  );
}

/** The referenced rows with these ids, deleted ones too (a claim keeps showing whom it was assigned to). */
export function findTargets(manager: EntityManager, reference: DeclaredReference, ids: readonly string[]): Promise<Array<TargetRows[keyof TargetRows]>> {
  return manager.find(REFERENCE_TARGETS[reference.to].entity, { where: { id: In([...ids]) }, withDeleted: true });
}

/** An input to check, and the path its fields are named under (`` at the top of logClaim, `0.` …). */
export interface ReferenceInput {
  input: object;
  prefix?: string;
}

/**
 * The references the inputs set, checked in one look-up per declared reference: the actor may set each
 * (FORBIDDEN otherwise), and each id names a live record the entry accepts (BAD_USER_INPUT naming the field).
 * `fail` turns an error about input `i` into the caller's (an import names its line).
 */
export async function checkReferences(manager: EntityManager, actor: Actor, inputs: ReferenceInput[], fail: (i: number, error: Error) => Error = (_i, e) => e): Promise<void> {
  for (const [name, reference] of REFERENCE_ENTRIES) {
    const property = idPropertyOf(name);
    const given = inputs.map(({ input }, i) => ({ i, id: (input as Record<string, unknown>)[property] })).filter((g) => g.id !== undefined);
    if (!given.length) continue;
    if (!reference.setBy.includes(actor.role)) {
      throw fail(given[0].i, new ForbiddenError(`Only ${rolesText(reference.setBy)} can set ${property}`));
    }
    const ids = [...new Set(given.flatMap((g) => (typeof g.id === 'string' ? [g.id] : [])))];
    const rows = new Map((ids.length ? await findTargets(manager, reference, ids) : []).map((row) => [row.id, row]));
    for (const { i, id } of given) {
      if (id === null) continue;
      const problem = refusal(reference, rows.get(id as string));
      if (problem) throw fail(i, new BadInputError([{ field: `${inputs[i].prefix ?? ''}${property}`, message: problem } satisfies FieldError]));
    }
  }
}

/**
 * A reference's filter tells what its field would (the claims assigned to a given editor), so the roles outside
 * `readBy`, who read the field as null, are refused it: FORBIDDEN naming the filter, on the claims query and the
 * export alike. The system (the CLI, no actor) may use it.
 */
export function assertMayFilterReferences(filter: object, actor: Actor | undefined): void {
  if (!actor) return;
  for (const [name, reference] of REFERENCE_ENTRIES) {
    const property = idPropertyOf(name);
    if (!reference.filter || !reference.readBy || (filter as Record<string, unknown>)[property] == null) continue;
    if (!reference.readBy.includes(actor.role)) throw new ForbiddenError(`Only ${rolesText(reference.readBy)} can list claims by ${property} (filter ${property})`);
  }
}

function refusal(reference: DeclaredReference, row: TargetRows[keyof TargetRows] | undefined): string | null {
  const noun = REFERENCE_TARGETS[reference.to].noun;
  if (!row) return `no ${noun} has this id`;
  if (row.deletedAt) return `this ${noun} is deleted`;
  return reference.accepts?.(row) ?? null;
}

const ROLE_NAMES: Record<Role, string> = { [Role.REPORTER]: 'reporters', [Role.EDITOR]: 'editors', [Role.ADMIN]: 'admins', [Role.RESEARCHER]: 'researchers' };

/** "editors and admins". */
export function rolesText(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'nobody');
}
