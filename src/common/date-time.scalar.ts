import { GraphQLScalarType, Kind } from 'graphql';
import { parseDateTime } from './date-time';

/**
 * The DateTime scalar, as Nest's own (same name and description, so schema.gql does not change),
 * except that it also serializes an ISO string as it is, and reads input by the one rule in date-time.ts
 * (no rolled-over dates, no zone-less times, years it can store).
 * Trees read as JSON (database/tree-compiler.ts) carry timestamps already written by SQL in
 * Date#toISOString's format; turning each into a Date only to print it again would be wasted work.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseDateTime,
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return typeof value === 'string' ? value : null;
  },
  parseLiteral(ast) {
    return ast.kind === Kind.STRING ? parseDateTime(ast.value) : null;
  },
});
