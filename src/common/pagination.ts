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

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

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

export function decodeCursor(cursor: string, shape: CursorPart[]): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && shape.every((part, i) => FITS[part](values[i]))) return values;
  } catch {
    /* fall through to the error below */
  }
  throw BadInputError.field('after', 'is not a cursor this list produced');
}

export function pageSize(first?: number): number {
  return first ?? DEFAULT_PAGE_SIZE;
}

/** Builds the page from `size + 1` fetched rows: the extra row only tells whether there is a next page. */
export function toPage<T>(rows: T[], size: number, totalCount: number, cursorOf: (row: T) => unknown[]): Page<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
