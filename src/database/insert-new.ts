import { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { refuseNullInRequiredColumns } from '../common/versioned-update';

/**
 * Inserts a record created in memory (id, timestamps and version already set). `save()` would
 * first SELECT the id to choose between INSERT and UPDATE, and `insert()` re-reads defaulted
 * columns afterwards (a SELECT per row on SQLite): round trips that bulk imports and logClaim pay
 * for nothing. Unset columns get what the database would give them, so the record in memory is
 * the row as stored. A null where the column has a default is a field the client left empty (GraphQL's
 * nullable inputs allow it): it gets the default. A null for a required column without one is refused.
 */
export async function insertNew<T extends ObjectLiteral>(manager: EntityManager, record: T): Promise<T> {
  const metadata = manager.getRepository(record.constructor).metadata;
  completeRow(metadata, record);
  await manager.createQueryBuilder().insert().into(metadata.target).values(record).updateEntity(false).execute();
  return record;
}

/** Gives a record created in memory what the database would give its unset columns (see insertNew); shared with bulk-insert.ts. */
export function completeRow<T extends ObjectLiteral>(metadata: EntityMetadata, record: T): T {
  let complete = completers.get(metadata);
  if (!complete) completers.set(metadata, (complete = completerOf(metadata)));
  complete(record as Record<string, unknown>);
  return record;
}

/** completeRow's work for one table, its columns sorted out once: an import completes hundreds of thousands of rows. */
const completers = new WeakMap<EntityMetadata, (row: Record<string, unknown>) => void>();

function completerOf(metadata: EntityMetadata): (row: Record<string, unknown>) => void {
  // Embedded columns (a claim's place) are left as they are.
  const own = metadata.columns.filter((c) => !c.embeddedMetadata);
  const defaulted = new Set(own.filter((c) => !c.isNullable && c.default !== undefined).map((c) => c.propertyName));
  const fills: Array<[string, unknown]> = [];
  for (const column of own) {
    if (column.isVersion) fills.push([column.propertyName, 1]);
    else if (column.default !== undefined && typeof column.default !== 'function') fills.push([column.propertyName, column.default]);
    else if (column.isNullable) fills.push([column.propertyName, null]);
  }
  const required = new Set(metadata.columns.filter((c) => !c.isNullable).map((c) => c.propertyPath));
  return (row) => {
    // A null where the column has a default is a field left empty: it gets the default.
    for (const name of defaulted) if (row[name] === null) row[name] = undefined;
    for (const [name, value] of fills) if (row[name] === undefined) row[name] = value;
    for (const key of Object.keys(row)) {
      if (row[key] === null && required.has(key)) refuseNullInRequiredColumns(metadata.columns, row);
    }
  };
}
