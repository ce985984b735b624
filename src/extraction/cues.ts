import type { StanceValue } from './suggestion';

/*
 * Verbs that introduce reported speech. Noun-prone forms ("states", "notes", "claims", "questions")
 * are left out: they open far more false frames than true ones in wire copy.
 */
const SPEECH_VERBS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'reported', 'reports', 'reporting', 'added', 'adds', 'adding',
  'stated', 'announced', 'announces', 'claimed', 'claiming', 'confirmed', 'confirms', 'confirming', 'denied', 'denies', 'denying',
  'rejected claims', 'rejected reports', 'rejected accusations', 'rejected allegations', 'rejected', 'rejects', 'condemned', 'condemns', 'disputed', 'disputes', 'questioned',
  'warned', 'warns', 'warning', 'estimated', 'wrote', 'writes', 'posted', 'tweeted', 'insisted', 'insists', 'acknowledged',
  'acknowledges', 'alleged', 'alleges', 'accused', 'accuses', 'noted', 'noting', 'recorded', 'documented', 'quoted', 'cited',
  'according to',
];

export const CUE_PATTERN = new RegExp(
  `(?<![\\w-])(?:${SPEECH_VERBS.sort((a, b) => b.length - a.length).map((verb) => verb.replace(/ /g, '\\s+')).join('|')})(?![\\w-])`,
  'gi',
);

export interface CueMatch {
  text: string;
  start: number;
  end: number;
}

/** Cue occurrences in a sentence, in order; "According" is accepted capitalised, verbs only in lower case. */
export function findCues(sentence: string): CueMatch[] {
  const found: CueMatch[] = [];
  CUE_PATTERN.lastIndex = 0;
  for (let match = CUE_PATTERN.exec(sentence); match; match = CUE_PATTERN.exec(sentence)) {
    if (/^[A-Z]/.test(match[0]) && !/^according/i.test(match[0])) continue;
    // "Residents were told to leave", "it was reported": passives name no speaker.
    if (/\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$/i.test(sentence.slice(0, match.index)) && !/^according/i.test(match[0])) continue;
    // "fighters who claimed allegiance": a relative clause inside someone else's sentence.
    if (/\b(?:who|which)\s+(?:had\s+|has\s+|have\s+)?$/i.test(sentence.slice(0, match.index)) && !/,\s*(?:who|which)\s+(?:had\s+|has\s+|have\s+)?$/i.test(sentence.slice(0, match.index))) continue;
    // "Al Jazeera's Hani Mahmoud, reporting from Rafah, said": the reporter's location, not a cue.
    if (/^reporting$/i.test(match[0]) && /^\s+from\b/i.test(sentence.slice(match.index + match[0].length))) continue;
    // "troops estimated to number", "reported to have": raising verbs, not speech.
    if (/^\s+to\s+(?:be|have|number|total|reach|exceed|include|stand|involve)\b/i.test(sentence.slice(match.index + match[0].length))) continue;
    // "an estimated 5,000", "the reported strike": participles used as adjectives.
    if (/\b(?:a|an|the|its|their|his|her|unconfirmed|newly)\s+$/i.test(sentence.slice(0, match.index))) continue;
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

export function stanceOfCue(cue: string): StanceValue {
  if (/^(?:denied|denies|denying|reject)/i.test(cue)) return 'DENIES';
  if (/^(?:questioned|questions|disputed|disputes)/i.test(cue)) return 'QUESTIONS';
  return 'ASSERTS';
}

export const RELAY_VERB = /^(?:quoting|citing|quoted|cited)$/i;

/** Verbs that continue the previous speaker's attribution ("..., adding that", "and said"). */
export const FOLLOW_ON_CUE = /^(?:adding|added|saying|noting|warning|claiming|confirming|denying|said|told|warned|claimed|denied|insisted|acknowledged|stated)$/i;

/*
 * What may sit between a cue and its content: the medium ("in a statement", "on Telegram"), the
 * audience ("to reporters") and a complementiser. Times are skipped separately so they can be kept.
 */
export const CUE_ADJUNCT =
  /^\s*,?\s*(?:(?:in|on|via|through|during|at)\s+(?:a|an|its|their|his|her|the|a\s+joint)?\s*(?:[\w-]+\s+){0,3}(?:statement|report|interview|post|posting|briefing|update|tweet|video|message|communique|communiqu\u00e9|press conference|news conference|address|speech|Telegram|X|Twitter|Facebook|social media|website|broadcast|bulletin|letter|sermon|assessment)s?(?:\s+(?:post|posting|message|video|statement|channel|account|page|update))?(?:\s+(?:released|published|issued|posted|carried|broadcast|aired)(?:\s+(?:by|on)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:(?:the|its|their|his|her)\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?(?:\s+(?:on|via)\s+(?:Telegram|X|Twitter|Facebook|YouTube|social\s+media|(?:its|their)\s+website))?)?)?|to\s+(?:reporters|journalists|the\s+press|the\s+media|lawmakers)|by\s+(?:phone|telephone)|in\s+an?\s+(?:\w+\s+)?interview)(?=[\s,.:;]|$)/i;
