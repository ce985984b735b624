import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError } from './errors';

interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
}

/**
 * Optimistic concurrency: the UPDATE only matches the version that was read, so of two
 * writers starting from the same version exactly one wins, on SQLite and PostgreSQL alike.
 * Returns the row as it was before and after.
 */
export async function versionedUpdate<T extends Versioned>(
  manager: EntityManager,
  target: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number | undefined,
  patch: Partial<T>,
): Promise<{ before: T; after: T }> {
  const repo = manager.getRepository(target);
  refuseNullInRequiredColumns(repo.metadata.columns, patch);
  // Deleted rows are found too: restoring one is an update. Callers refuse edits of deleted rows themselves.
  const before = await repo.findOne({ where: { id } as never, withDeleted: true });
  if (!before) throw new NotFoundError(typeName, id);
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw staleVersion(typeName, id, before.version);
  }
  const result = await repo
    .createQueryBuilder()
    .update()
    .set({ ...patch, updatedAt: new Date(), version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id, version: before.version })
    .execute();
  if (!result.affected) {
    const current = await repo.findOne({ where: { id } as never, withDeleted: true });
    throw staleVersion(typeName, id, current?.version ?? before.version + 1);
  }
  const after = (await repo.findOne({ where: { id } as never, withDeleted: true })) as T;
  return { before, after };
}

/**
 * An update may leave a field out, but it cannot clear one the table requires: refused from the
 * entity's own column definitions, so every update and insert of every record follows the one rule.
 */
export function refuseNullInRequiredColumns(columns: ReadonlyArray<{ propertyPath: string; isNullable: boolean }>, patch: object): void {
  const cleared = Object.entries(patch).filter(([, value]) => value === null).map(([key]) => key);
  const required = cleared.filter((key) => columns.some((c) => c.propertyPath === key && !c.isNullable));
  if (required.length) {
    throw new BadInputError(required.map((field) => ({ field, message: 'is required and cannot be null; leave it out to keep the current value' })));
  }
}

export function staleVersion(typeName: string, id: string, currentVersion: number): ConflictError {
  return new ConflictError(`${typeName} ${id} was changed by someone else: it is now at version ${currentVersion}`, {
    type: typeName,
    id,
    currentVersion,
  });
}

/** Only the fields a client actually sent: an omitted field is left alone, an explicit null clears it. */
export function pickDefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
