/**
 * The one rule for times a client sends (GraphQL DateTime, import cells, export filters):
 *
 * - a date-time is ISO 8601 with a zone: `2019-02-18T12:00:00Z`, `2019-02-18T14:00+02:00`
 *   (seconds and fractions optional); a time without a zone is refused, because it would be read
 *   in the server's own time zone;
 * - a date alone, `2019-02-18`, means midnight UTC at the start of that day;
 * - every part must exist on the calendar: 2019-02-30 or 24:00 is refused, never rolled over;
 * - years 1 to 9999, which both databases store and print the same way (PostgreSQL's to_char and
 *   SQLite's strftime write four-digit years, and TypeORM's SQLite format has no room for a fifth).
 */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const GENERAL = `must be an ISO 8601 date-time with a time zone between the years ${FIRST_YEAR} and ${LAST_YEAR}, such as 2019-02-18T12:00:00Z, or a date such as 2019-02-18 (midnight UTC)`;

/** The time `value` stands for, or why it stands for none. */
export function readDateTime(value: unknown): { date: Date } | { problem: string } {
  const match = typeof value === 'string' ? FORMAT.exec(value) : null;
  if (!match) return { problem: GENERAL };
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (h !== undefined && zone === undefined) return { problem: `needs a time zone (Z or an offset such as +02:00): ${GENERAL}` };
  if (year < FIRST_YEAR) return { problem: GENERAL };
  if (month < 1 || month > 12) return { problem: `has no month ${mo}: ${GENERAL}` };
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (day < 1 || day > days) return { problem: `is not a real date: ${y}-${mo} has ${days} days` };
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return { problem: `is not a real time of day: ${GENERAL}` };
  if (zone && zone.toUpperCase() !== 'Z') {
    const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    if (zh > 23 || zm > 59) return { problem: `has no time zone ${zone}: ${GENERAL}` };
  }
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  let time = Date.UTC(year, month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  // Date.UTC reads years 0-99 as 1900-1999.
  if (year < 100) time = new Date(time).setUTCFullYear(year);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  }
  const date = new Date(time);
  const utcYear = date.getUTCFullYear();
  if (utcYear < FIRST_YEAR || utcYear > LAST_YEAR) return { problem: GENERAL };
  return { date };
}

/** As readDateTime, throwing the problem (GraphQL's scalar coercion turns it into BAD_USER_INPUT naming the field). */
export function parseDateTime(value: unknown): Date {
  const result = readDateTime(value);
  if ('problem' in result) throw new TypeError(result.problem);
  return result.date;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
