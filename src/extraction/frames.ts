import { CUE_ADJUNCT, FOLLOW_ON_CUE, findCues, type CueMatch } from './cues';
import { countWords } from './normalize';
import { isMediaAddressee, parseSourceRegion, splitTopLevelCommas, type Chunk, type RelayLink } from './relays';
import { isAnonymousPhrase } from './sources';
import { findTimes } from './times';
import type { ModeValue, Span, SuggestedTime } from './suggestion';
import type { Sentence } from './sentences';

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
  intro: Chunk[];
  saidAt: SuggestedTime | null;
  /** "adding that", "and said": same speaker as the frame before it in the sentence. */
  followsPrevious: boolean;
}

const QUOTE_CHARS = /["\u201c\u201d]/;
const TRAILING_ADVERBS = /\s+(?:also|later|further|separately|earlier|previously|again|then|has|had|have|was|were|would|will|had\s+also|has\s+also|on\s+\w+day)\s*$/i;
const FINITE_VERBS = /\b(?:was|were|is|are|had|has|have|will|would|did|does|been|being|could|should|can|killed|fled|remain|remains|entered|struck|reached|launched)\b/i;
const NOT_A_SOURCE_START = /^(?:in|on|at|while|when|as|because|after|before|including|down|up|from|with|to|for|of|since|until|where|which|who|that|than|but|and|or|if|although|though|despite)\b/i;
const MAX_SOURCE_WORDS = 12;

function absolute(sentence: Sentence, start: number, end: number): Span {
  return { start: sentence.start + start, end: sentence.start + end };
}

function absoluteCue(sentence: Sentence, cue: CueMatch): CueMatch {
  return { text: cue.text, start: sentence.start + cue.start, end: sentence.start + cue.end };
}

function chunkAt(sentence: Sentence, start: number, end: number): Chunk {
  const raw = sentence.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: sentence.start + start + lead, end: sentence.start + start + lead + text.length };
}

/** Trims whitespace, quotes and closing punctuation from a content span. */
function trimContent(sentence: Sentence, start: number, end: number): Span | null {
  const text = sentence.text;
  let from = start;
  let to = end;
  while (from < to && /[\s,:;"\u201c\u201d]/.test(text[from])) from++;
  while (to > from && /[\s,.;:!?"\u201c\u201d]/.test(text[to - 1])) to--;
  const that = /^that\s+/i.exec(text.slice(from, to));
  if (that) from += that[0].length;
  return to - from >= 3 ? absolute(sentence, from, to) : null;
}

function isPlausibleSpeaker(phrase: string): boolean {
  // "Residents reached by phone": a passive participle describes the speaker rather than making a clause.
  const head = phrase.replace(/\s+(?:who|which|that)\b.*$/, '').replace(/\b\w+ed\s+by\s+(?:phone|telephone|\w+)/gi, '');
  if (countWords(head) === 0 || countWords(head) > MAX_SOURCE_WORDS) return false;
  if (NOT_A_SOURCE_START.test(head)) return false;
  if (QUOTE_CHARS.test(head)) return false;
  return !FINITE_VERBS.test(head);
}

interface SkipResult {
  position: number;
  saidAt: SuggestedTime | null;
}

/** Steps over what sits between a cue and its content ("Monday", "in a statement", "that"). */
function skipCueAdjuncts(sentence: Sentence, position: number, publishedAt: Date): SkipResult {
  const text = sentence.text;
  let saidAt: SuggestedTime | null = null;
  for (let guard = 0; guard < 6; guard++) {
    const rest = text.slice(position);
    const adjunct = CUE_ADJUNCT.exec(rest);
    if (adjunct && adjunct[0].trim() !== '') {
      position += adjunct[0].length;
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
  const complementiser = /^\s*,?\s*(?:that\b|:)\s*/i.exec(text.slice(position));
  if (complementiser) position += complementiser[0].length;
  return { position, saidAt };
}

/** A direct quote starting at `position`, if the content is one: returns the inner span. */
function quotedContent(sentence: Sentence, position: number): { start: number; end: number } | null {
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

function stripTrailingAdverbs(region: string): string {
  let result = region;
  for (let guard = 0; guard < 3; guard++) {
    const next = result.replace(TRAILING_ADVERBS, '');
    if (next === result) break;
    result = next;
  }
  return result;
}

/** Speaker(s) after an inverted cue: "..., said Ahmed al-Wazir, a spokesman for ...". */
function readInvertedSpeaker(sentence: Sentence, from: number): { speaker: Chunk; appositives: Chunk[] } | null {
  const rest = sentence.text.slice(from).replace(/[.!?"\u201d]+\s*$/, '');
  const chunks = splitTopLevelCommas(rest, sentence.start + from);
  if (chunks.length === 0) return null;
  const [speaker, ...appositives] = chunks;
  if (/\bthat\b/i.test(speaker.text) || findTimes(speaker.text, 0, new Date(0)).some((time) => time.span.start === 0)) return null;
  if (!isPlausibleSpeaker(speaker.text) || !/^(?:[A-Z]|the\s|a\s|an\s|two\s|three\s|several\s)/.test(speaker.text)) return null;
  return { speaker, appositives };
}

interface FollowOn {
  cue: CueMatch;
  markerStart: number;
}

/** ", adding that ...", " and said ..." inside a content span: where the next frame of the same speaker begins. */
function findFollowOns(sentence: Sentence, cues: CueMatch[], from: number, to: number): FollowOn[] {
  const found: FollowOn[] = [];
  for (const cue of cues) {
    if (cue.start < from || cue.end > to) continue;
    if (!FOLLOW_ON_CUE.test(cue.text)) continue;
    const before = sentence.text.slice(from, cue.start);
    const marker = /(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)$/.exec(before);
    if (!marker) continue;
    // "said" after a comma is the inverted form of another speaker, not a continuation.
    if (/^(?:said|told|warned|claimed|denied|insisted|acknowledged|stated)$/i.test(cue.text) && !/\b(?:and|but)\s+$/.test(marker[0])) continue;
    found.push({ cue, markerStart: from + marker.index });
  }
  return found;
}

interface TrailingReading {
  relay: Chunk | null;
  anonymityClause?: Chunk;
  followOnStart: number | null;
}

/** Whether nothing but adjuncts, a relay ("citing ...") or a follow-on follows a cue. */
function readTrailingRemainder(sentence: Sentence, cueEnd: number, publishedAt: Date): (TrailingReading & { saidAt: SuggestedTime | null }) | null {
  const text = sentence.text;
  const skipped = skipCueAdjuncts(sentence, cueEnd, publishedAt);
  let position = skipped.position;
  let relay: Chunk | null = null;
  const relayMatch = /^\s*,?\s*(?:citing|quoting)\s+([^,]+?)\s*(?=,|[.!?]?\s*$)/i.exec(text.slice(position));
  if (relayMatch) {
    const inner = relayMatch[1];
    const innerStart = position + relayMatch[0].lastIndexOf(inner);
    relay = chunkAt(sentence, innerStart, innerStart + inner.length);
    position += relayMatch[0].length;
  }
  // ", speaking on condition of anonymity." closes the sentence without adding content.
  const anonymityTail = /^\s*,\s*(?:speaking|who\s+spoke|who\s+asked|asking|who\s+requested|requesting|who\s+declined|declining)\b[^,]*?(?:anonymity|named|identified)\b[^,]*/i.exec(text.slice(position));
  let anonymityClause: Chunk | undefined;
  if (anonymityTail) {
    anonymityClause = chunkAt(sentence, position, position + anonymityTail[0].length);
    anonymityClause = { ...anonymityClause, text: anonymityClause.text.replace(/^,\s*/, '') };
    position += anonymityTail[0].length;
  }
  const rest = text.slice(position);
  if (/^\s*[.!?"\u201d]*\s*$/.test(rest)) return { relay, anonymityClause, followOnStart: null, saidAt: skipped.saidAt };
  const followOn = /^\s*,\s*(?:adding|saying|noting|warning|claiming)\b/i.exec(rest);
  if (followOn) return { relay, anonymityClause, followOnStart: position, saidAt: skipped.saidAt };
  return null;
}

function splitCoordinatedSpeakers(sentence: Sentence, chunk: Chunk): Chunk[] {
  const parts = chunk.text.split(/\s+and\s+/);
  if (parts.length !== 2) return [chunk];
  const looksLikeSpeaker = (part: string) =>
    (/^(?:[A-Z]|the\s|a\s|an\s|two\s|three\s|several\s)/.test(part) || isAnonymousPhrase(part) || /[a-z]s$/.test(part)) &&
    countWords(part) <= 8 &&
    !FINITE_VERBS.test(part);
  if (!parts.every(looksLikeSpeaker)) return [chunk];
  const secondStart = chunk.text.lastIndexOf(parts[1]);
  return [
    { text: parts[0], start: chunk.start, end: chunk.start + parts[0].length },
    { text: parts[1], start: chunk.start + secondStart, end: chunk.start + secondStart + parts[1].length },
  ].filter((part) => part.text.length > 0 && sentence.text.length > 0);
}

function baseFrame(cue: CueMatch, content: Span, speaker: Chunk | null): Frame {
  return { cue, mode: 'PARAPHRASE', content, speaker, relays: [], appositives: [], intro: [], saidAt: null, followsPrevious: false };
}

/** "\"We will not leave,\" said Umm Khaled" and "\"Nobody is safe,\" a resident told Al Jazeera". */
function readQuoteFirst(sentence: Sentence, cues: CueMatch[], publishedAt: Date): Frame[] | null {
  const text = sentence.text;
  if (!/^["\u201c]/.test(text)) return null;
  const close = text.slice(1).search(QUOTE_CHARS) + 1;
  if (close <= 0) return null;
  const cue = cues.find((candidate) => candidate.start > close);
  if (!cue) return null;
  const between = text.slice(close + 1, cue.start);
  const inner = trimContent(sentence, 1, close);
  if (!inner) return null;
  if (/^\s*,?\s*$/.test(between)) {
    const inverted = readInvertedSpeaker(sentence, cue.end);
    if (!inverted) return null;
    const frame = baseFrame(absoluteCue(sentence, cue), inner, inverted.speaker);
    frame.mode = 'DIRECT_QUOTE';
    frame.appositives = inverted.appositives;
    return [frame];
  }
  const region = parseSourceRegion(stripTrailingAdverbs(between.replace(/^\s*,/, ' ')), sentence.start + close + 1);
  if (!region || !isPlausibleSpeaker(region.speaker.text)) return null;
  const frame = baseFrame(absoluteCue(sentence, cue), inner, region.speaker);
  frame.mode = 'DIRECT_QUOTE';
  frame.relays = region.relays;
  frame.appositives = region.appositives;
  const addressee = readAddressee(sentence, cue);
  if (addressee) frame.relays = [addressee, ...frame.relays];
  frame.saidAt = skipCueAdjuncts(sentence, cue.end, publishedAt).saidAt;
  return [frame];
}

const ADDRESSEE = /^\s+((?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)/;

function readAddressee(sentence: Sentence, cue: CueMatch): RelayLink | null {
  if (!/^(?:told|tells|telling)$/i.test(cue.text)) return null;
  const match = ADDRESSEE.exec(sentence.text.slice(cue.end));
  if (!match || !isMediaAddressee(match[1])) return null;
  const start = cue.end + match[0].length - match[1].length;
  return { phrase: chunkAt(sentence, start, start + match[1].length), verb: cue.text };
}

function addresseeEnd(sentence: Sentence, cue: CueMatch): number {
  if (!/^(?:told|tells|telling)$/i.test(cue.text)) return cue.end;
  const match = /^\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|reporters|journalists|the\s+media|the\s+press|lawmakers|[a-z]+\s+reporters|a\s+news\s+conference)(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?/.exec(sentence.text.slice(cue.end));
  return match ? cue.end + match[0].length : cue.end;
}

function readAccordingTo(sentence: Sentence, cue: CueMatch, publishedAt: Date): Frame[] | null {
  const text = sentence.text;
  const beforeCue = text.slice(0, cue.start);
  if (/^\s*$/.test(beforeCue) || /^[^,]{0,40},\s*$/.test(beforeCue) && !/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/.test(beforeCue)) {
    // "According to the ministry, citing hospital records, 34 people were killed."
    const chunks = splitTopLevelCommas(text.slice(cue.end), sentence.start + cue.end);
    if (chunks.length < 2) return null;
    let speaker = chunks[0];
    const relays: RelayLink[] = [];
    let next = 1;
    for (; next < chunks.length - 1; next++) {
      const relay = /^(citing|quoting)\s+(.+)$/i.exec(chunks[next].text);
      if (!relay) break;
      relays.push({ phrase: speaker, verb: relay[1] });
      speaker = { text: relay[2], start: chunks[next].end - relay[2].length, end: chunks[next].end };
    }
    const content = trimContent(sentence, chunks[next].start - sentence.start, text.length);
    if (!content || !isPlausibleSpeaker(speaker.text)) return null;
    const frame = baseFrame(absoluteCue(sentence, cue), content, speaker);
    frame.relays = relays;
    return [frame];
  }
  const content = trimContent(sentence, 0, cue.start);
  const rest = text.slice(cue.end).replace(/[.!?]+\s*$/, '');
  const chunks = splitTopLevelCommas(rest, sentence.start + cue.end);
  if (!content || chunks.length === 0) return null;
  const frame = baseFrame(absoluteCue(sentence, cue), content, chunks[0]);
  // "..., according to the Civil Defense agency, which said many more remained under the rubble."
  const relative = chunks.slice(1).find((chunk) => /^(?:which|who)\s+(?:also\s+)?(?:said|added|told\s+\w+|warned|noted|reported)\b/i.test(chunk.text));
  if (relative) {
    const verb = /^(?:which|who)\s+(?:also\s+)?(\w+)/i.exec(relative.text) as RegExpExecArray;
    const cueStart = relative.start - sentence.start + relative.text.indexOf(verb[1], verb[0].length - verb[1].length);
    const relativeCue: CueMatch = { text: verb[1], start: cueStart, end: cueStart + verb[1].length };
    const skipped = skipCueAdjuncts(sentence, relativeCue.end, publishedAt);
    const followContent = trimContent(sentence, skipped.position, text.length);
    if (followContent) {
      const follow = baseFrame(absoluteCue(sentence, relativeCue), followContent, null);
      follow.followsPrevious = true;
      follow.saidAt = skipped.saidAt;
      frame.appositives = chunks.slice(1).filter((chunk) => chunk.start < relative.start);
      return [frame, follow];
    }
  }
  const relay = chunks.slice(1).find((chunk) => /^(?:citing|quoting)\s/i.test(chunk.text));
  if (relay) {
    const inner = relay.text.replace(/^(?:citing|quoting)\s+/i, '');
    frame.relays = [{ phrase: chunks[0], verb: relay.text.split(/\s+/)[0] }];
    frame.speaker = { text: inner, start: relay.end - inner.length, end: relay.end };
  } else {
    frame.appositives = chunks.slice(1);
  }
  return [frame];
}

// ", a figure Hamas disputes" / ", a claim the army denied": a second speaker's stance on the same content.
const COUNTER_CLAIM_TAIL =
  /,\s+(?:(?:a|the)\s+)?(?:claim|figure|toll|number|account|report|allegation|accusation|version)s?\s+(?:that\s+|which\s+)?((?:the\s+)?[A-Z]?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?(denied|denies|disputed|disputes|rejected|rejects|questioned|questions|confirmed|confirms)\b[^,]*$/d;

function splitCounterClaims(sentence: Sentence, frames: Frame[]): Frame[] {
  const result: Frame[] = [];
  for (const frame of frames) {
    result.push(frame);
    if (!frame.speaker || frame.mode === 'DIRECT_QUOTE') continue;
    const local = frame.content.start - sentence.start;
    const body = sentence.text.slice(local, frame.content.end - sentence.start);
    const tail = COUNTER_CLAIM_TAIL.exec(body);
    if (!tail) continue;
    frame.content = { start: frame.content.start, end: frame.content.start + tail.index };
    const indices = tail.indices as Array<[number, number]>;
    const [speakerFrom, speakerTo] = indices[1];
    const [cueFrom, cueTo] = indices[2];
    const counter = baseFrame(
      { text: tail[2], start: frame.content.start + cueFrom, end: frame.content.start + cueTo },
      frame.content,
      chunkAt(sentence, local + speakerFrom, local + speakerTo),
    );
    counter.saidAt = null;
    result.push(counter);
  }
  return result;
}

/** Frames for one sentence, primary first, then follow-ons of the same speaker. */
export function readFrames(sentence: Sentence, publishedAt: Date): Frame[] {
  return splitCounterClaims(sentence, readFramesInSentence(sentence, publishedAt));
}

function readFramesInSentence(sentence: Sentence, publishedAt: Date): Frame[] {
  const cues = findCues(sentence.text);
  if (cues.length === 0) return [];
  const quoted = readQuoteFirst(sentence, cues, publishedAt);
  if (quoted) return quoted;

  const text = sentence.text;
  for (const cue of cues) {
    if (/^according\s+to$/i.test(cue.text)) {
      const frames = readAccordingTo(sentence, cue, publishedAt);
      if (frames) return frames;
      continue;
    }
    if (FOLLOW_ON_CUE.test(cue.text) && /^(?:adding|saying|noting|warning|claiming|denying|confirming)$/i.test(cue.text)) continue;
    const before = text.slice(0, cue.start);

    // Inverted: "..., said Ahmed al-Wazir, a spokesman".
    if (/,\s*$/.test(before) && !/,\s*(?:quoting|citing)\s/i.test(before) && /^(?:said|says|told|added|reported|wrote|warned|claimed|confirmed|insisted|noted)$/i.test(cue.text)) {
      const inverted = readInvertedSpeaker(sentence, cue.end);
      const content = trimContent(sentence, 0, before.length);
      if (inverted && content) {
        const frame = baseFrame(absoluteCue(sentence, cue), content, inverted.speaker);
        frame.appositives = inverted.appositives;
        return [frame];
      }
    }

    // Trailing: "..., the Syrian Observatory for Human Rights said Tuesday."
    const trailing = readTrailingRemainder(sentence, cue.end, publishedAt);
    if (trailing && before.includes(',')) {
      const chunks = splitTopLevelCommas(stripTrailingAdverbs(before), sentence.start);
      const last = chunks[chunks.length - 1];
      if (chunks.length >= 2 && isPlausibleSpeaker(last.text)) {
        // "Fleeing jihadis demand ...; around 1,000 may have ..., CNN reports": the source covers the last clause.
        const semicolon = text.slice(0, last.start - sentence.start).lastIndexOf('; ');
        const content = trimContent(sentence, semicolon >= 0 ? semicolon + 2 : 0, last.start - sentence.start);
        if (content) {
          const speakers = splitCoordinatedSpeakers(sentence, last);
          const frames = speakers.map((speaker) => {
            const frame = baseFrame(absoluteCue(sentence, cue), content, speaker);
            frame.saidAt = trailing.saidAt;
            if (trailing.anonymityClause) frame.appositives = [trailing.anonymityClause];
            if (trailing.relay) {
              frame.relays = [{ phrase: speaker, verb: 'citing' }];
              frame.speaker = trailing.relay;
            }
            return frame;
          });
          if (trailing.followOnStart !== null) frames.push(...followOnFrames(sentence, cues, trailing.followOnStart, publishedAt));
          return frames;
        }
      }
    }

    // Leading: "CNN, quoting a senior military official, reported Monday that ...".
    const region = parseSourceRegion(stripTrailingAdverbs(before), sentence.start);
    if (!region || !isPlausibleSpeaker(region.speaker.text)) continue;
    // "The town, which officials said had been emptied": the cue belongs to a relative clause.
    const lastAppositive = region.appositives[region.appositives.length - 1];
    if (lastAppositive && /^(?:which|who|that|where|what|whom)\b/i.test(lastAppositive.text) && sentence.start + before.trimEnd().length === lastAppositive.end) continue;
    let contentFrom = addresseeEnd(sentence, cue);
    const relays = [...region.relays];
    let speaker = region.speaker;
    if (/^(?:quoted|cited)$/i.test(cue.text)) {
      const asSaying = /^\s+(.+?)\s+as\s+(?:saying|telling\s+[^,]+?|stating|reporting)\s+/i.exec(text.slice(cue.end));
      if (!asSaying) continue;
      relays.push({ phrase: speaker, verb: cue.text });
      const innerStart = cue.end + asSaying[0].indexOf(asSaying[1]);
      speaker = chunkAt(sentence, innerStart, innerStart + asSaying[1].length);
      contentFrom = cue.end + asSaying[0].length;
    }
    const addressee = readAddressee(sentence, cue);
    if (addressee) relays.unshift(addressee);
    // "RIA Novosti reported, citing the Defense Ministry, that ...": the relay sits between cue and content.
    const midRelay = /^\s*,\s*(citing|quoting)\s+([^,]+?)\s*,\s*/i.exec(text.slice(contentFrom));
    if (midRelay) {
      relays.push({ phrase: speaker, verb: midRelay[1] });
      const innerStart = contentFrom + midRelay[0].indexOf(midRelay[2], midRelay[1].length);
      speaker = chunkAt(sentence, innerStart, innerStart + midRelay[2].length);
      contentFrom += midRelay[0].length;
    }
    const skipped = skipCueAdjuncts(sentence, contentFrom, publishedAt);
    const quote = quotedContent(sentence, skipped.position);
    const contentEnd = text.length;
    const follows = quote ? [] : findFollowOns(sentence, cues, skipped.position, contentEnd);
    const secondSpeaker = quote ? null : findSecondSpeaker(sentence, cues, skipped.position, contentEnd);
    const ownEnd = secondSpeaker ? secondSpeaker.markerStart : contentEnd;
    const primaryEnd = follows.length > 0 && follows[0].markerStart < ownEnd ? follows[0].markerStart : ownEnd;
    const content = quote ? trimContent(sentence, quote.start, quote.end) : trimContent(sentence, skipped.position, primaryEnd);
    if (!content) continue;
    const frame = baseFrame(absoluteCue(sentence, cue), content, speaker);
    frame.mode = quote ? 'DIRECT_QUOTE' : 'PARAPHRASE';
    frame.relays = relays;
    frame.appositives = region.appositives;
    frame.intro = region.intro;
    frame.saidAt = skipped.saidAt;
    const frames = [frame];
    if (follows.length > 0 && follows[0].markerStart < ownEnd) {
      frames.push(...followOnFrames({ ...sentence, text: text.slice(0, ownEnd) }, cues, follows[0].markerStart, publishedAt));
    }
    if (secondSpeaker) {
      const rest: Sentence = { ...sentence, text: text.slice(secondSpeaker.speakerStart), start: sentence.start + secondSpeaker.speakerStart };
      frames.push(...readFramesInSentence(rest, publishedAt));
    }
    return frames;
  }
  return [];
}

const PRIMARY_SPEECH_VERB = /^(?:said|says|told|reported|claimed|denied|insisted|warned|announced|confirmed)$/i;

/** ", while Hamas said it would fight on": a second speaker whose words must not be read as the first's. */
function findSecondSpeaker(sentence: Sentence, cues: CueMatch[], from: number, to: number): { markerStart: number; speakerStart: number } | null {
  const text = sentence.text;
  for (const cue of cues) {
    if (cue.start <= from || cue.start >= to || !PRIMARY_SPEECH_VERB.test(cue.text)) continue;
    const before = text.slice(from, cue.start);
    const markers = [...before.matchAll(/(?:,\s*|\s+)(?:while|whereas|but|although)\s+/gi)];
    const marker = markers[markers.length - 1];
    if (!marker || marker.index === undefined) continue;
    const speaker = before.slice(marker.index + marker[0].length).replace(TRAILING_ADVERBS, '');
    if (countWords(speaker) > 6 || !/^(?:[A-Z]|the\s|a\s|an\s)/.test(speaker) || FINITE_VERBS.test(speaker)) continue;
    return { markerStart: from + marker.index, speakerStart: from + marker.index + marker[0].length };
  }
  return null;
}

/** Frames that continue the previous speaker from `from` to the end of the sentence. */
function followOnFrames(sentence: Sentence, cues: CueMatch[], from: number, publishedAt: Date): Frame[] {
  const frames: Frame[] = [];
  const follows = findFollowOns(sentence, cues, from, sentence.text.length);
  follows.forEach((follow, i) => {
    const skipped = skipCueAdjuncts(sentence, follow.cue.end, publishedAt);
    const end = i + 1 < follows.length ? follows[i + 1].markerStart : sentence.text.length;
    const quote = quotedContent(sentence, skipped.position);
    const content = quote ? trimContent(sentence, quote.start, quote.end) : trimContent(sentence, skipped.position, end);
    if (!content) return;
    const frame = baseFrame(absoluteCue(sentence, follow.cue), content, null);
    frame.mode = quote ? 'DIRECT_QUOTE' : 'PARAPHRASE';
    frame.followsPrevious = true;
    frame.saidAt = skipped.saidAt;
    frames.push(frame);
  });
  return frames;
}
