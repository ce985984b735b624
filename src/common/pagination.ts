import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

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
  @MaxLength(500)
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
  @MaxLength(500)
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

/** Keyset cursors: opaque to clients, but plain JSON inside so any sort key can be carried. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What each position of a cursor holds: `text` a string (an id or a sort key), `time` epoch
 * milliseconds or null. A cursor is client input; anything else in it is refused here, before SQL.
 */
export type CursorPart = 'text' | 'time';

/** The largest epoch milliseconds a JavaScript Date holds (±100,000,000 days). */
const MAX_TIME_MS = 8.64e15;

const FITS: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  time: (value) => value === null || (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME_MS),
};

export function decodeCursor(cursor: string, shape: CursorPart[], field: 'after' | 'before' = 'after'): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && shape.every((part, i) => FITS[part](values[i]))) return values;
  } catch {
    /* fall through to the error below */
  }
  throw BadInputError.field(field, 'is not a cursor this list produced');
}

/** How many rows a page asks for, whichever way it goes (the query-cost estimate uses it too). */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  return args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
}
