/** A reported figure as the source put it: "more than 300 fighters", "between 1,000 and 1,500". */
export function formatQuantity(q: {
  lower?: number | null;
  upper?: number | null;
  value?: number | null;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  approximate: boolean;
  qualifier?: string | null;
  unit?: string | null;
  currency?: string | null;
}): string {
  const n = (x: number) => (q.currency ? `${q.currency} ` : '') + x.toLocaleString();
  let figure: string;
  if (q.value != null) figure = `${q.approximate ? 'about ' : ''}${n(q.value)}`;
  else if (q.lower != null && q.upper != null) figure = `between ${n(q.lower)} and ${n(q.upper)}`;
  else if (q.lower != null) figure = `${q.lowerInclusive ? 'at least' : 'more than'} ${n(q.lower)}`;
  else if (q.upper != null) figure = `${q.upperInclusive ? 'up to' : 'fewer than'} ${n(q.upper)}`;
  else figure = '?';
  if (q.qualifier && q.value == null && !figure.startsWith(q.qualifier)) figure = `${figure} (“${q.qualifier}”)`;
  return q.unit ? `${figure} ${q.unit}` : figure;
}

export const label = (s: string) => s.replace(/_/g, ' ').toLowerCase();

/**
 * A record's id, short: its last 8 characters. claimdesk's ids are UUIDv7, whose first characters are the time they
 * were made, so records written in the same second (a claim and its article) would share a prefix.
 */
export const shortId = (id: string) => id.slice(-8);
