import * as chrono from 'chrono-node';
import { parseNumber } from './quantities';
import type { Span, SuggestedTime, TimePrecision } from './suggestion';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const MONTH = `(${MONTHS.join('|')}|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)`;
const COUNT = `(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-eight|seventy-two)`;
const UNIT = `(hours?|days?|weeks?|months?|years?)`;

function dayStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function addUnits(date: Date, unit: string, amount: number): Date {
  const result = new Date(date.getTime());
  if (unit.startsWith('hour')) result.setTime(result.getTime() + amount * 3_600_000);
  else if (unit.startsWith('day')) result.setTime(result.getTime() + amount * DAY_MS);
  else if (unit.startsWith('week')) result.setTime(result.getTime() + amount * 7 * DAY_MS);
  else if (unit.startsWith('month')) result.setUTCMonth(result.getUTCMonth() + amount);
  else result.setUTCFullYear(result.getUTCFullYear() + amount);
  return result;
}

function precisionOfUnit(unit: string): TimePrecision {
  if (unit.startsWith('hour')) return 'EXACT';
  if (unit.startsWith('day')) return 'DAY';
  if (unit.startsWith('week')) return 'WEEK';
  if (unit.startsWith('month')) return 'MONTH';
  return 'YEAR';
}

/**
 * Past-tense copy names the most recent such day: "said Monday" in a Monday story is today, in a
 * Tuesday story yesterday. chrono-node looks forward instead, so weekdays are resolved here.
 */
const FUTURE_BEFORE = /\b(?:will|would|could|shall|as\s+early\s+as|due|scheduled|expected|planned|set)\b[^,.;]*$/i;

/** The first such weekday on or after publication, for future-tense copy ("talks will resume Monday"). */
export function earliestWeekdayOnOrAfter(reference: Date, weekdayName: string): Date {
  const target = WEEKDAYS.findIndex((name) => name.toLowerCase() === weekdayName.toLowerCase());
  const day = dayStart(reference);
  return addDays(day, (target - day.getUTCDay() + 7) % 7);
}

export function latestWeekdayOnOrBefore(reference: Date, weekdayName: string): Date {
  const target = WEEKDAYS.findIndex((name) => name.toLowerCase() === weekdayName.toLowerCase());
  const today = dayStart(reference);
  const back = (today.getUTCDay() - target + 7) % 7;
  return addDays(today, -back);
}

function weekStart(date: Date): Date {
  const today = dayStart(date);
  return addDays(today, -((today.getUTCDay() + 6) % 7));
}

function monthIndex(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((month) => month.slice(0, 3).toLowerCase() === prefix);
}

/** The latest occurrence of a month (and optional day) that does not lie after publication. */
function latestMonthOnOrBefore(reference: Date, month: number, day?: number, year?: number): Date {
  if (year !== undefined) return new Date(Date.UTC(year, month, day ?? 1));
  let candidate = new Date(Date.UTC(reference.getUTCFullYear(), month, day ?? 1));
  if (candidate.getTime() > reference.getTime()) candidate = new Date(Date.UTC(reference.getUTCFullYear() - 1, month, day ?? 1));
  return candidate;
}

function countValue(word: string): number {
  if (word === 'a' || word === 'an') return 1;
  if (word === 'forty-eight') return 48;
  if (word === 'seventy-two') return 72;
  return parseNumber(word) ?? Number(word);
}

interface Resolved {
  start: Date;
  end: Date;
  precision: TimePrecision;
}

interface TimeRule {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, publishedAt: Date) => Resolved | null;
}

const dayOf = (start: Date): Resolved => ({ start, end: addDays(start, 1), precision: 'DAY' });

const RULES: TimeRule[] = [
  {
    // "extended for five more days as of Sunday": a window that runs forward from its reference day.
    pattern: new RegExp(`\\bfor\\s+(?:another\\s+|an\\s+additional\\s+)?${COUNT}\\s+(?:more\\s+|additional\\s+|extra\\s+)?${UNIT}(?:\\s+(?:as of|from|starting(?: on)?|beginning(?: on)?)\\s+(?:${WEEKDAY}|(today|yesterday)))?`, 'gi'),
    resolve: (match, publishedAt) => {
      const phrase = match[0].toLowerCase();
      const forward = /another|additional|more|extra/.test(phrase) || match[3] !== undefined || match[4] !== undefined;
      if (!forward) return null;
      let reference = publishedAt;
      if (match[3]) reference = latestWeekdayOnOrBefore(publishedAt, match[3]);
      else if (match[4]?.toLowerCase() === 'yesterday') reference = addDays(dayStart(publishedAt), -1);
      else if (match[4]) reference = dayStart(publishedAt);
      const amount = countValue(match[1].toLowerCase());
      return { start: reference, end: addUnits(reference, match[2].toLowerCase(), amount), precision: precisionOfUnit(match[2].toLowerCase()) };
    },
  },
  {
    // "in the past six months", "over the past 24 hours": a window that ends at publication.
    pattern: new RegExp(`\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:past|last|previous)\\s+(?:${COUNT}\\s+)?${UNIT}`, 'gi'),
    resolve: (match, publishedAt) => {
      const unit = match[2].toLowerCase();
      const amount = match[1] ? countValue(match[1].toLowerCase()) : 1;
      return { start: addUnits(publishedAt, unit, -amount), end: new Date(publishedAt.getTime()), precision: precisionOfUnit(unit) };
    },
  },
  {
    pattern: new RegExp(`\\b${COUNT}\\s+${UNIT}\\s+ago\\b`, 'gi'),
    resolve: (match, publishedAt) => {
      const unit = match[2].toLowerCase();
      const when = addUnits(publishedAt, unit, -countValue(match[1].toLowerCase()));
      return unit.startsWith('hour') ? { start: when, end: when, precision: 'EXACT' } : dayOf(dayStart(when));
    },
  },
  {
    pattern: new RegExp(`\\bsince\\s+(?:${WEEKDAY}|${MONTH}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?|(\\d{4})\\b)`, 'g'),
    resolve: (match, publishedAt) => {
      const end = new Date(publishedAt.getTime());
      if (match[1]) return { start: latestWeekdayOnOrBefore(publishedAt, match[1]), end, precision: 'DAY' };
      if (match[2]) {
        const day = match[3] ? Number(match[3]) : undefined;
        const year = match[4] ? Number(match[4]) : undefined;
        return { start: latestMonthOnOrBefore(publishedAt, monthIndex(match[2]), day, year), end, precision: day ? 'DAY' : 'MONTH' };
      }
      return { start: new Date(Date.UTC(Number(match[5]), 0, 1)), end, precision: 'YEAR' };
    },
  },
  {
    pattern: new RegExp(`\\b(?:on\\s+)?${WEEKDAY}\\s+and\\s+${WEEKDAY}\\b`, 'g'),
    resolve: (match, publishedAt) => {
      const first = latestWeekdayOnOrBefore(publishedAt, match[1]);
      let second = latestWeekdayOnOrBefore(publishedAt, match[2]);
      if (second.getTime() < first.getTime()) second = addDays(second, 7);
      return { start: first, end: addDays(second, 1), precision: 'DAY' };
    },
  },
  {
    pattern: new RegExp(`\\b(?:(?:late|early|on|last|this|past)\\s+)*${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'gi'),
    resolve: (match, publishedAt) => {
      if (!/^[A-Z]/.test(match[1])) return null;
      // "the cabinet would vote on Thursday", "could start as early as Friday": future copy looks forward.
      if (FUTURE_BEFORE.test(match.input.slice(0, match.index))) return dayOf(earliestWeekdayOnOrAfter(publishedAt, match[1]));
      return dayOf(latestWeekdayOnOrBefore(publishedAt, match[1]));
    },
  },
  {
    pattern: /\b(?:(?:earlier|later)\s+)?(yesterday|today|tonight|last night)\b/gi,
    resolve: (match, publishedAt) => {
      const today = dayStart(publishedAt);
      return dayOf(/yesterday|last night/i.test(match[1]) ? addDays(today, -1) : today);
    },
  },
  {
    pattern: /\b(?:(?:over|at|during|on)\s+the\s+weekend|(?:this|last)\s+(?:past\s+)?weekend)\b/gi,
    resolve: (_match, publishedAt) => {
      const saturday = latestWeekdayOnOrBefore(addDays(publishedAt, -1), 'Saturday');
      return { start: saturday, end: addDays(saturday, 2), precision: 'DAY' };
    },
  },
  {
    pattern: /\b(last|this|earlier this|later this|past|previous|next|the coming)\s+(week|month|year)\b/gi,
    resolve: (match, publishedAt) => {
      const step = /^(last|past|previous)$/i.test(match[1]) ? -1 : /^(next|the coming)$/i.test(match[1]) ? 1 : 0;
      const unit = match[2].toLowerCase();
      if (unit === 'week') {
        const start = addDays(weekStart(publishedAt), 7 * step);
        return { start, end: addDays(start, 7), precision: 'WEEK' };
      }
      if (unit === 'month') {
        const start = new Date(Date.UTC(publishedAt.getUTCFullYear(), publishedAt.getUTCMonth() + step, 1));
        return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)), precision: 'MONTH' };
      }
      const year = publishedAt.getUTCFullYear() + step;
      return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)), precision: 'YEAR' };
    },
  },
  {
    // Calendar dates are handed to chrono-node, then pulled back a year if they would lie in the future.
    pattern: new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)\\b`, 'g'),
    resolve: (match, publishedAt) => {
      const parsed = chrono.parse(match[0], publishedAt)[0];
      if (!parsed) return null;
      const components = parsed.start;
      const year = components.isCertain('year') ? components.get('year') ?? undefined : undefined;
      const start = latestMonthOnOrBefore(publishedAt, (components.get('month') ?? 1) - 1, components.get('day') ?? 1, year);
      return dayOf(start);
    },
  },
  {
    pattern: new RegExp(`\\b(?:in|during|by|until|from)\\s+(?:early\\s+|late\\s+|mid-)?${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'),
    resolve: (match, publishedAt) => {
      const start = latestMonthOnOrBefore(publishedAt, monthIndex(match[1]), undefined, match[2] ? Number(match[2]) : undefined);
      return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)), precision: 'MONTH' };
    },
  },
  {
    pattern: /\b(?:in|during)\s+(1[89]\d\d|20\d\d)\b/g,
    resolve: (match) => {
      const year = Number(match[1]);
      return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)), precision: 'YEAR' };
    },
  },
];

function overlaps(span: Span, taken: Span[]): boolean {
  return taken.some((other) => other.start < span.end && span.start < other.end);
}

/** Time expressions in a piece of text, in reading order, resolved against the publication time. */
export function findTimes(text: string, offset: number, publishedAt: Date): SuggestedTime[] {
  const found: SuggestedTime[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const span = { start: offset + match.index, end: offset + match.index + match[0].length };
      if (overlaps(span, found.map((time) => time.span))) continue;
      const resolved = rule.resolve(match, publishedAt);
      if (!resolved) continue;
      found.push({ text: match[0], span, start: resolved.start.toISOString(), end: resolved.end.toISOString(), precision: resolved.precision });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
