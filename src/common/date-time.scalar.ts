import { GraphQLScalarType, Kind } from 'graphql';

/**
 * Years both databases store and both print the same way: PostgreSQL's to_char and SQLite's
 * strftime write four-digit years, and TypeORM's SQLite format has no room for a fifth digit.
 */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** A client's date-time, refused (as BAD_USER_INPUT naming the field) when it is not a real time within those years. */
export function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  const year = date?.getUTCFullYear() ?? NaN;
  if (!date || Number.isNaN(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new TypeError(`must be an ISO 8601 date-time between the years ${FIRST_YEAR} and ${LAST_YEAR}, such as 2019-02-18T12:00:00Z`);
  }
  return date;
}

/**
 * The DateTime scalar, as Nest's own (same name and description, so schema.gql does not change),
 * except that it also serializes an ISO string as it is, and refuses years it could not store.
 * Trees read as JSON (database/json-tree.ts) carry timestamps already written by SQL in
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
