import { EntityManager, ObjectLiteral } from 'typeorm';

/**
 * Inserts a record created in memory (id, timestamps and version already set). `save()` would
 * first SELECT the id to choose between INSERT and UPDATE, and re-read defaults afterwards: two
 * extra round trips per row that bulk imports and logClaim pay for nothing.
 */
export async function insertNew<T extends ObjectLiteral>(manager: EntityManager, record: T): Promise<T> {
  if ('version' in record || manager.getRepository(record.constructor).metadata.versionColumn) {
    (record as { version?: number }).version ??= 1;
  }
  await manager.insert(record.constructor, record);
  return record;
}
