import { Extensions } from '@nestjs/graphql';
import { Role } from './role';

/** The key of a restricted field's readers among its GraphQL extensions. */
const READERS = 'claimdesk:readers';

/**
 * Declares that only `roles` may read a GraphQL field: for every other role it is null, on every path that serves it.
 * The one declaration of a field's access rule, written on the model's field (a plain `@Field` or a `@ResolveField`),
 * where it becomes part of the built schema (the field's extensions) and everything follows from it:
 * - Apollo's resolvers: access/field-access.ts wraps the field's resolver, outermost, so whatever would be served
 *   (the row's property, a prefetched value, a resolver's answer) is withheld;
 * - the compiled trees (database/tree-compiler.ts): the response output declines the field (`restricted:Type.field`),
 *   so the direct path leaves it to Apollo, and the prefetch output's value still passes through the wrapper;
 * - the audit log (audit/audit.resolver.ts): a change of the field is left out of history for every other role.
 * The field must be nullable: null is what the other roles read.
 */
export function Restricted(roles: readonly Role[]): PropertyDecorator & MethodDecorator {
  return Extensions({ [READERS]: [...roles] });
}

/** The roles a field is restricted to, or undefined when every role may read it. */
export function readersOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): readonly Role[] | undefined {
  return field.extensions?.[READERS] as readonly Role[] | undefined;
}

/** Whether `role` may read the field. */
export function mayRead(field: { extensions?: Readonly<Record<string, unknown>> | null }, role: Role): boolean {
  const readers = readersOf(field);
  return !readers || readers.includes(role);
}
