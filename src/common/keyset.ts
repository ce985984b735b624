import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from './errors';
import { CursorPart, Page, PageArgs, decodeCursor, encodeCursor, pageSize } from './pagination';

/**
 * The one keyset pager behind every connection: a list declares its order as sort keys, and this
 * file turns a page's arguments into the WHERE and ORDER BY that read it, forwards (first/after)
 * or backwards (last/before), and the rows read into a Relay page.
 */

/** One column of a list's order. The last key must be unique (the id), so that a cursor names one position. */
export interface SortKey {
  /** The SQL expression, as the list's query names it (`c.id`). */
  column: string;
  direction: 'ASC' | 'DESC';
  /** How a cursor carries the value (pagination.ts checks it before any SQL). */
  part: CursorPart;
  /** Rows without a value come after all others, whichever the direction (a claim with no event time). */
  nullsLast?: boolean;
}

/**
 * A list's order: its keys, and a name that goes into every cursor the list writes, so that a cursor is
 * read back only by the order it was made for (pagination.ts), never by another list or sort with keys
 * of the same types.
 */
export interface KeysetOrder {
  name: string;
  keys: SortKey[];
}

const ORDER_NAMES = new Set<string>();

/** Declares a list's order; each name once, since a name shared by two orders would let their cursors cross. */
export function declareOrder(name: string, keys: SortKey[]): KeysetOrder {
  if (ORDER_NAMES.has(name)) throw new Error(`The keyset order ${name} is declared twice`);
  ORDER_NAMES.add(name);
  return { name, keys };
}

/** Which way a page reads, how many rows it shows, the decoded cursor it starts from, and the order its cursors name. */
export interface PageWindow {
  size: number;
  backward: boolean;
  cursor: unknown[] | null;
  order: string;
}

/** A page's arguments read against the list's order; mixing the two directions is refused, naming the field. */
export function pageWindow(args: PageArgs, { name, keys }: KeysetOrder): PageWindow {
  if (args.first != null && args.last != null) throw BadInputError.field('last', 'cannot be used with first: page forwards with first and after, or backwards with last and before');
  if (args.after != null && args.before != null) throw BadInputError.field('before', 'cannot be used with after');
  if (args.before != null && args.first != null) throw BadInputError.field('before', 'pages backwards: use it with last, not with first');
  if (args.after != null && args.last != null) throw BadInputError.field('after', 'pages forwards: use it with first, not with last');
  const backward = args.last != null || args.before != null;
  const shape = keys.map((key) => key.part);
  const cursor = backward ? args.before && decodeCursor(args.before, name, shape, 'before') : args.after && decodeCursor(args.after, name, shape, 'after');
  return { size: pageSize(args), backward, cursor: cursor || null, order: name };
}

/** Rows beyond the cursor in the reading direction: the usual row comparison, spelled out so that it works with mixed directions and NULLs. */
export function keysetCondition(keys: SortKey[], window: PageWindow): { sql: string; parameters: Record<string, unknown> } | null {
  const cursor = window.cursor;
  if (!cursor) return null;
  const parameters: Record<string, unknown> = {};
  const ties: string[] = [];
  const branches: string[] = [];
  keys.forEach((key, i) => {
    const value = cursor[i];
    const name = `keyset${i}`;
    if (value !== null) parameters[name] = key.part === 'time' ? new Date(Number(value)) : value;
    const beyond = beyondSql(key, name, value === null, !window.backward);
    if (beyond) branches.push([...ties, beyond].join(' AND '));
    ties.push(value === null ? `${key.column} IS NULL` : `${key.column} = :${name}`);
  });
  return { sql: branches.length ? `(${branches.map((b) => `(${b})`).join(' OR ')})` : '1 = 0', parameters };
}

function beyondSql(key: SortKey, name: string, isNull: boolean, forward: boolean): string | null {
  const later = (key.direction === 'DESC') === forward ? '<' : '>';
  if (!key.nullsLast) return `${key.column} ${later} :${name}`;
  // NULLs sort after every value: nothing follows a NULL on this key, and every value precedes one.
  if (isNull) return forward ? null : `${key.column} IS NOT NULL`;
  return forward ? `(${key.column} ${later} :${name} OR ${key.column} IS NULL)` : `${key.column} ${later} :${name}`;
}

/** ORDER BY terms in reading order (reversed when paging backwards); `column` renames the keys for an outer query. */
export function keysetOrder(keys: SortKey[], backward: boolean, column: (key: SortKey) => string = (key) => key.column): [string, 'ASC' | 'DESC'][] {
  return keys.flatMap((key): [string, 'ASC' | 'DESC'][] => {
    const direction = (key.direction === 'DESC') !== backward ? 'DESC' : 'ASC';
    const sql = column(key);
    return key.nullsLast ? [[`CASE WHEN ${sql} IS NULL THEN 1 ELSE 0 END`, backward ? 'DESC' : 'ASC'], [sql, direction]] : [[sql, direction]];
  });
}

export function keysetOrderSql(keys: SortKey[], backward: boolean, column?: (key: SortKey) => string): string {
  return keysetOrder(keys, backward, column)
    .map(([sql, direction]) => `${sql} ${direction}`)
    .join(', ');
}

/** Positions and orders a query builder for the page (the caller limits it to `window.size + 1` rows). */
export function applyKeyset<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: SortKey[], window: PageWindow): SelectQueryBuilder<T> {
  const condition = keysetCondition(keys, window);
  if (condition) qb.andWhere(condition.sql, condition.parameters);
  keysetOrder(keys, window.backward).forEach(([sql, direction], i) => (i === 0 ? qb.orderBy(sql, direction) : qb.addOrderBy(sql, direction)));
  return qb;
}

/** Reads one page with a query builder: positioned, ordered, one row more than shown (it only tells whether there are more). */
export async function readKeysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  order: KeysetOrder,
  args: PageArgs,
  valuesOf: (row: T) => unknown[],
  { count = true } = {},
): Promise<Page<T>> {
  const window = pageWindow(args, order);
  // Counted before the cursor narrows the query: totalCount is the whole list's. `count: false` when nobody asked for it.
  const total = count ? await qb.clone().getCount() : 0;
  const rows = await applyKeyset(qb, order.keys, window).take(window.size + 1).getMany();
  return keysetPage(rows, window, total, valuesOf);
}

/** The Relay page from rows read in reading order, `window.size + 1` at most. */
export function keysetPage<T>(rows: T[], window: PageWindow, totalCount: number, valuesOf: (row: T) => unknown[]): Page<T> {
  const more = rows.length > window.size;
  const read = rows.slice(0, window.size);
  const nodes = window.backward ? read.reverse() : read;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(window.order, valuesOf(node)), node }));
  const fromCursor = window.cursor !== null;
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: window.backward ? fromCursor : more,
      hasPreviousPage: window.backward ? more : fromCursor,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}
