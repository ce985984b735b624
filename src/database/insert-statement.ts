import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
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
  const columns = metadata.columns.filter((c) => c.isInsert && !(c.isGenerated && c.generationStrategy === 'increment'));
  const values: Record<string, unknown> = {};
  let shape = `${metadata.tablePath} ${rows.length} `;
  let n = 0;
  for (const row of rows) {
    for (const column of columns) {
      const value = preparedValue(manager, column, row);
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

/** A column's value as TypeORM's InsertQueryBuilder binds it; undefined when it writes DEFAULT (or the column's default on SQLite). */
function preparedValue(manager: EntityManager, column: ColumnMetadata, row: ObjectLiteral): unknown {
  const raw = column.getEntityValue(row);
  // SQL expressions, generated uuids and versions left unset are written into the text by TypeORM: not a shape to keep.
  if (typeof raw === 'function' || column.isDiscriminator || (raw === undefined && (column.isVersion || column.isGenerated))) return LEFT_TO_TYPEORM;
  return manager.connection.driver.preparePersistentValue(raw, column);
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
  const columns = metadata.columns.filter((c) => c.isInsert && !(c.isGenerated && c.generationStrategy === 'increment'));
  const types: string[] = [];
  for (const column of columns) {
    const type = driver.normalizeType(column);
    if (column.isArray || type === 'enum' || column.type === 'enum') return null;
    types.push(type);
  }
  const arrays: unknown[][] = columns.map(() => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const value = preparedValue(manager, columns[c], rows[r]);
      if (value === LEFT_TO_TYPEORM || value === undefined) return null;
      arrays[c][r] = value;
    }
  }
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  return [`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) SELECT * FROM unnest(${unnest})`, arrays];
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
  const columns = metadata.columns.filter((c) => c.isInsert && !(c.isGenerated && c.generationStrategy === 'increment'));
  const values: unknown[] = new Array(rows.length * columns.length);
  let n = 0;
  for (const row of rows) {
    for (const column of columns) {
      const value = preparedValue(manager, column, row);
      if (value === LEFT_TO_TYPEORM || value === undefined) return null;
      values[n++] = value;
    }
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  return [`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${new Array(rows.length).fill(tuple).join(', ')}`, values];
}
