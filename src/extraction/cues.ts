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
 * audience ("to reporters") and a complementiser. Times are skipped separately so they can be kept,
 * and who carried the statement (CARRIED_AFTER_CUE) too, since that outlet is a relay.
 */
export const CUE_ADJUNCT =
  /^\s*,?\s*(?:(?:in|on|via|through|during|at)\s+(?:a|an|its|their|his|her|the|a\s+joint)?\s*(?:[\w-]+\s+){0,3}(?:statement|report|interview|post|posting|briefing|update|tweet|video|message|communique|communiqu\u00e9|press conference|news conference|address|speech|Telegram|X|Twitter|Facebook|social media|website|broadcast|bulletin|letter|sermon|assessment)s?(?:\s+(?:post|posting|message|video|statement|channel|account|page|update))?|to\s+(?:reporters|journalists|the\s+press|the\s+media|lawmakers)|by\s+(?:phone|telephone)|in\s+an?\s+(?:\w+\s+)?interview)(?=[\s,.:;]|$)/i;

const MONTH_OR_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\\b';
// Case-sensitive, so that a carrier runs over capitalised names and media words ("state news agency SANA") and stops
// before the content when a wire drops "that" ("carried by SANA the road had reopened").
const CARRIER_WORD = String.raw`(?:[A-Z][\w'.&-]*|al-[\w'-]+|state|state-run|state-owned|official|local|national|public|pro-government|news|agency|television|TV|radio|broadcaster|channel|media|outlet|newspaper|daily|network|wire|service|website|of)`;

// "a statement posted by the group on Telegram": the speaker itself, not a carrier.
const SELF = '(?:group|movement|militia|ministry|army|military|organi[sz]ation|it|them|him|her)\\b';

/**
 * "in a statement carried by state television" after the medium ("released", alone, before a time): who carried it,
 * as written (group 1, when named), with the platform it went out on, if any. A news outlet is a relay hop; a channel ("posted on Telegram") is only the medium.
 */
export const CARRIED_AFTER_CUE = new RegExp(
  String.raw`^\s+(?:released|published|issued|posted|carried|broadcast|aired|circulated)(?:\s+(?:by|on)\s+(?!${MONTH_OR_DAY})((?:(?:the|its|their|his|her)\s+)?(?:${SELF}|${CARRIER_WORD}(?:\s+${CARRIER_WORD}){0,5}))(?:\s+(?:on|via)\s+(?:Telegram|X|Twitter|Facebook|YouTube|social\s+media|(?:its|their)\s+website))?)?(?=[\s,.:;]|$)`,
);
