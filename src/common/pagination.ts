import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/**
 * Room for every cursor a list writes: the sources list's carries a name key of up to 300 characters,
 * which JSON and base64 can make 2,000 and more (Arabic or CJK letters take 2 to 3 bytes each).
 */
const CURSOR_MAX_LENGTH = 4096;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page: the page after it.' })
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  after?: string;

  @Field(() => Int, { nullable: true, description: `Page size when paging backwards with before, at most ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field({ nullable: true, description: 'The startCursor of a page: the page before it, in the same order.' })
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  before?: string;
}

/** Relay's PageInfo: which way there is more, and the cursors at both ends of this page. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ description: 'True when paging backwards and there are earlier rows; when paging forwards, true once past the first page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `classRef`: edges with cursors, the bare nodes, pageInfo and totalCount. */
export function Connection<T>(classRef: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => classRef)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [classRef])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as unknown as Type<Page<T>>;
}

/**
 * Keyset cursors: opaque to clients, plain JSON inside (base64url) so any sort key can be carried.
 * A cursor holds its format's version, the name of the order it was made for (`claims.newest`,
 * keyset.ts) and that order's key values: `{"v":1,"o":"claims.newest","k":["<id>"]}`.
 *
 * A cursor is client input and is checked before any SQL: it must be the exact text this server
 * writes for those values (so nothing can be added to it or spelled differently), of this version,
 * for the same order, and each value of the type its key holds. Anything else is refused as
 * BAD_USER_INPUT naming `after` or `before`, and the message repeats nothing of the cursor.
 *
 * Not signed (no HMAC), by decision: a cursor only says where a page starts within the rows the
 * caller may read anyway. The filter, the deleted-record rule and the role are applied by the list
 * itself, whatever the cursor says, so a cursor built by hand with well-typed values for the same order
 * can only start the page somewhere else in the caller's own list, as a filter on the key could. A
 * signature would add a secret every instance must share and rotate, and would turn a bookmarked
 * page into an error after each rotation, without keeping back a single row. Nor is the filter bound
 * into the cursor: a keyset position means the same in a narrower or wider view of the same order.
 */
const CURSOR_VERSION = 1;

export function encodeCursor(order: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, o: order, k: values })).toString('base64url');
}

/**
 * What each position of a cursor holds: `id` a record's id (a UUID), `text` a string (a sort key),
 * `time` epoch milliseconds or null.
 */
export type CursorPart = 'id' | 'text' | 'time';

/** The largest epoch milliseconds a JavaScript Date holds (±100,000,000 days). */
const MAX_TIME_MS = 8.64e15;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FITS: Record<CursorPart, (value: unknown) => boolean> = {
  id: (value) => typeof value === 'string' && UUID.test(value),
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  time: (value) => value === null || (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME_MS),
};

/** The key values of a cursor `encodeCursor(order, ...)` wrote for keys of `shape`; anything else is refused, naming `field`. */
export function decodeCursor(cursor: string, order: string, shape: CursorPart[], field: 'after' | 'before' = 'after'): unknown[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const values = decoded && typeof decoded === 'object' && !Array.isArray(decoded) ? (decoded as { k?: unknown }).k : undefined;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      shape.every((part, i) => FITS[part](values[i])) &&
      // The same text as this server writes for these values, of this version and this order: a cursor of
      // another list or sort, an older format, added fields or a re-spelling (padding, spaces) all differ.
      encodeCursor(order, values) === cursor
    ) {
      return values;
    }
  } catch {
    /* fall through to the error below */
  }
  throw BadInputError.field(field, 'is not a cursor this list produced: page with the startCursor or endCursor of a page of the same list and sort');
}

/** How many rows a page asks for, whichever way it goes (the query-cost estimate uses it too). */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  return args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
}
