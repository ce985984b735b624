import { GraphQLObjectType, GraphQLSchema, defaultFieldResolver, isNonNullType } from 'graphql';
import { RequestContext } from '../common/context';
import { readersOf } from '../core/field-access';

/**
 * Withholds every field declared `@Restricted` (core/field-access.ts) from the roles it is not restricted to: its
 * resolver, whatever it is (the row's property, a `@ResolveField` method, a prefetched value), is wrapped so that
 * every other role reads null. The last of the GraphQL module's schema transforms, so that the wrapper is outermost
 * and no field needs a resolver of its own to be withheld. A request without an actor reads null too. The field's
 * description says who may read it.
 */
export function withholdRestricted(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const readers = readersOf(field);
      if (!readers) continue;
      if (isNonNullType(field.type)) throw new Error(`${type.name}.${field.name} is restricted, so it must be nullable: other roles read null`);
      // The schema's description states the rule, from the same declaration.
      field.description = [field.description, `Restricted to ${readers.join(', ')}: null for every other role.`].filter(Boolean).join(' ');
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context: RequestContext, info) => (context.actor && readers.includes(context.actor.role) ? resolve(parent, args, context, info) : null);
    }
  }
  return schema;
}
