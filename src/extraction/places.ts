import { gazetteerPlaces } from './gazetteer';
import { escapeRegExp } from './normalize';
import type { SuggestedPlace } from './suggestion';

// Longest first so "Gaza City" beats "Gaza" and "Deir el-Zour" is kept whole.
const GAZETTEER_PATTERN = new RegExp(
  `(?<![\\w-])(?:${[...gazetteerPlaces].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w-])`,
);

const NOT_PLACES = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'The', 'A', 'An', 'His', 'Her', 'Their',
]);
const CAPITALISED_AFTER_PREPOSITION = /\b(?:in|near|at|outside|around)\s+((?:[A-Z][\w'\u2019-]+)(?:\s+(?:(?:el|al|ad|as|ar|ash)-)?[A-Z][\w'\u2019-]+){0,3})/g;

/** First place named in the text: a gazetteer name, else a capitalised name after "in", "near" or "at". */
export function findPlace(text: string, offset: number): SuggestedPlace | null {
  const known = GAZETTEER_PATTERN.exec(text);
  if (known) return { name: known[0], span: { start: offset + known.index, end: offset + known.index + known[0].length } };
  CAPITALISED_AFTER_PREPOSITION.lastIndex = 0;
  for (let match = CAPITALISED_AFTER_PREPOSITION.exec(text); match; match = CAPITALISED_AFTER_PREPOSITION.exec(text)) {
    const name = match[1];
    if (NOT_PLACES.has(name.split(/\s+/)[0])) continue;
    const start = offset + match.index + match[0].length - name.length;
    return { name, span: { start, end: start + name.length } };
  }
  return null;
}
