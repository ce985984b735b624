import { Column } from 'typeorm';
import { REFERENCE_ENTRIES, ReferenceFilters, ReferenceIdInputs, ReferenceIds, declareReferenceColumns, idPropertyOf } from './declared-references';

/**
 * The typed-in plain columns of Claim, each declared once, here. Everything else follows from an entry:
 * - the entity's column (declareEntityColumns, claim.entity.ts), nullable, and the TypeScript property (DeclaredValues);
 * - the API's field on Claim, the input field with its rules on logClaim, createClaim, updateClaim and acceptSuggestion
 *   (declared-fields.ts), which create and update write with no line in the services (claim-input-columns.ts);
 * - with `filter`, a field of the claims filter, which the export's query string and the CLI share (claim-filter.ts);
 * - with `exportAs`, a column of the full export, appended after the columns already published
 *   (exports/export-columns.ts), and read back by the import (imports/import-row.ts);
 * - the read paths read it as any column of the entity, and the tests seed it from its kind (test/factories).
 *
 * Columns that are derived (sourcing, the counts), shaped (tags, place, event time), required (statement) or
 * indexed for a filter of their own (status, externalId) stay written out in claim.entity.ts.
 * A new entry needs its migration (scripts/generate-migration.sh). Append entries: the export's columns follow their order.
 */
export const DECLARED_COLUMNS = {
  hedge: {
    kind: 'text',
    max: 200,
    description: 'The hedge as written ("may have", "reportedly").',
    exportAs: 'hedge',
  },
  summary: {
    kind: 'text',
    max: 280,
    oneLine: true,
    description: 'The reporter\'s one-line summary of the claim, in their own words.',
    exportAs: 'summary',
    filter: { match: 'contains', description: 'Words in the summary, each anywhere in it, in any order (case-insensitive).' },
  },
} as const satisfies Record<string, DeclaredColumn>;

interface DeclaredBase {
  /** The API field's and the input's description, and the export column's doc. */
  description: string;
  /** The export column's name: a published contract, so never renamed. The import reads the column back. */
  exportAs?: string;
}

/** What a `oneLine` text may hold: no line or paragraph break (the input's rule and the import's fast path share it). */
export const ONE_LINE = /^[^\r\n\u2028\u2029]*$/;

/** A filter on a text column: `contains`, every word given, anywhere in it and in any order (case-insensitive); `equals`, the whole value. */
export type TextMatch = 'contains' | 'equals';

export type DeclaredColumn =
  | (DeclaredBase & { kind: 'text'; max: number; /** Refuse line breaks (a one-line summary). */ oneLine?: boolean; filter?: { match: TextMatch; description: string } })
  | (DeclaredBase & { kind: 'integer' | 'boolean'; filter?: { match: 'equals'; description: string } });

export type DeclaredKind = DeclaredColumn['kind'];

type Table = typeof DECLARED_COLUMNS;
export type DeclaredColumnName = keyof Table;
type ValueOf<D> = D extends { kind: 'text' } ? string : D extends { kind: 'integer' } ? number : D extends { kind: 'boolean' } ? boolean : never;

/** The declared columns and references' ids as properties of the entity and of the API's Claim (merged into both classes). */
export type DeclaredValues = { [K in DeclaredColumnName]: ValueOf<Table[K]> | null } & ReferenceIds;
/** As input properties: absent leaves a column as it is on update. */
export type DeclaredInputs = { [K in DeclaredColumnName]?: ValueOf<Table[K]> | null } & ReferenceIdInputs;
/** The claims filter's declared fields, under the columns' names (a reference's under its id's). */
export type DeclaredFilters = { [K in DeclaredColumnName as Table[K] extends { filter: object } ? K : never]?: ValueOf<Table[K]> } & ReferenceFilters;

/** The table's entries, in declaration order. */
export const DECLARED_ENTRIES = Object.entries(DECLARED_COLUMNS) as Array<[DeclaredColumnName, DeclaredColumn]>;

/** The constructor TypeScript's emitted design type would name: class-transformer and the filter's text readers use it. */
export function designTypeOf(column: DeclaredColumn): Function {
  return column.kind === 'text' ? String : column.kind === 'integer' ? Number : Boolean;
}

/** Each declared column, and each declared reference's id (declared-references.ts), as a TypeORM column of `target` (Claim). */
export function declareEntityColumns(target: Function): void {
  declareReferenceColumns(target);
  for (const [name, column] of DECLARED_ENTRIES) {
    Reflect.defineMetadata('design:type', designTypeOf(column), target.prototype, name);
    const type = column.kind === 'text' ? { type: 'varchar' as const, length: column.max } : { type: column.kind === 'integer' ? ('int' as const) : ('boolean' as const) };
    Column({ ...type, nullable: true })(target.prototype, name);
  }
}

/**
 * The declared filters' conditions on the claim alias `c`, for a query builder's andWhere. `columnOf` gives a
 * property's column name. `contains` compares lower() with lower() in the database, so both sides fold case alike
 * (SQLite folds ASCII letters only; PostgreSQL folds every letter).
 */
export function declaredFilterConditions(filter: DeclaredFilters, columnOf: (property: string) => string): Array<[string, Record<string, unknown>]> {
  const conditions: Array<[string, Record<string, unknown>]> = [];
  for (const [name, column] of DECLARED_ENTRIES) {
    const value = (filter as Record<string, unknown>)[name];
    if (value === undefined || value === null || !column.filter) continue;
    const param = `declared_${name}`;
    if (column.filter.match === 'contains') {
      // Every word, in any order, as the desk's "Words in summary" and the `search` filter read what is typed.
      String(value).trim().split(/\s+/).forEach((word, i) => {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push([`lower(c.${columnOf(name)}) LIKE lower(:${param}_${i}) ESCAPE '\\'`, { [`${param}_${i}`]: pattern }]);
      });
    } else {
      conditions.push([`c.${columnOf(name)} = :${param}`, { [param]: value }]);
    }
  }
  // A reference's filter: the claims that refer to that record.
  for (const [name, reference] of REFERENCE_ENTRIES) {
    const property = idPropertyOf(name);
    const value = (filter as Record<string, unknown>)[property];
    if (value === undefined || value === null || !reference.filter) continue;
    conditions.push([`c.${columnOf(property)} = :declared_${property}`, { [`declared_${property}`]: value }]);
  }
  return conditions;
}
