import { getMetadataStorage } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Claim } from './claim.entity';
import { CreateClaimInput } from './dto/claim-fields.input';

/** Input properties that are shaped before they are stored: deduplicated, grouped into columns, or rows of their own. */
const SHAPED = new Set(['tags', 'place', 'eventTime', 'quantities']);

/**
 * The claim's columns an input sets as they are written (statement, hedge): each property CreateClaimInput
 * validates that is also a column of Claim under the same name, but the shaped ones. A new plain field declared on
 * the input and the entity (as every entry of declared-columns.ts is) is written by create and update with no line
 * in the services.
 */
export function plainInputColumns(manager: EntityManager): string[] {
  const known = worked.get(manager.connection);
  if (known) return known;
  const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(CreateClaimInput, '', true, false).map((m) => m.propertyName));
  const columns = manager.connection
    .getMetadata(Claim)
    .columns.filter((c) => !c.embeddedMetadata && declared.has(c.propertyName) && !SHAPED.has(c.propertyName))
    .map((c) => c.propertyName);
  worked.set(manager.connection, columns);
  return columns;
}

/** Worked out once per data source: an import creates claims by the hundred thousand. */
const worked = new WeakMap<object, string[]>();

/** The plain columns' values from an input: null for one left out when creating; left out (unchanged) when patching. */
export function plainInputValues(manager: EntityManager, input: object, mode: 'create' | 'patch'): Partial<Claim> {
  const values: Record<string, unknown> = {};
  for (const name of plainInputColumns(manager)) {
    const value = (input as Record<string, unknown>)[name];
    if (value !== undefined) values[name] = value;
    else if (mode === 'create') values[name] = null;
  }
  return values as Partial<Claim>;
}
