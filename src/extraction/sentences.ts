import { isBoilerplateLine } from './boilerplate';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Position among the kept sentences, used to limit how far back pronouns may reach. */
  index: number;
}

// Titles and abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'brig', 'col', 'lt', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'gov', 'sen', 'rep',
  'st', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'inc', 'corp', 'co',
  'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'approx', 'est', 'jr', 'sr', 'prof', 'rev', 'mt', 'ft',
]);

const OPENING_QUOTES = new Set(['"', '\u201c']);
const CLOSING_QUOTES = new Set(['"', '\u201d']);

function endsWithAbbreviation(text: string): boolean {
  const match = /([A-Za-z.]+)\.$/.exec(text);
  if (!match) return false;
  const word = match[1].toLowerCase();
  // A lone capital initial ("John F.") rarely ends a sentence in wire copy.
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

/** Splits one line into sentences, never inside an open quotation. */
function splitLine(line: string, lineStart: number, into: Sentence[]): void {
  let sentenceStart = 0;
  let insideQuote = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') insideQuote = !insideQuote;
    else if (char === '\u201c') insideQuote = true;
    else if (char === '\u201d') insideQuote = false;
    if (char !== '.' && char !== '!' && char !== '?') continue;
    let end = i + 1;
    while (end < line.length && (CLOSING_QUOTES.has(line[end]) || line[end] === ')' || line[end] === '\u2019')) {
      if (line[end] === '"') insideQuote = false;
      end++;
    }
    if (insideQuote) continue;
    if (end < line.length && !/\s/.test(line[end])) continue;
    const rest = line.slice(end).trimStart();
    if (rest !== '' && !/^[A-Z0-9(]/.test(rest) && !OPENING_QUOTES.has(rest[0])) continue;
    if (char === '.' && endsWithAbbreviation(line.slice(sentenceStart, i + 1))) continue;
    pushSentence(line, lineStart, sentenceStart, end, into);
    sentenceStart = end;
  }
  pushSentence(line, lineStart, sentenceStart, line.length, into);
}

function pushSentence(line: string, lineStart: number, from: number, to: number, into: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  if (end <= start) return;
  into.push({ text: line.slice(start, end), start: lineStart + start, end: lineStart + end, index: into.length });
}

/** Sentences of the article body, in order, with offsets into the original text; boilerplate lines are skipped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const linePattern = /[^\n]+/g;
  for (let match = linePattern.exec(text); match; match = linePattern.exec(text)) {
    if (isBoilerplateLine(match[0])) continue;
    splitLine(match[0], match.index, sentences);
  }
  return sentences;
}
