import { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * Prefix of the keys under which a parent object carries a field's value already read, for
 * example `$source` on an attribution read as part of a compiled tree (database/tree-compiler.ts, its prefetch output).
 * GraphQL names cannot start with `$`, so the keys never clash with real fields.
 */
export const PREFETCHED = '$';

/**
 * Lets every field resolver be skipped when its parent already holds the value. Installed as the
 * GraphQL module's transformSchema: the check is a property read, while Nest's resolver wrapper
 * (pipes, parameter factories, a promise) around each of hundreds of nested fields is most of
 * a list page's CPU time.
 */
export function servePrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || readsOwnProperty(field)) continue;
      const key = PREFETCHED + field.name;
      field.resolve = (parent, args, context, info) => {
        const value = (parent as Record<string, unknown> | null)?.[key];
        return value !== undefined ? value : resolve(parent, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * Whether a field only shows its parent's property of the same name. Nest gives every plain
 * @Field such a resolver (named `rootFieldResolver`); a @ResolveField method, which may compute
 * or withhold the value, replaces it. Anything else counts as a resolver of its own.
 */
export function readsOwnProperty(field: GraphQLField<unknown, unknown>): boolean {
  return !field.resolve || field.resolve.name === 'rootFieldResolver';
}
