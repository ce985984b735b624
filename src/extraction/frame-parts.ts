import { CARRIED_AFTER_CUE, CUE_ADJUNCT, type CueMatch } from './cues';
import { countWords } from './normalize';
import { isMediaAddressee, type Chunk, type RelayLink } from './relays';
import type { Sentence } from './sentences';
import type { ModeValue, Span, SuggestedTime } from './suggestion';
import { findTimes } from './times';

/**
 * One attribution read off a sentence, before sources are resolved. Offsets are absolute (into the
 * article), so later steps never need to know which sentence a frame came from.
 */
export interface Frame {
  cue: CueMatch;
  mode: ModeValue;
  content: Span;
  /** The speaker phrase as written; null when the frame continues the previous speaker. */
  speaker: Chunk | null;
  relays: RelayLink[];
  appositives: Chunk[];
  /** "said on condition of anonymity because ...": the grant, kept out of the speaker and the content. */
  grant?: Chunk;
  intro: Chunk[];
  saidAt: SuggestedTime | null;
  /** "adding that", "and said": same speaker as the frame before it in the sentence. */
  followsPrevious: boolean;
}

export const QUOTE_CHARS = /["\u201c\u201d]/;
export const TRAILING_ADVERBS = /\s+(?:also|later|further|separately|earlier|previously|again|then|has|had|have|was|were|would|will|had\s+also|has\s+also|on\s+\w+day)\s*$/i;
export const FINITE_VERBS = /\b(?:was|were|is|are|had|has|have|will|would|did|does|been|being|could|should|can|killed|fled|remain|remains|entered|struck|reached|launched)\b/i;
const NOT_A_SOURCE_START = /^(?:in|on|at|while|when|as|because|after|before|including|down|up|from|with|to|for|of|since|until|where|which|who|that|than|but|and|or|if|although|though|despite)\b/i;
const MAX_SOURCE_WORDS = 12;

export function absolute(sentence: Sentence, start: number, end: number): Span {
  return { start: sentence.start + start, end: sentence.start + end };
}

export function absoluteCue(sentence: Sentence, cue: CueMatch): CueMatch {
  return { text: cue.text, start: sentence.start + cue.start, end: sentence.start + cue.end };
}

export function chunkAt(sentence: Sentence, start: number, end: number): Chunk {
  const raw = sentence.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: sentence.start + start + lead, end: sentence.start + start + lead + text.length };
}

/** Trims whitespace, quotes and closing punctuation from a content span. */
export function trimContent(sentence: Sentence, start: number, end: number): Span | null {
  const text = sentence.text;
  let from = start;
  let to = end;
  while (from < to && /[\s,:;"\u201c\u201d]/.test(text[from])) from++;
  while (to > from && /[\s,.;:!?"\u201c\u201d]/.test(text[to - 1])) to--;
  const that = /^that\s+/i.exec(text.slice(from, to));
  if (that) from += that[0].length;
  return to - from >= 3 ? absolute(sentence, from, to) : null;
}

export function isPlausibleSpeaker(phrase: string): boolean {
  // "Residents reached by phone": a passive participle describes the speaker rather than making a clause.
  const head = phrase.replace(/\s+(?:who|whose|which|that)\b.*$/, '').replace(/\b\w+ed\s+by\s+(?:phone|telephone|\w+)/gi, '');
  if (countWords(head) === 0 || countWords(head) > MAX_SOURCE_WORDS) return false;
  if (NOT_A_SOURCE_START.test(head)) return false;
  if (QUOTE_CHARS.test(head)) return false;
  return !FINITE_VERBS.test(head);
}

export interface SkipResult {
  position: number;
  saidAt: SuggestedTime | null;
  /** "said in a statement carried by state television": the news outlet that carried the words, a relay hop. */
  carrier: RelayLink | null;
}

/** Steps over what sits between a cue and its content ("Monday", "in a statement", "that"). */
export function skipCueAdjuncts(sentence: Sentence, position: number, publishedAt: Date): SkipResult {
  const text = sentence.text;
  let saidAt: SuggestedTime | null = null;
  let carrier: RelayLink | null = null;
  for (let guard = 0; guard < 6; guard++) {
    const rest = text.slice(position);
    const adjunct = CUE_ADJUNCT.exec(rest);
    if (adjunct && adjunct[0].trim() !== '') {
      position += adjunct[0].length;
      continue;
    }
    const carried = CARRIED_AFTER_CUE.exec(rest);
    if (carried) {
      const by = carried[1] ?? '';
      const at = position + carried[0].indexOf(by);
      if (!carrier && by && isMediaAddressee(by)) carrier = { phrase: chunkAt(sentence, at, at + by.length), verb: 'carried by' };
      position += carried[0].length;
      continue;
    }
    const lead = /^[\s,]*/.exec(rest)?.[0].length ?? 0;
    const time = findTimes(rest, sentence.start + position, publishedAt)[0];
    if (time && time.span.start - sentence.start - position === lead && !/^for\b/i.test(time.text)) {
      saidAt = saidAt ?? time;
      position = time.span.end - sentence.start;
      continue;
    }
    break;
  }
  // "Hamas denied that, calling it ...": a demonstrative "that" is the content, not a complementiser.
  const complementiser = /^\s*,?\s*(?:that\b(?!\s*[,.;]|\s*$)|:)\s*/i.exec(text.slice(position));
  if (complementiser) position += complementiser[0].length;
  return { position, saidAt, carrier };
}

// "X said on condition of anonymity [because he was not authorised to speak] that ...": the reason runs to "that" or a comma.
const GRANT_AFTER_CUE = /^\s*,?\s*((?:speaking\s+)?on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|(?:that\s+)?(?:he|she|they)\s+(?:not\s+)?be\s+(?:named|identified))(?:\s*,?\s*(?:because|as|since|citing|for|in\s+line\s+with)\s+[^,]*?(?=\s*,?\s+that\b|\s*,))?)\s*,?\s*(?:that\b\s*)?/i;

/** A grant of anonymity right after the cue (before the content), with where the content starts. */
export function readGrantAfterCue(sentence: Sentence, position: number): { grant: Chunk; position: number } | null {
  const match = GRANT_AFTER_CUE.exec(sentence.text.slice(position));
  if (!match) return null;
  const start = position + match[0].indexOf(match[1]);
  return { grant: { text: match[1], start: sentence.start + start, end: sentence.start + start + match[1].length }, position: position + match[0].length };
}

/** A direct quote starting at `position`, if the content is one: returns the inner span. */
export function quotedContent(sentence: Sentence, position: number): { start: number; end: number } | null {
  const text = sentence.text;
  let from = position;
  while (from < text.length && /\s/.test(text[from])) from++;
  if (!QUOTE_CHARS.test(text[from] ?? '')) return null;
  const close = text.slice(from + 1).search(QUOTE_CHARS);
  if (close < 0) return { start: from + 1, end: text.length };
  const end = from + 1 + close;
  // Only a quote that closes the sentence is the whole content; a partial quote stays a paraphrase.
  if (text.slice(end + 1).trim().replace(/^[.,]/, '') !== '') return null;
  return { start: from + 1, end };
}

export function stripTrailingAdverbs(region: string): string {
  let result = region;
  for (let guard = 0; guard < 3; guard++) {
    const next = result.replace(TRAILING_ADVERBS, '');
    if (next === result) break;
    result = next;
  }
  return result;
}

export function baseFrame(cue: CueMatch, content: Span, speaker: Chunk | null): Frame {
  return { cue, mode: 'PARAPHRASE', content, speaker, relays: [], appositives: [], intro: [], saidAt: null, followsPrevious: false };
}
