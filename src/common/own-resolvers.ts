import { GraphQLObjectType, GraphQLSchema } from 'graphql';

/** The key, among an object type's GraphQL extensions, of the names of its fields that have a resolver of their own. */
const OWN_RESOLVERS = 'claimdesk:ownResolvers';

type ResolverMap = Record<string, unknown>;

/**
 * Which fields have a resolver of their own (a `@ResolveField` method, which may compute or withhold the value), as Nest
 * itself says: the resolver map it hands the GraphQL module's `transformResolvers` before it builds the schema holds
 * exactly those; every other field of an object type gets Nest's default resolver, which shows the parent's property
 * of the same name. `note` reads the map, `mark` writes the fact into each object type's extensions of the built
 * schema (they survive sorting), where `hasOwnResolver` reads it. One instance per schema built (app.module.ts).
 */
export class OwnResolvers {
  private readonly byType = new Map<string, Set<string>>();
  private noted = false;

  /** For `transformResolvers`: notes the map's fields and returns it unchanged. */
  readonly note = <T extends ResolverMap | ResolverMap[]>(resolvers: T): T => {
    for (const map of Array.isArray(resolvers) ? resolvers : [resolvers]) {
      for (const [type, fields] of Object.entries(map)) {
        // Scalars are classes, not plain maps of fields; `__resolveType` and the like are not fields.
        if (!fields || typeof fields !== 'object' || Object.getPrototypeOf(fields) !== Object.prototype) continue;
        const names = this.byType.get(type) ?? this.byType.set(type, new Set()).get(type)!;
        for (const name of Object.keys(fields)) if (!name.startsWith('__')) names.add(name);
      }
    }
    this.noted = true;
    return resolvers;
  };

  /** For `transformSchema`, first: marks every object type with its fields that have a resolver of their own. */
  readonly mark = (schema: GraphQLSchema): GraphQLSchema => {
    if (!this.noted) throw new Error('OwnResolvers.mark ran before note: give the GraphQL module both transformResolvers and transformSchema');
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
      type.extensions = { ...type.extensions, [OWN_RESOLVERS]: [...(this.byType.get(type.name) ?? [])].filter((name) => type.getFields()[name]) };
    }
    return schema;
  };
}

/**
 * Whether field `name` of `type` has a resolver of its own. A type the schema was built without marking is an error,
 * never a guess: read as "none", it would let a field its resolver withholds be read from the row.
 */
export function hasOwnResolver(type: GraphQLObjectType, name: string): boolean {
  const names = type.extensions[OWN_RESOLVERS] as readonly string[] | undefined;
  if (!names) throw new Error(`${type.name} was built without OwnResolvers marking its fields (app.module.ts)`);
  return names.includes(name);
}
