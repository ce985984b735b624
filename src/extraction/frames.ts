import { findCues, FOLLOW_ON_CUE, type CueMatch } from './cues';
import { findFollowOns, findSecondSpeaker, followOnFrames, splitCounterClaims } from './continuations';
import {
  absolute,
  absoluteCue,
  baseFrame,
  chunkAt,
  FINITE_VERBS,
  isPlausibleSpeaker,
  QUOTE_CHARS,
  quotedContent,
  readGrantAfterCue,
  skipCueAdjuncts,
  stripTrailingAdverbs,
  trimContent,
  type Frame,
} from './frame-parts';
import { countWords } from './normalize';
import { carriedStatementOutlet, isMediaAddressee, parseSourceRegion, splitTopLevelCommas, trailingMedium, type Chunk, type RelayLink } from './relays';
import type { Sentence } from './sentences';
import { isAnonymousPhrase } from './sources';
import type { Span, SuggestedTime } from './suggestion';
import { findTimes } from './times';

export type { Frame } from './frame-parts';

const VERB_WITH_OBJECT = /\b[a-z]{2,}ed\s+(?:\d|(?:the|a|an|its|their|his|her|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several)\s)/;

/** Speaker(s) after an inverted cue: "..., said Ahmed al-Wazir, a spokesman for ...". */
function readInvertedSpeaker(sentence: Sentence, from: number): { speaker: Chunk; appositives: Chunk[] } | null {
  const rest = sentence.text.slice(from).replace(/[.!?"\u201d]+\s*$/, '');
  const chunks = splitTopLevelCommas(rest, sentence.start + from);
  if (chunks.length === 0) return null;
  const [speaker, ...appositives] = chunks;
  // "reported Monday that ...": a time or a clause after the cue is content, not a speaker. Only the
  // position of the time matters here, so any reference date will do.
  if (/\bthat\b/i.test(speaker.text) || findTimes(speaker.text, 0, new Date(0)).some((time) => time.span.start === 0)) return null;
  if (!isPlausibleSpeaker(speaker.text) || !/^(?:[A-Z]|the\s|a\s|an\s|two\s|three\s|several\s)/.test(speaker.text)) return null;
  // "The Monitor, a group that ..., said the militants freed 12 fighters": a verb with its object is content, not a speaker.
  if (VERB_WITH_OBJECT.test(speaker.text)) return null;
  return { speaker, appositives };
}

interface TrailingReading {
  relay: Chunk | null;
  /** "..., a local medic told AFP.": the outlet the speaker talked to. */
  addressee: RelayLink | null;
  /** "..., the army said in a statement carried by state television.": the outlet that carried it. */
  carrier: RelayLink | null;
  anonymityClause?: Chunk;
  followOnStart: number | null;
  /** "..., a hospital official said, as fighting spread" / ", though the militia denied ...": a clause after the cue. */
  tailStart: number | null;
}

// Conjunctions that open a clause of their own after a trailing cue; the clause is not the speaker's content.
const TRAILING_TAIL = /^\s*,?\s*(?:as|after|amid|while|with|before|when|though|although|but|and|even\s+as|despite|following|a\s+day\s+after|days\s+after|(?:a|the)\s+(?:claim|figure|toll|number|account|report|allegation|accusation|version)s?|claims)/i;

/** Whether nothing but adjuncts, a relay ("citing ..."), a follow-on or a separate clause follows a cue. */
function readTrailingRemainder(sentence: Sentence, cue: CueMatch, publishedAt: Date): (TrailingReading & { saidAt: SuggestedTime | null }) | null {
  const text = sentence.text;
  const addressee = readAddressee(sentence, cue);
  const skipped = skipCueAdjuncts(sentence, addressee ? addresseeEnd(sentence, cue) : cue.end, publishedAt);
  let position = skipped.position;
  let relay: Chunk | null = null;
  const relayMatch = /^\s*,?\s*(?:citing|quoting)\s+([^,]+?)\s*(?=,|[.!?]?\s*$)/i.exec(text.slice(position));
  if (relayMatch) {
    const inner = relayMatch[1];
    const innerStart = position + relayMatch[0].lastIndexOf(inner);
    relay = chunkAt(sentence, innerStart, innerStart + inner.length);
    position += relayMatch[0].length;
  }
  // ", speaking on condition of anonymity." / "said on condition of anonymity" closes the sentence without adding content.
  // ", citing security concerns" after the grant is its reason, not a relay.
  const anonymityTail = /^\s*,?\s*(?:speaking|who\s+spoke|who\s+asked|asking|who\s+requested|requesting|who\s+declined|declining|on\s+(?:the\s+)?condition)\b[^,]*?(?:anonymity|named|identified)\b[^,]*(?:,\s*(?:citing|because|for|fearing)\s+[^,]*?(?=[.!?"\u201d]*\s*$))?/i.exec(text.slice(position));
  let anonymityClause: Chunk | undefined;
  if (anonymityTail) {
    const clause = anonymityTail[0].replace(/[\s.!?"\u201d]+$/, '');
    const lead = /^[\s,]*/.exec(clause)?.[0].length ?? 0;
    anonymityClause = chunkAt(sentence, position + lead, position + clause.length);
    position += anonymityTail[0].length;
  }
  const rest = text.slice(position);
  const reading = { relay, addressee, carrier: skipped.carrier, anonymityClause, followOnStart: null, tailStart: null, saidAt: skipped.saidAt };
  if (/^\s*[.!?"\u201d]*\s*$/.test(rest)) return reading;
  // ", the army said, according to a statement carried by state television.": the outlet carried the army's words.
  const closing = rest.replace(/[\s.!?"\u201d]+$/, '');
  const medium = trailingMedium({ text: closing, start: sentence.start + position, end: sentence.start + position + closing.length });
  if (medium && medium.end === sentence.start + position) return { ...reading, carrier: reading.carrier ?? medium.relay };
  const followOn = /^\s*,\s*(?:adding|saying|noting|warning|claiming)\b/i.exec(rest);
  if (followOn) return { ...reading, followOnStart: position };
  if (/^\s*,/.test(rest) && TRAILING_TAIL.test(rest)) return { ...reading, tailStart: position };
  return null;
}

// ", a claim the rebels rejected" after a trailing cue: the second speaker's stance on the same content.
const COUNTER_AFTER_CUE =
  /^\s*,\s*(?:(?:a|the)\s+)?(?:claim|figure|toll|number|account|report|allegation|accusation|version)s?\s+(?:that\s+|which\s+)?((?:the\s+)?[A-Z]?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?(denied|denies|disputed|disputes|rejected|rejects|questioned|questions)\b/d;

/** Frames in the clause after a trailing cue: a counter-claim on the same content, or another speaker's attribution. */
function readTail(sentence: Sentence, tailStart: number, content: Span, publishedAt: Date): Frame[] {
  const text = sentence.text;
  const counter = COUNTER_AFTER_CUE.exec(text.slice(tailStart));
  if (counter) {
    const indices = counter.indices as Array<[number, number]>;
    const frame = baseFrame(
      { text: counter[2], start: sentence.start + tailStart + indices[2][0], end: sentence.start + tailStart + indices[2][1] },
      content,
      chunkAt(sentence, tailStart + indices[1][0], tailStart + indices[1][1]),
    );
    return [frame];
  }
  const opener = /^\s*,?\s*(?:and|but|though|although|while|as|even\s+as)\s+/i.exec(text.slice(tailStart));
  if (!opener) return [];
  const from = tailStart + opener[0].length;
  const rest: Sentence = { ...sentence, text: text.slice(from), start: sentence.start + from };
  // Only a clause with its own named speaker and cue counts; "as fighting spread" has none.
  const frames = readFramesInSentence(rest, publishedAt);
  const first = frames[0];
  return first && first.speaker !== null && first.speaker.start === rest.start ? frames : [];
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

const ADDRESSEE = /^\s+((?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|(?:the\s+)?(?:state|local|national|public)\s+(?:television|TV|media|radio|broadcaster))/;

function readAddressee(sentence: Sentence, cue: CueMatch): RelayLink | null {
  if (!/^(?:told|tells|telling)$/i.test(cue.text)) return null;
  const match = ADDRESSEE.exec(sentence.text.slice(cue.end));
  if (!match || !isMediaAddressee(match[1])) return null;
  const start = cue.end + match[0].length - match[1].length;
  return { phrase: chunkAt(sentence, start, start + match[1].length), verb: cue.text };
}

function addresseeEnd(sentence: Sentence, cue: CueMatch): number {
  if (!/^(?:told|tells|telling)$/i.test(cue.text)) return cue.end;
  const match = /^\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*|(?:the\s+)?(?:state|local|national|public)\s+(?:television|TV|media|radio|broadcaster)|reporters|journalists|the\s+media|the\s+press|lawmakers|[a-z]+\s+reporters|a\s+news\s+conference)(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?/.exec(sentence.text.slice(cue.end));
  return match ? cue.end + match[0].length : cue.end;
}

function readAccordingTo(sentence: Sentence, cue: CueMatch, publishedAt: Date): Frame[] | null {
  const text = sentence.text;
  const beforeCue = text.slice(0, cue.start);
  if (/^\s*$/.test(beforeCue) || /^[^,]{0,40},\s*$/.test(beforeCue) && !/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/.test(beforeCue)) {
    // "According to the ministry, citing hospital records, 34 people were killed."
    const chunks = splitTopLevelCommas(text.slice(cue.end), sentence.start + cue.end);
    if (chunks.length < 2) return null;
    let speaker = carriedStatementOutlet(chunks[0]) ?? chunks[0];
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
    // "According to medics and residents, ...": one attribution per speaker.
    return splitCoordinatedSpeakers(sentence, speaker).map((part) => {
      const frame = baseFrame(absoluteCue(sentence, cue), content, part);
      frame.relays = relays;
      return frame;
    });
  }
  const content = trimContent(sentence, 0, cue.start);
  const rest = text.slice(cue.end).replace(/[.!?]+\s*$/, '');
  const chunks = splitTopLevelCommas(rest, sentence.start + cue.end);
  if (!content || chunks.length === 0) return null;
  const frame = baseFrame(absoluteCue(sentence, cue), content, carriedStatementOutlet(chunks[0]) ?? chunks[0]);
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
    const trailing = readTrailingRemainder(sentence, cue, publishedAt);
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
            if (trailing.anonymityClause) frame.grant = trailing.anonymityClause;
            if (trailing.relay) {
              frame.relays = [{ phrase: speaker, verb: 'citing' }];
              frame.speaker = trailing.relay;
            }
            if (trailing.addressee) frame.relays = [trailing.addressee, ...frame.relays];
            // The outlet carried the speaker's own words, so it is the hop nearest the speaker.
            if (trailing.carrier) frame.relays = [...frame.relays, trailing.carrier];
            return frame;
          });
          if (trailing.followOnStart !== null) frames.push(...followOnFrames(sentence, cues, trailing.followOnStart, publishedAt));
          if (trailing.tailStart !== null) frames.push(...readTail(sentence, trailing.tailStart, content, publishedAt));
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
    if (skipped.carrier) relays.push(skipped.carrier);
    const grantAfterCue = readGrantAfterCue(sentence, skipped.position);
    if (grantAfterCue) skipped.position = grantAfterCue.position;
    const quote = quotedContent(sentence, skipped.position);
    const contentEnd = text.length;
    const follows = quote ? [] : findFollowOns(sentence, cues, skipped.position, contentEnd);
    const secondSpeaker = quote ? null : findSecondSpeaker(sentence, cues, skipped.position, contentEnd);
    const ownEnd = secondSpeaker ? secondSpeaker.markerStart : contentEnd;
    const primaryEnd = follows.length > 0 && follows[0].markerStart < ownEnd ? follows[0].markerStart : ownEnd;
    // "Hamas denied that, calling it a pretext": a demonstrative object is the whole content.
    const demonstrative = quote ? null : /^\s*(?:that|this|it|them)(?=\s*[,.;])/i.exec(text.slice(skipped.position, primaryEnd));
    const content = quote
      ? trimContent(sentence, quote.start, quote.end)
      : demonstrative
        ? absolute(sentence, skipped.position + demonstrative[0].length - demonstrative[0].trimStart().length, skipped.position + demonstrative[0].length)
        : trimContent(sentence, skipped.position, primaryEnd);
    if (!content) continue;
    // "Rescue workers and a resident told Reuters ...": one attribution per speaker.
    const speakers = relays.length > 0 && relays[relays.length - 1].phrase === region.speaker ? [speaker] : splitCoordinatedSpeakers(sentence, speaker);
    const frames = speakers.map((part) => {
      const frame = baseFrame(absoluteCue(sentence, cue), content, part);
      frame.mode = quote ? 'DIRECT_QUOTE' : 'PARAPHRASE';
      frame.relays = relays;
      frame.appositives = region.appositives;
      frame.intro = region.intro;
      frame.saidAt = skipped.saidAt;
      if (grantAfterCue) frame.grant = grantAfterCue.grant;
      return frame;
    });
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
