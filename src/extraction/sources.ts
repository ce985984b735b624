import nlp from 'compromise';
import { findGazetteerMention } from './gazetteer';
import type { GuessedSourceKind } from './suggestion';

// Nouns that describe an unnamed person; when one heads the phrase, the source is anonymous.
const ANONYMOUS_HEADS =
  /\b(?:officials?|sources?|person|people|persons|diplomats?|commanders?|officers?|members?|insiders?|residents?|witnesses|witness|spokesman|spokeswoman|spokesperson|aides?|advisers?|advisors?|employees?|staffers?|doctors?|medics?|nurses?|workers?|rescuers?|negotiators?|mediators?|fighters?|soldiers?|survivors?|relatives?|man|woman|men|women|official|engineers?|analysts?|lawmakers?|legislators?|envoys?|representatives?|drivers?|villagers?|farmers?|teachers?|passengers?|paramedics?|bloggers?|photographers?|councill?ors?|organi[sz]ers?|monitors?|traders?|shopkeepers?|journalists?|defectors?)\b/i;

// The part of a phrase that names the speaker ends where the affiliation or relationship starts.
const PHRASE_TAIL = /\s+(?:in|of|from|with|at|for|on|inside|within|familiar|close|briefed|who|which|that|involved|based|speaking|privy|knowledgeable|linked|allied|loyal)\b.*$/;

const PRONOUN_SOURCE = /^(?:he|she|they|it|we|i)$/i;
// Nouns that, after "the", point back to whoever spoke last whatever their name.
const GENERIC_ANAPHOR = /^the\s+(?:(?:monitoring|rights|aid|relief|humanitarian|armed|militant|rebel|paramilitary|war)\s+(?:group|organi[sz]ation|agency|monitor)|group|monitor|observatory|center|centre|organization|organisation|agency|network|collective|movement|statement|outlet|broadcaster|channel)$/i;
// Nouns that point back only to a speaker they describe ("the ministry" after "the Health Ministry").
const DESCRIPTIVE_ANAPHOR = /^the\s+(ministry|militia|diplomat|official|officials|source|sources|spokesman|spokeswoman|spokesperson|commander|army|military|person|man|woman|witness|resident|doctor|mayor|governor|minister|council|office|authorities|insurgents|militants|rebels)$/i;
const PERSON_ANAPHOR = /^(?:diplomat|official|officials|source|sources|spokesman|spokeswoman|spokesperson|commander|person|man|woman|witness|resident|doctor)$/i;

export function isPronounSource(phrase: string): boolean {
  const trimmed = phrase.trim();
  return PRONOUN_SOURCE.test(trimmed) || GENERIC_ANAPHOR.test(trimmed) || DESCRIPTIVE_ANAPHOR.test(trimmed);
}

/** Whether an anaphor such as "the diplomat" may refer to this earlier source. */
export function anaphorFits(phrase: string, antecedent: { name: string; descriptor: string; anonymous: boolean; kind: string }): boolean {
  const trimmed = phrase.trim();
  if (PRONOUN_SOURCE.test(trimmed) || GENERIC_ANAPHOR.test(trimmed)) return true;
  const noun = DESCRIPTIVE_ANAPHOR.exec(trimmed)?.[1];
  if (!noun) return false;
  const stem = noun.toLowerCase().replace(/s$/, '');
  if (`${antecedent.name} ${antecedent.descriptor}`.toLowerCase().includes(stem)) return true;
  return PERSON_ANAPHOR.test(noun) && (antecedent.anonymous || antecedent.kind === 'INDIVIDUAL');
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
// "state television" keeps its "state": with the modifier gone, a bare medium ("television") names nobody.
const LEADING_MODIFIERS = /^(?:(?:[\w.]+-(?:based|led|backed|linked|run|allied|affiliated|aligned|controlled|funded|owned|sponsored)|self-(?:styled|proclaimed)|official|state-run|state|pro-[\w-]+)\s+(?!(?:television|tv|media|radio|broadcaster)$))+/i;
const PERSON_TITLES =
  /^(?:(?:Brig\.?|Gen\.?|Col\.?|Lt\.?|Maj\.?|Capt\.?|Sgt\.?|Adm\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Sheikh|President|Prime Minister|Foreign Minister|Defense Minister|Defence Minister|Interior Minister|Minister|Colonel|General|Major|Captain|Commander|Lieutenant|Spokesman|Spokeswoman|Gov\.?|Governor|Mayor|Sen\.?|Rep\.?)\s+)+/;

export interface SourceReading {
  name: string;
  kind: GuessedSourceKind;
  anonymous: boolean;
  gazetteerName?: string;
}

/** Whether a chunk reads as a person's name ("Brig. Gen. Yehia Rasool", "Umm Khaled"). */
export function looksLikePersonName(chunk: string): boolean {
  const stripped = chunk.trim().replace(PERSON_TITLES, '');
  const words = stripped.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (findGazetteerMention(stripped)) return false;
  if (KIND_KEYWORDS.some(([pattern]) => pattern.test(stripped))) return false;
  return words.every((word) => /^(?:[A-Z][\w'\u2019.-]*|al-[\w'-]+|el-[\w'-]+|bin|ibn|abu|de|van|von|da)$/.test(word));
}

const KIND_KEYWORDS: Array<[RegExp, GuessedSourceKind]> = [
  [/\bactivists?\b|\bcollective\b|\bactivist\s+network\b/i, 'ACTIVIST_COLLECTIVE'],
  [/\bmonitor(?:ing)?\b|\bobservatory\b|\bwatchdog\b/i, 'MONITORING_GROUP'],
  [/\bnews\s+agency\b|\bpress\s+agency\b|\bwire\s+service\b/i, 'NEWS_AGENCY'],
  [/\b(?:tv|television|broadcaster|channel|radio|newspaper|daily|outlet|website|news\s+site)\b/i, 'MEDIA_OUTLET'],
  [/\b(?:ministry|government|police|authorities|president|presidency|minister|council|mayor|governor|governorate|municipality|cabinet|parliament|interior|foreign\s+office|state\s+department|white\s+house|kremlin|prosecutors?)\b/i, 'GOVERNMENT'],
  [/\b(?:army|military|armed\s+forces|air\s+force|navy|pentagon|command|defense\s+forces|defence\s+forces|troops|coalition)\b/i, 'MILITARY'],
  [/\b(?:militants?|rebels?|militias?|insurgents?|jihadis?|jihadists?|brigades?|front|fighters|armed\s+group|group)\b/i, 'ARMED_GROUP'],
  [/\b(?:red\s+cross|red\s+crescent|united\s+nations|u\.?n\.?|unicef|charity|aid\s+group|relief|humanitarian|rights\s+group|human\s+rights|organization|organisation|institute|foundation|watch)\b/i, 'NGO'],
];

// compromise is the slowest step of a source reading; names repeat within and across articles.
const personByName = new Map<string, boolean>();

function isPersonByCompromise(name: string): boolean {
  let known = personByName.get(name);
  if (known === undefined) {
    known = nlp(name).has('#Person');
    if (personByName.size >= 5_000) personByName.clear();
    personByName.set(name, known);
  }
  return known;
}

function guessKind(name: string, descriptor: string): GuessedSourceKind {
  for (const [pattern, kind] of KIND_KEYWORDS) if (pattern.test(descriptor)) return kind;
  if (looksLikePersonName(name)) return 'INDIVIDUAL';
  // compromise knows common given names; it settles single capitalised words such as "Khaled".
  if (/^[A-Z]/.test(name) && isPersonByCompromise(name)) return 'INDIVIDUAL';
  return 'GOVERNMENT';
}

export function cleanSourceName(phrase: string): string {
  return phrase
    .trim()
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(LEADING_ARTICLE, '')
    .replace(LEADING_MODIFIERS, '')
    .replace(LEADING_ARTICLE, '')
    .replace(/[,.;:]+$/, '')
    .trim();
}

export function isAnonymousPhrase(phrase: string): boolean {
  // "the official SANA news agency": "official" as an adjective does not make a person.
  const head = phrase.trim().replace(PHRASE_TAIL, '').replace(/\bofficial\s+(?=[A-Z]|news\b|media\b|state\b|government\b|spokes|website\b|account\b|channel\b)/g, '');
  if (/\b(?:unnamed|anonymous|unidentified)\b/i.test(head)) return true;
  if (!ANONYMOUS_HEADS.test(head)) return false;
  // A proper name in the head ("Mohammed Idris, a spokesman") means the speaker is named.
  const withoutDemonyms = head.replace(LEADING_ARTICLE, '').replace(/^(?:one|two|three|four|five|several|some|many|\d+)\s+/i, '');
  return !/\b[A-Z][a-z]+\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][a-z]+\b(?!\s+(?:army|military|forces|official|officials|government|security|intelligence))/.test(withoutDemonyms) || /\b(?:officials?|sources?)\b/i.test(head);
}

/** Names, kinds and anonymity for a source phrase, with the descriptor (appositives) used as extra evidence. */
// "Wagner's founder", "the group's leader": a person in an organisation, not the organisation.
const ROLE_OF_ORGANISATION = /^(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}['\u2019]s?\s+(?:founder|leader|chief|head|director|commander|president|prime\s+minister|foreign\s+minister|defense\s+minister|defence\s+minister|envoy|ambassador)$/i;

export function readSource(phrase: string, descriptor: string): SourceReading {
  const cleaned = cleanSourceName(phrase);
  if (ROLE_OF_ORGANISATION.test(phrase.trim())) return { name: cleaned, kind: 'INDIVIDUAL', anonymous: false };
  if (isAnonymousPhrase(phrase)) {
    return { name: cleaned, kind: 'ANONYMOUS', anonymous: true };
  }
  const mention = findGazetteerMention(cleaned);
  // Only trust a gazetteer hit that covers most of the phrase; "the group's Amaq agency" keeps its own name.
  if (mention) {
    const covered = (mention.end - mention.start) / Math.max(cleaned.length, 1);
    const remainder = (cleaned.slice(0, mention.start) + cleaned.slice(mention.end)).trim();
    if (covered > 0.5 || !/[A-Z]/.test(remainder.replace(/^[A-Z][a-z]+'s\b/, ''))) {
      return { name: mention.entry.name, kind: mention.entry.kind, anonymous: false, gazetteerName: mention.entry.name };
    }
  }
  const name = PERSON_TITLES.test(cleaned) && looksLikePersonName(cleaned) ? cleaned.replace(PERSON_TITLES, '') : cleaned;
  return { name, kind: guessKind(name, `${cleaned} ${descriptor}`), anonymous: false };
}
