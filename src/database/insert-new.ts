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
  const row = record as Record<string, unknown>;
  for (const column of metadata.columns) {
    if (!column.embeddedMetadata && row[column.propertyName] === null && !column.isNullable && column.default !== undefined) row[column.propertyName] = undefined;
    if (column.embeddedMetadata || row[column.propertyName] !== undefined) continue;
    if (column.isVersion) row[column.propertyName] = 1;
    else if (column.default !== undefined && typeof column.default !== 'function') row[column.propertyName] = column.default;
    else if (column.isNullable) row[column.propertyName] = null;
  }
  refuseNullInRequiredColumns(metadata.columns, row);
  return record;
}
