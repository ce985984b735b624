import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Texts kept: one per table, row count and pattern of values left to the database, which a desk repeats. */
const MAX_TEXTS = 500;

/** TypeORM's INSERT text with its named placeholders, by shape (see shapeOf). */
const texts = new Map<string, string>();

/**
 * TypeORM's multi-row INSERT of `rows` (records completed as insert-new.ts completes them) as SQL and
 * values. TypeORM builds the text anew for each call, which was a third of logClaim's own time in Node;
 * the text depends only on the table, the number of rows and which values are left to the database
 * (DEFAULT on PostgreSQL), so it is built by TypeORM once per such shape and kept. The values are
 * TypeORM's too: each column's value as its driver prepares it (transformers, JSON, booleans), in the
 * order TypeORM numbers them, and the placeholders are replaced by the driver as TypeORM would. The
 * first time a shape is met, TypeORM's own values are compared with these; if they ever differed, the
 * shape would not be kept and TypeORM's statement would be used each time.
 */
export function insertStatement(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): [string, unknown[]] {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = columnReaders(manager, metadata);
  const values: Record<string, unknown> = {};
  let shape = `${metadata.tablePath} ${rows.length} `;
  let n = 0;
  for (const row of rows) {
    for (const column of columns) {
      const value = column.value(row);
      if (value === LEFT_TO_TYPEORM) return typeormStatement(manager, target, rows);
      if (value === undefined) shape += 'd';
      else {
        shape += 'v';
        values[`orm_param_${n++}`] = value;
      }
    }
  }
  const text = texts.get(shape);
  if (text) return driver.escapeQueryWithParameters(text, values) as [string, unknown[]];
  const builder = manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false);
  const built = builder.getQuery();
  if (texts.size < MAX_TEXTS && sameValues(builder.getParameters(), values)) texts.set(shape, built);
  return driver.escapeQueryWithParameters(built, builder.getParameters()) as [string, unknown[]];
}

const LEFT_TO_TYPEORM = Symbol('left to TypeORM');

/** One insertable column: how preparedValueWith reads it, with what it does for this column decided once. */
interface ColumnReader {
  column: ColumnMetadata;
  value(row: ObjectLiteral): unknown;
}

/** Per table (metadata belongs to one DataSource, so to one driver): an import reads millions of values. */
const readers = new WeakMap<EntityMetadata, ColumnReader[]>();

/**
 * Column types whose value both drivers' preparePersistentValue passes through unchanged (no transformer): the call
 * and its chain of type comparisons are skipped for them. Dates, booleans on SQLite, JSON and transformed columns
 * still go through the driver.
 */
const PASSED_THROUGH = new Set<unknown>(['varchar', 'character varying', 'text', 'int', 'integer', 'int4', 'double precision']);

function columnReaders(manager: EntityManager, metadata: EntityMetadata): ColumnReader[] {
  let found = readers.get(metadata);
  if (found) return found;
  const driver = manager.connection.driver;
  found = metadata.columns
    .filter((c) => c.isInsert && !(c.isGenerated && c.generationStrategy === 'increment'))
    .map((column) => ({ column, value: readerOf(driver, column) }));
  readers.set(metadata, found);
  return found;
}

function readerOf(driver: EntityManager['connection']['driver'], column: ColumnMetadata): (row: ObjectLiteral) => unknown {
  const generic = (row: ObjectLiteral) => preparedValueWith(driver, column, row);
  const embedded = column.embeddedMetadata;
  const relation = column.relationMetadata;
  // What getEntityValue does in general (nested embeddeds, lazy relations, referenced columns of related objects) is left to it.
  if (column.isDiscriminator || (column.referencedColumn && !relation) || (relation && (embedded || relation.isLazy || !column.referencedColumn))) return generic;
  if (embedded && (embedded.parentPropertyNames.length !== 1 || embedded.isArray)) return generic;
  const name = column.propertyName;
  const parent = embedded?.parentPropertyNames[0];
  const leftUnset = column.isVersion || column.isGenerated;
  const prepare = !column.transformer && PASSED_THROUGH.has(column.type) ? null : (value: unknown) => driver.preparePersistentValue(value, column);
  return (row) => {
    let raw: unknown;
    if (relation) {
      // A foreign key column (claimId) is read from the related object when one is set: getEntityValue's case.
      raw = row[name];
      if ((row[relation.propertyName] !== undefined && row[relation.propertyName] !== null) || (raw !== null && typeof raw === 'object')) return generic(row);
    } else if (parent === undefined) raw = row[name];
    else {
      const part = row[parent];
      raw = part ? part[name] : undefined;
    }
    if (typeof raw === 'function' || (raw === undefined && leftUnset)) return LEFT_TO_TYPEORM;
    return prepare ? prepare(raw) : raw;
  };
}

/**
 * A column's value as TypeORM's InsertQueryBuilder binds it (ColumnMetadata.getEntityValue, then the driver's
 * preparePersistentValue); undefined when it writes DEFAULT (or the column's default on SQLite).
 */
function preparedValueWith(driver: EntityManager['connection']['driver'], column: ColumnMetadata, row: ObjectLiteral): unknown {
  const raw = column.getEntityValue(row);
  // SQL expressions, generated uuids and versions left unset are written into the text by TypeORM: not a shape to keep.
  if (typeof raw === 'function' || column.isDiscriminator || (raw === undefined && (column.isVersion || column.isGenerated))) return LEFT_TO_TYPEORM;
  return driver.preparePersistentValue(raw, column);
}

function typeormStatement(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): [string, unknown[]] {
  return manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).getQueryAndParameters() as [string, unknown[]];
}

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k] || (a[k] instanceof Date && b[k] instanceof Date && (a[k] as Date).getTime() === (b[k] as Date).getTime()) || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The same rows as one PostgreSQL `INSERT ... SELECT * FROM unnest($1::type[], $2::type[], ...)`: one array per
 * column, so the statement's text depends only on the table (planned once, whatever the rows' number) and its
 * parameters are as many as the columns. The values are those insertStatement binds (preparedValue). Null when
 * the rows need something unnest cannot carry: a value left to the database (DEFAULT) or to TypeORM, or an array
 * or enum column; insertStatement's multi-row INSERT is used then.
 */
export function unnestInsertStatement(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): [string, unknown[]] | null {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const readers = columnReaders(manager, metadata);
  const columns = readers.map((r) => r.column);
  const types: string[] = [];
  for (const column of columns) {
    const type = driver.normalizeType(column);
    if (column.isArray || type === 'enum' || column.type === 'enum') return null;
    types.push(type);
  }
  const arrays: unknown[][] = columns.map(() => new Array(rows.length));
  for (let c = 0; c < columns.length; c++) {
    const read = readers[c].value;
    const array = arrays[c];
    for (let r = 0; r < rows.length; r++) {
      const value = read(rows[r]);
      if (value === LEFT_TO_TYPEORM || value === undefined) return null;
      array[r] = value;
    }
  }
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const parameters = arrays.map((values, i) => arrayParameter(values, types[i], i + 1));
  const unnest = parameters.map((p) => p.sql).join(', ');
  return [`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) SELECT * FROM unnest(${unnest})`, parameters.map((p) => p.value)];
}

/** ASCII's record separator: JSON.stringify never writes it (it escapes every control character), nor do texts in practice. */
const SEPARATOR = '\u001e';

/**
 * A column's values as parameter `$n` and the SQL that reads it as an array of `type`. Strings that array text would
 * escape (JSON, quoted words: an import's audit events alone are about 17 MB of JSON for 10,000 rows) are joined with
 * SEPARATOR and split by string_to_array instead: no escaping in Node, and a split rather than array parsing in
 * PostgreSQL. Only when every value is a non-empty string without the separator (string_to_array reads '' as no
 * element); anything else is array text (arrayText). A timestamptz column's Dates are written as ISO text first.
 */
export function arrayParameter(values: unknown[], type: string, n: number): { sql: string; value: unknown } {
  // pg writes each Date of an array in local time with its offset, one by one; the same instant as ISO text is one join.
  if (type === 'timestamp with time zone') values = values.map((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v));
  let escaped = false;
  for (const value of values) {
    if (typeof value !== 'string' || value === '' || value.includes(SEPARATOR)) return { sql: `$${n}::${type}[]`, value: arrayText(values) };
    if (!escaped && ESCAPED.test(value)) escaped = true;
  }
  if (!escaped) return { sql: `$${n}::${type}[]`, value: arrayText(values) };
  return { sql: `string_to_array($${n}::text, chr(30))::${type}[]`, value: values.join(SEPARATOR) };
}

const ESCAPED = /["\\]/;

/**
 * A column's values as the array text pg sends for an array parameter (its utils.js arrayString: every element
 * quoted, quotes and backslashes escaped, NULL unquoted), written here for the strings, numbers and booleans that
 * make up an import's columns: pg escapes each element with two regular expressions, and the text built element by
 * element was a chain of a hundred thousand pieces for the garbage collector to copy. A column with nothing to escape
 * and no null (most) is one join. Any other value (a Date) leaves the column to pg.
 */
export function arrayText(values: unknown[]): string | unknown[] {
  let plain = true;
  for (const value of values) {
    if (typeof value === 'string') {
      if (ESCAPED.test(value)) plain = false;
    } else if (typeof value !== 'number' && typeof value !== 'boolean') {
      if (value !== null && value !== undefined) return values;
      plain = false;
    }
  }
  if (plain) return values.length ? `{"${values.join('","')}"}` : '{}';
  const parts = values.map((value) =>
    value === null || value === undefined ? 'NULL' : typeof value === 'string' && ESCAPED.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${String(value)}"`,
  );
  return `{${parts.join(',')}}`;
}

/**
 * SQLite's multi-row INSERT written directly with positional placeholders, with the values insertStatement binds
 * (preparedValue). An import's batches have a new row count per table almost every time, so insertStatement's kept
 * texts rarely apply, and building TypeORM's text and then replacing its named placeholders was most of an import's
 * time in Node. Null when a value is left to the database (DEFAULT) or to TypeORM: insertStatement is used then.
 */
export function positionalInsertStatement(manager: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): [string, unknown[]] | null {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const readers = columnReaders(manager, metadata);
  const columns = readers.map((r) => r.column);
  const values: unknown[] = new Array(rows.length * columns.length);
  let n = 0;
  for (const row of rows) {
    for (const reader of readers) {
      const value = reader.value(row);
      if (value === LEFT_TO_TYPEORM || value === undefined) return null;
      values[n++] = value;
    }
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  return [`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${new Array(rows.length).fill(tuple).join(', ')}`, values];
}
