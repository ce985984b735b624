import { findGazetteerMention } from './gazetteer';

export interface Chunk {
  text: string;
  start: number;
  end: number;
}

/** Splits at commas that are not inside quotes or brackets, keeping offsets relative to `offset`. */
export function splitTopLevelCommas(text: string, offset: number): Chunk[] {
  const chunks: Chunk[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) chunks.push({ text: trimmed, start: offset + from + lead, end: offset + from + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === '"' || char === '\u201c' || char === '\u201d') quoted = char === '\u201c' ? true : char === '\u201d' ? false : !quoted;
    // "2,500" is one figure, not two chunks.
    else if (char === ',' && depth === 0 && !quoted && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return chunks;
}

export interface RelayLink {
  /** The relaying party as written. */
  phrase: Chunk;
  /** The verb that hands over to the next party inward. */
  verb: string;
}

export interface ParsedSourceRegion {
  /** Outermost first; the speaker is not included. */
  relays: RelayLink[];
  speaker: Chunk;
  /** Appositives about the speaker ("an activist group that monitors ..."). */
  appositives: Chunk[];
  /** Chunks that introduce the sentence ("In a statement carried by ..."). */
  intro: Chunk[];
}

const INTRO_CHUNK = /^(?:in|on|at|during|earlier|later|late|meanwhile|separately|however|but|and|asked|last|overnight|after|before|when|while|elsewhere|also|yet|still|then|instead|speaking|writing|in\s+a\s+statement)\b/i;
// "Speaking to Al Arabiya, the head of ... said": the outlet relays the speaker.
const SPOKE_TO = /^(?:speaking|talking|writing)\s+(?:to|with|in|on)\s+(.+)$/i;
const LEADING_CONJUNCTION = /^(?:but|and|meanwhile|however|separately|also|yet|so)\s+/i;
const RELAY_APPOSITIVE = /^(?:quoting|citing)\s+(.+)$/i;
const NESTED_RELAY_APPOSITIVE = /^(?:which|who|that)\s+(?:in\s+turn\s+)?(?:quoted|cited|was\s+quoting|was\s+citing)\s+(.+)$/i;
const CARRIED_BY = /\b(?:carried|published|aired|broadcast|released|posted|circulated)\s+(?:by|on)\s+(.+)$/i;

function subChunk(chunk: Chunk, inner: string): Chunk {
  const index = chunk.text.lastIndexOf(inner);
  return { text: inner, start: chunk.start + index, end: chunk.start + index + inner.length };
}

/**
 * Reads the phrase in front of a cue: "AFP, citing Al Jazeera, which quoted an unnamed official"
 * becomes relays [AFP, Al Jazeera] and speaker "an unnamed official".
 */
// "KHARTOUM (Reuters) -", "Kyiv (AFP) -", "GAZA CITY -", and with the wire's date, "KYIV, Nov 28 (Reuters) -" or
// "GAZA, March 3 -": a dateline is never part of the speaker, nor of the claim.
const DATELINE_DATE = String.raw`(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?`;
const DATELINE = new RegExp(
  String.raw`^\s*(?:[A-Z][\w'.-]*(?:[ ,]+[A-Z][\w'.-]*){0,3}${DATELINE_DATE}\s*\([^)]{2,40}\)|[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}${DATELINE_DATE})\s*[-\u2013\u2014]+\s*`,
);

/** Length of the dateline that opens `text` ("TELL HAMRA, Syria (Desert Wire) — "), 0 when there is none. */
export function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

export function parseSourceRegion(region: string, offset: number): ParsedSourceRegion | null {
  const dateline = DATELINE.exec(region);
  const skipped = dateline ? dateline[0].length : 0;
  const chunks = splitTopLevelCommas(region.slice(skipped), offset + skipped);
  const intro: Chunk[] = dateline ? [{ text: dateline[0].trim(), start: offset, end: offset + dateline[0].trimEnd().length }] : [];
  while (chunks.length > 1 && INTRO_CHUNK.test(chunks[0].text)) intro.push(chunks.shift() as Chunk);
  if (chunks.length === 0) return null;

  const relays: RelayLink[] = [];
  for (const chunk of intro) {
    const carried = CARRIED_BY.exec(chunk.text);
    // "a statement posted by the group on Telegram": the speaker itself posted it; the channel is the medium.
    if (carried && /^(?:the\s+(?:group|movement|militia|ministry|army|military)|it|them|him|her)\b/i.test(carried[1].trim())) continue;
    if (carried) relays.push({ phrase: subChunk(chunk, carried[1].trim()), verb: 'carried by' });
    const spokeTo = SPOKE_TO.exec(chunk.text);
    if (spokeTo && isMediaAddressee(spokeTo[1].trim())) relays.push({ phrase: subChunk(chunk, spokeTo[1].trim()), verb: 'speaking to' });
  }

  let speaker = chunks[0];
  const conjunction = LEADING_CONJUNCTION.exec(speaker.text);
  if (conjunction) speaker = subChunk(speaker, speaker.text.slice(conjunction[0].length));
  const appositives: Chunk[] = [];
  for (const chunk of chunks.slice(1)) {
    // "The governor of Kursk, cited by Interfax, said": the agency relays the speaker.
    const citedBy = /^(?:cited|quoted)\s+by\s+(.+)$/i.exec(chunk.text);
    if (citedBy) {
      relays.unshift({ phrase: subChunk(chunk, citedBy[1].trim()), verb: 'cited by' });
      continue;
    }
    const relay = RELAY_APPOSITIVE.exec(chunk.text) ?? NESTED_RELAY_APPOSITIVE.exec(chunk.text);
    if (relay) {
      relays.push({ phrase: speaker, verb: chunk.text.split(/\s+/).find((word) => /quot|cit/i.test(word)) ?? 'citing' });
      speaker = subChunk(chunk, relay[1].trim());
      appositives.length = 0;
      continue;
    }
    appositives.push(chunk);
  }
  return { relays, speaker, appositives, intro };
}

const MEDIA_WORDS = /\b(?:tv|television|broadcaster|channel|radio|newspaper|daily|agency|outlet|network|news|times|post|press)\b/i;

/** Whether an addressee ("told Al Jazeera") is a medium that relays the speaker rather than an audience. */
export function isMediaAddressee(phrase: string): boolean {
  const mention = findGazetteerMention(phrase);
  if (mention) return mention.entry.kind === 'MEDIA_OUTLET' || mention.entry.kind === 'NEWS_AGENCY';
  if (/^(?:(?:the\s+)?(?:state|local|national|public)\s+(?:television|tv|media|radio|broadcaster))$/i.test(phrase.trim())) return true;
  return /^(?:the\s+)?[A-Z]/.test(phrase) && MEDIA_WORDS.test(phrase);
}

// ", according to a statement carried by Sunrise TV" / " in a statement aired on state television" after the claim.
const TRAILING_MEDIUM = /(?:,\s*according\s+to|,?\s+in)\s+(?:a|an|the|its|their)\s+(?:\w+\s+)?(?:statement|report|post|video|tweet|communique|bulletin|message)s?(?:\s+(?:carried|published|aired|broadcast|posted|circulated)\s+(?:by|on)\s+(.+))?$/i;

/**
 * Where a claim's text ends when it closes with the medium that carried it, and the outlet that carried it when that
 * is a news medium ("carried by Sunrise TV": a relay hop); a channel ("posted on Telegram") is only the medium.
 */
export function trailingMedium(content: Chunk): { end: number; relay: RelayLink | null } | null {
  const found = TRAILING_MEDIUM.exec(content.text);
  if (!found) return null;
  const end = content.start + found.index;
  const carrier = found[1]?.trim();
  if (!carrier || !isMediaAddressee(carrier)) return { end, relay: null };
  return { end, relay: { phrase: subChunk(content, carrier), verb: 'carried by' } };
}


// "a statement carried by Sunrise TV" as the "according to" phrase: the words reach the desk through the outlet.
const CARRIED_STATEMENT = /^(?:a|an|the|its|their)\s+(?:\w+\s+)?(?:statement|report|post|video|tweet|communique|bulletin|message)s?\s+(?:carried|published|aired|broadcast|posted|circulated)\s+(?:by|on)\s+(.+)$/i;

/** The news outlet in "according to a statement carried by Sunrise TV", which stands as the source; null for anything else. */
export function carriedStatementOutlet(phrase: Chunk): Chunk | null {
  const found = CARRIED_STATEMENT.exec(phrase.text);
  const outlet = found?.[1].trim();
  return outlet && isMediaAddressee(outlet) ? subChunk(phrase, outlet) : null;
}
