import { findGazetteerEntry } from './gazetteer';
import { lookupPlace, type PlaceEntry } from './place-index';
import type { SuggestedPlace } from './suggestion';

/*
 * The event place: the first place named in a locative phrase ("in the town of X", "the eastern
 * Ukrainian city of X", "near X", "over X", "X province"), else the first well-known place
 * (GeoNames city of 100,000+ or a listed name) that is not a destination ("a corridor to X"), an
 * origin ("from X") or a possessive ("Sudan's paramilitary force"). Countries count only inside a
 * locative phrase: "Israel said" names an actor, not a place.
 */
// "Deir al-Balah", "Ras al Ain", "Dar es Salaam", "Gulf of Aden": lowercase particles inside a name.
const NAME = String.raw`[A-Z][\w\u2019'-]*(?:\s+(?:(?:al|el|ez|ad|as|ar|ash|an|az|es|ed|ul|bin)-[\w\u2019'-]+|[A-Z][\w\u2019'-]*|(?:of|al|el|es|ad|ar|as|ash|az|de|del|da|do|dos|la|le|bin|ibn)\s+(?=[A-Z])[A-Z][\w\u2019'-]*)){0,3}`;
const DIRECTIONS = String.raw`(?:(?:north|south|east|west|central|upper|lower|old)(?:ern|east|west|eastern|western)?|occupied|besieged|rebel-held|government-held|frontline|front-line|coastal|border|southern|northern|eastern|western)`;
const PLACE_NOUNS = String.raw`(?:town|city|village|camp|district|region|province|governorate|state|oblast|neighbou?rhood|suburb|port|outskirts|area|market|centre|center|capital|enclave|strip|territory|county|municipality|island|coast|shores|waters|edge|north|south|east|west|northeast|northwest|southeast|southwest)`;

// "the village of Kalma", "the eastern Ukrainian city of Kramatorsk", "the north of Tehran", "the market of Goma".
const NOUN_OF_NAME = new RegExp(String.raw`\b${PLACE_NOUNS}\s+of\s+(?:the\s+)?(${NAME})`, 'g');
// "in Rafah", "near the town" (rejected later), "over the Red Sea", "through London", "in northwest Cameroon".
const PREPOSITION_NAME = new RegExp(
  String.raw`\b(in|near|over|outside|around|at|across|inside|into|through|off|south\s+of|north\s+of|east\s+of|west\s+of|on)\s+(?:the\s+)?(?:${DIRECTIONS}\s+){0,2}(${NAME})`,
  'g',
);
// "the capital, Kyiv", "the port city Aden": a place noun with the name in apposition.
const NOUN_NAME_APPOSITION = new RegExp(String.raw`\bthe\s+(?:[a-z-]+\s+){0,2}(capital|city|town|port|village)\s*,?\s+(${NAME})`, 'g');
// "Hasakah province", "the Balata camp", "Khyber district", "the Dnipropetrovsk region".
// "Ben Gurion airport" keeps its noun; "Hasakah province" does not.
const NAME_NOUN = new RegExp(
  String.raw`(${NAME}(?=\s+(?:province|region|district|governorate|camp|state|oblast|refugee\s+camp|airport|crossing|air\s+base)\b)(?:\s+(?:airport|crossing|air\s+base))?)`,
  'g',
);
// "shelled Kherson", "retook Wad Madani", "a strike hit Kiryat Shmona": a known place as the object of an event verb.
const EVENT_OBJECT = new RegExp(
  String.raw`\b(?:struck|strike|strikes|hit|hits|shelled|shelling|bombed|bombing|bombarded|pounded|attacked|attacking|raided|stormed|captured|capturing|recaptured|retook|retaken|seized|seizing|entered|entering|encircled|surrounded|besieged|targeted|targeting|overran|overrun|invaded|liberated|evacuated)\s+(?:the\s+)?(?:${DIRECTIONS}\s+){0,2}(${NAME})`,
  'g',
);
// "Wad Madani, the capital of Gezira state", "Bara, a town in North Kordofan": the apposition says the name is a place.
const PLACE_APPOSITION = /^,\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}(?:town|city|village|capital|camp|district|province|region|port|suburb|neighbou?rhood|stronghold|hub)\b/;
const ANY_NAME = new RegExp(NAME, 'g');

const NOT_PLACES = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'The', 'A', 'An', 'His', 'Her', 'Their',
  'Its', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Aug', 'Sept', 'Sep', 'This', 'That', 'These', 'Telegram', 'X', 'Twitter', 'Facebook',
]);
// "in the Hamas attack", "near Israeli positions": a name used as a modifier of a noun is not a place.
const MODIFIED_NOUN = /^\s+(?:attacks?|strikes?|raids?|forces|fighters|militants|troops|government|army|military|officials?|offensive|operations?|rockets?|missiles?|drones?|group|leaders?|media|positions?|soldiers|police|authorities|side|delegation|negotiators)\b/;
// "Tehran reserved the right", "Moscow remained open": a capital standing for its government.
const FOLLOWED_BY_VERB = /^\s+(?:has|had|have|was|is|were|are|would|will|could|did|does|may|might|must|should|can|says|said|[a-z]+ed)\b/;
const WEAK_PREPOSITIONS = /^(?:at|on|across|into|through|off)$/i;
// "the Gaza Strip town of Beit Hanoun", "the Nineveh province town of Sinjar": the first name only says where the
// second is. "the Zeitoun neighbourhood of Gaza City" is the other way round: the neighbourhood is the more specific.
const MODIFIES_PLACE_NOUN = /^\s+(?:(?:province|region|state|governorate|district|oblast|border|frontline)\s+)?(?:town|city|village|port|capital|hamlet|settlement|municipality)\s+of\b/;
// "Sudan's El Fasher": the country only says where the town is. "Burkina Faso's north" keeps the country.
const LEADING_POSSESSIVE = /^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['\u2019]s\s+(?=[A-Z])/;
const TRAILING_POSSESSIVE = /['\u2019]s$/;
const DIRECTION_AFTER_POSSESSIVE = /^\s+(?:(?:far\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|centre|center|interior)\b|(?:(?:southern|northern|eastern|western|central|old)\s+)?(?:suburbs?|outskirts|streets|districts|neighbou?rhoods|old\s+city|city\s+cent(?:re|er)|coast|countryside|border\s+areas?)\b)/;
// "Borno State", "Idlib Province": the admin noun written as part of the name.
const TRAILING_ADMIN_NOUN = /\s+(?:State|Province|Region|Governorate|Oblast|District)$/;
const WELL_KNOWN_POPULATION = 100_000;

interface Candidate {
  name: string;
  index: number;
  entry?: PlaceEntry;
}

interface Trimmed {
  name: string;
  /** Characters cut from the front of the matched name. */
  shift: number;
}

function trimName(matched: string): Trimmed {
  // "Gaza City" stays whole; a trailing "of" left by the pattern does not.
  const name = matched.replace(/\s+of$/, '').replace(TRAILING_ADMIN_NOUN, '');
  const possessive = LEADING_POSSESSIVE.exec(name);
  return possessive ? { name: name.slice(possessive[0].length), shift: possessive[0].length } : { name, shift: 0 };
}

// "Israeli troops" is a demonym; "Ghazni province" and "Hajji camp" are places whatever their ending.
const PLACE_NOUN_AFTER = new RegExp(String.raw`^\s+(?:${PLACE_NOUNS}|refugee\s+camp|airport|crossing)\b`);

function isDemonymBeforeNoun(text: string, name: string, end: number): boolean {
  const after = text.slice(end);
  return !/\s/.test(name) && /(?:ian|ean|ese|ish|ic|i)$/.test(name) && /^\s+[a-z]/.test(after) && !PLACE_NOUN_AFTER.test(after);
}

function isPossessive(text: string, end: number): boolean {
  return /^['\u2019]s\b/.test(text.slice(end));
}

function acceptable(text: string, name: string, start: number, possessiveOfDirection = false): boolean {
  const first = name.split(/\s+/)[0].replace(/[\u2019'].*$/, '');
  if (NOT_PLACES.has(first)) return false;
  const end = start + name.length;
  const after = text.slice(end);
  if (findGazetteerEntry(name) || MODIFIED_NOUN.test(after) || MODIFIES_PLACE_NOUN.test(after)) return false;
  return (possessiveOfDirection || !isPossessive(text, end)) && !isDemonymBeforeNoun(text, name, end);
}

function toSuggested(candidate: Candidate, offset: number): SuggestedPlace {
  const entry = candidate.entry ?? lookupPlace(candidate.name);
  const place: SuggestedPlace = { name: candidate.name, span: { start: offset + candidate.index, end: offset + candidate.index + candidate.name.length } };
  if (entry?.countryCode) place.countryCode = entry.countryCode;
  if (entry?.latitude !== undefined && entry.longitude !== undefined) {
    place.latitude = entry.latitude;
    place.longitude = entry.longitude;
  }
  if (entry?.geonameId !== undefined) place.geonameId = entry.geonameId;
  return place;
}

function collect(pattern: RegExp, text: string, group: number, keep: (name: string, index: number, match: RegExpExecArray) => boolean): Candidate[] {
  const found: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const trimmed = trimName(match[group]);
    let name = trimmed.name;
    const index = match.index + match[0].lastIndexOf(match[group]) + trimmed.shift;
    const possessive = TRAILING_POSSESSIVE.test(name);
    if (possessive) {
      // "in Netanyahu's government" is no place; "in Burkina Faso's north" is Burkina Faso.
      if (!DIRECTION_AFTER_POSSESSIVE.test(text.slice(index + name.length))) continue;
      name = name.replace(TRAILING_POSSESSIVE, '');
    }
    if (acceptable(text, name, index, possessive) && keep(name, index, match)) found.push({ name, index });
  }
  return found;
}

/** The place of the event named in `text` (content), with GeoNames data when the name is known. */
export function findPlace(text: string, offset: number): SuggestedPlace | null {
  const strong = [
    ...collect(NOUN_OF_NAME, text, 1, () => true),
    ...collect(NAME_NOUN, text, 1, (name, index) => !/\b(?:to|from|toward|towards)\s+(?:the\s+)?$/i.test(text.slice(0, index))),
    ...collect(PREPOSITION_NAME, text, 2, (name, _index, match) => {
      const known = lookupPlace(name);
      if (known) return true;
      return !WEAK_PREPOSITIONS.test(match[1]) && /^(?:in|near|outside|over|around)$/i.test(match[1]);
    }),
    ...collect(NOUN_NAME_APPOSITION, text, 2, (name, _index, match) => match[1] === 'capital' || lookupPlace(name) !== undefined),
    ...collect(EVENT_OBJECT, text, 1, (name, index) => lookupPlace(name) !== undefined || PLACE_APPOSITION.test(text.slice(index + name.length))),
  ].sort((a, b) => a.index - b.index);
  if (strong.length > 0) return toSuggested(strong[0], offset);

  const weak = collect(ANY_NAME, text, 0, (name, index) => {
    const entry = lookupPlace(name);
    // Countries and admin areas named without a locative are actors or background ("Sudan's army", "Tigray forces").
    if (!entry || entry.kind === 'COUNTRY' || entry.kind === 'ADMIN') return false;
    if (entry.kind === 'CITY' && entry.population < WELL_KNOWN_POPULATION) return false;
    if (FOLLOWED_BY_VERB.test(text.slice(index + name.length))) return false;
    return !/\b(?:to|from|toward|towards|leaving|left|fled)\s+(?:the\s+)?$/i.test(text.slice(0, index));
  });
  return weak.length > 0 ? toSuggested(weak[0], offset) : null;
}
