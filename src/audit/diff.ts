import { FieldChange } from './audit-event.entity';

/** Bookkeeping columns that change with every write and say nothing about what was edited. */
const IGNORED = new Set(['updatedAt', 'version', 'createdAt']);

/** Flattens a record to comparable scalar fields: embedded objects become "place.name", dates ISO strings. */
export function flatten(record: object | null | undefined, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!record) return out;
  for (const [key, value] of Object.entries(record)) {
    if (IGNORED.has(key) && !prefix) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (value instanceof Date) out[name] = value.toISOString();
    else if (Array.isArray(value)) out[name] = value;
    else if (value !== null && typeof value === 'object') Object.assign(out, flatten(value, name));
    else if (typeof value !== 'function') out[name] = value ?? null;
  }
  return out;
}

/** Per-field before/after; a creation has only "after", a deletion only what changed to mark it. */
export function diffRecords(before: object | null, after: object | null): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields
    .filter((field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/**
 * diffRecords(null, record), without comparing each field's JSON with null's: a creation records every field that
 * has a value. An import writes tens of thousands of CREATE events, and the comparison (two JSON texts per field) was
 * most of their cost. What JSON writes as null (null, NaN, the infinities) is left out, as the comparison leaves it.
 */
export function createdFields(record: object): FieldChange[] {
  const flat = flatten(record);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(flat).sort()) {
    const value = flat[field];
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
    changes.push({ field, before: null, after: value });
  }
  return changes;
}
