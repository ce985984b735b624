import gazetteerData from './gazetteer.data.json';
import { escapeRegExp, foldForMatching } from './normalize';
import type { GuessedSourceKind, KnownSource } from './suggestion';

export interface GazetteerEntry {
  name: string;
  aliases: string[];
  kind: GuessedSourceKind;
}

export const gazetteerSources: GazetteerEntry[] = gazetteerData.sources as GazetteerEntry[];
export const gazetteerPlaces: string[] = gazetteerData.places;
/** Wire spellings of towns GeoNames spells otherwise: spelling → [GeoNames name, country]. */
export const gazetteerPlaceSpellings = gazetteerData.placeSpellings as unknown as Record<string, [string, string]>;

function stripArticle(text: string): string {
  return text.replace(/^the\s+/, '');
}

const entryByFoldedName = new Map<string, GazetteerEntry>();
for (const entry of gazetteerSources) {
  for (const label of [entry.name, ...entry.aliases]) {
    entryByFoldedName.set(stripArticle(foldForMatching(label)), entry);
  }
}

/** Exact lookup of a whole phrase (case-, accent- and article-insensitive). */
export function findGazetteerEntry(phrase: string): GazetteerEntry | undefined {
  return entryByFoldedName.get(stripArticle(foldForMatching(phrase.trim())));
}

interface LabelPattern {
  entry: GazetteerEntry;
  pattern: RegExp;
  length: number;
}

/*
 * Acronyms (IS, UN, AP) only count when written in capitals, otherwise "is" and "who" would match
 * ordinary words; full names match case-insensitively.
 */
function labelPattern(label: string): RegExp {
  const isAcronym = /^[A-Z0-9.]{2,6}$/.test(label);
  const body = escapeRegExp(isAcronym ? label : foldForMatching(label));
  return new RegExp(`(?<![\\w-])${body}(?![\\w-])`, isAcronym ? '' : 'i');
}

const labelPatterns: LabelPattern[] = gazetteerSources
  .flatMap((entry) => [entry.name, ...entry.aliases].map((label) => ({ entry, label })))
  .filter(({ label }) => !/^the\s/i.test(label))
  .map(({ entry, label }) => ({ entry, pattern: labelPattern(label), length: label.length }))
  .sort((a, b) => b.length - a.length);

export interface GazetteerMention {
  entry: GazetteerEntry;
  start: number;
  end: number;
}

/** The longest gazetteer name or alias mentioned inside a phrase, if any. */
export function findGazetteerMention(phrase: string): GazetteerMention | undefined {
  const folded = foldForMatching(phrase);
  for (const { entry, pattern } of labelPatterns) {
    const match = pattern.flags.includes('i') ? pattern.exec(folded) : pattern.exec(phrase);
    if (match) return { entry, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Matches a suggested name against the caller's sources by name or alias, ignoring case, accents and articles. */
export function matchKnownSource(name: string, knownSources: KnownSource[] | undefined, extraLabels: string[] = []): string | undefined {
  if (!knownSources || knownSources.length === 0) return undefined;
  const wanted = new Set([name, ...extraLabels].map((label) => stripArticle(foldForMatching(label.trim()))));
  for (const source of knownSources) {
    for (const label of [source.name, ...source.aliases]) {
      if (wanted.has(stripArticle(foldForMatching(label.trim())))) return source.id;
    }
  }
  return undefined;
}
