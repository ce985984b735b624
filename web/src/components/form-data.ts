/** Reading an edit form's FormData into API input, and sending only what the editor changed. */

/** Trimmed text, or null for an emptied field (null clears it on the server). */
export function textOf(f: FormData, name: string): string | null {
  const v = String(f.get(name) ?? '').trim();
  return v === '' ? null : v;
}

export function numberOf(f: FormData, name: string): number | null {
  const v = textOf(f, name);
  return v === null ? null : Number(v);
}

/** One item a line: conditions, aliases (which may hold commas). */
export function linesOf(f: FormData, name: string): string[] {
  return String(f.get(name) ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The fields of `next` whose value differs from `before`'s: an unchanged field is not sent, so not rewritten. */
export function changed<T extends Record<string, unknown>>(before: T, next: T): Partial<T> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k]))) as Partial<T>;
}

/** The BAD_USER_INPUT message for a field, or for any part of it ("conditions.2" beside the conditions). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inner = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return inner && `${inner.slice(path.length + 1)}: ${errors[inner]}`;
}

/** A time as an edit form shows it: the API's ISO value without the milliseconds it never has. */
export const iso = (v: string | null | undefined): string => (v ? v.replace('.000Z', 'Z') : '');
