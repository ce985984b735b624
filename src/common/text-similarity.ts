import { foldKey } from './text';

/** Words that say nothing about which event a statement is about. */
const STOPWORDS = new Set(
  'a an the of in on at to for by and or but with from as that this these those was were is are be been has have had it its their his her they he she who which when said says say told according reported citing cited quoted saying also after during'.split(' '),
);

/** A statement folded as matching reads it: thousands separators out of numbers, then foldKey. */
export function foldStatement(statement: string): string {
  return foldKey(statement.replace(/(\d),(?=\d{3}\b)/g, '$1'));
}

/** The content words of a folded statement: stopwords out. */
export function wordsOfFolded(folded: string): string[] {
  return folded.split(' ').filter((w) => w && !STOPWORDS.has(w));
}

/** Content words of a statement: folded, numbers without thousands separators, stopwords out. */
export function contentWords(statement: string): string[] {
  return wordsOfFolded(foldStatement(statement));
}

/** Trigrams of each word padded as PostgreSQL's pg_trgm pads them, so both databases' candidates are scored alike. */
export function trigrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** The last first argument's trigrams: wire-copy grouping compares one body with several others in turn. */
let last: { text: string; grams: Set<string> } | null = null;

function subjectTrigrams(text: string): Set<string> {
  if (last?.text !== text) last = { text, grams: trigrams(contentWords(text)) };
  return last.grams;
}

/**
 * Text similarity in [0, 1]: the mean of trigram Jaccard and containment (the shared share of the
 * smaller set), so that a headline wholly inside a longer report still scores high.
 */
export function textSimilarity(a: string, b: string): number {
  return trigramSimilarity(subjectTrigrams(a), trigrams(contentWords(b)));
}

/** textSimilarity of two statements' trigram sets, for callers that compare one statement with many. */
export function trigramSimilarity(ga: Set<string>, gb: Set<string>): number {
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  for (const g of small) if (large.has(g)) shared++;
  const jaccard = shared / (ga.size + gb.size - shared);
  const containment = shared / Math.min(ga.size, gb.size);
  return (jaccard + containment) / 2;
}
