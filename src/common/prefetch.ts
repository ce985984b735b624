import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { hasOwnResolver } from './own-resolvers';

/**
 * Prefix of the keys under which a parent object carries a field's value already read, for
 * example `$source` on an attribution read as part of a compiled tree (database/tree-compiler.ts, its prefetch output).
 * GraphQL names cannot start with `$`, so the keys never clash with real fields.
 */
export const PREFETCHED = '$';

/**
 * Lets every field resolver of its own (own-resolvers.ts) be skipped when its parent already holds the value.
 * Installed in the GraphQL module's transformSchema: the check is a property read, while Nest's resolver wrapper
 * (pipes, parameter factories, a promise) around each of hundreds of nested fields is most of a list page's CPU time.
 */
export function servePrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !hasOwnResolver(type, field.name)) continue;
      const key = PREFETCHED + field.name;
      field.resolve = (parent, args, context, info) => {
        const value = (parent as Record<string, unknown> | null)?.[key];
        return value !== undefined ? value : resolve(parent, args, context, info);
      };
    }
  }
  return schema;
}
