import { getMetadataStorage } from 'class-validator';
import { ClaimFilterInput } from './dto/claim-filter.input';

/** How a filter value written as text (a query string, a command-line option) becomes the typed value. */
export type FilterValueKind = 'text' | 'integer' | 'boolean' | 'datetime';

/**
 * The claims filter's fields and the kind of each, read from ClaimFilterInput itself (its validated
 * properties and their TypeScript types): the GraphQL input is the one declaration, and the HTTP
 * query string and the CLI options are derived from it, so a new filter reaches all three.
 */
export function filterFieldsOf(target: Function): ReadonlyMap<string, FilterValueKind> {
  const names = new Set(getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).map((m) => m.propertyName));
  const fields = new Map<string, FilterValueKind>();
  for (const name of names) {
    const type = Reflect.getMetadata('design:type', target.prototype, name);
    fields.set(name, type === Number ? 'integer' : type === Boolean ? 'boolean' : type === Date ? 'datetime' : 'text');
  }
  return fields;
}

export const CLAIM_FILTER_FIELDS = filterFieldsOf(ClaimFilterInput);

/**
 * Text to the filter's own type, where the text is unambiguous; anything else is passed on unchanged
 * so that the validator refuses it with the field's own message ("minIndependentSources must be an
 * integer number"), never silently reads it as something else.
 */
export function fromText(kind: FilterValueKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (kind) {
    case 'integer':
      return /^-?\d{1,15}$/.test(value.trim()) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}
