import { FieldNode, FragmentDefinitionNode, GraphQLField } from 'graphql';
import { Actor } from '../core/actor';
import { Role } from '../core/role';
import { Declined } from '../database/tree-compiler';

export type { Declined };

/** One Query field's selection, as a domain module has prepared to answer it straight from the database. */
export interface DirectField {
  /**
   * The field's value as JSON text in final response form, or null to leave the whole request to
   * the ordinary GraphQL path: for a missing record, say, whose error that path words. May throw
   * for the same effect.
   */
  answer(args: Record<string, unknown>, actor: Actor): Promise<string | null>;
}

/** A Query field a domain module can answer without graphql-js, for the selections its SQL covers. */
export interface DirectRoot {
  readonly field: string;
  /**
   * How to answer this selection for `viewer`'s role (a field restricted to other roles is answered as null), or why
   * some part of it needs the field resolvers.
   */
  prepare(field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>, viewer: Role): DirectField | Declined;
}

export const DIRECT_ROOTS = Symbol('DIRECT_ROOTS');
