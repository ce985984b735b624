import { FOLLOW_ON_CUE, type CueMatch } from './cues';
import { absoluteCue, baseFrame, chunkAt, FINITE_VERBS, quotedContent, skipCueAdjuncts, TRAILING_ADVERBS, trimContent, type Frame } from './frame-parts';
import { countWords } from './normalize';
import type { Sentence } from './sentences';

/*
 * What can follow a primary attribution inside the same sentence: the same speaker going on
 * ("adding that"), a second speaker ("but Y said"), or a second speaker's stance ("a claim Y denied").
 */

interface FollowOn {
  cue: CueMatch;
  markerStart: number;
}

/** ", adding that ...", " and said ..." inside a content span: where the next frame of the same speaker begins. */
export function findFollowOns(sentence: Sentence, cues: CueMatch[], from: number, to: number): FollowOn[] {
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

// ", a figure Hamas disputes" / ", a claim the army denied": a second speaker's stance on the same content.
const COUNTER_CLAIM_TAIL =
  /,\s+(?:(?:a|the)\s+)?(?:claim|figure|toll|number|account|report|allegation|accusation|version)s?\s+(?:that\s+|which\s+)?((?:the\s+)?[A-Z]?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?(denied|denies|disputed|disputes|rejected|rejects|questioned|questions|confirmed|confirms)\b[^,]*$/d;

export function splitCounterClaims(sentence: Sentence, frames: Frame[]): Frame[] {
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

const PRIMARY_SPEECH_VERB = /^(?:said|says|told|reported|claimed|denied|insisted|warned|announced|confirmed|rejected|condemned|accused|questioned|disputed)$/i;

/** ", while Hamas said it would fight on": a second speaker whose words must not be read as the first's. */
export function findSecondSpeaker(sentence: Sentence, cues: CueMatch[], from: number, to: number): { markerStart: number; speakerStart: number } | null {
  const text = sentence.text;
  for (const cue of cues) {
    if (cue.start <= from || cue.start >= to || !PRIMARY_SPEECH_VERB.test(cue.text)) continue;
    const before = text.slice(from, cue.start);
    const markers = [...before.matchAll(/(?:,\s*|\s+)(?:while|whereas|but|although|though)\s+|,\s*and\s+/gi)];
    const marker = markers[markers.length - 1];
    if (!marker || marker.index === undefined) continue;
    const speaker = before.slice(marker.index + marker[0].length).replace(TRAILING_ADVERBS, '');
    if (countWords(speaker) > 6 || !/^(?:[A-Z]|the\s|a\s|an\s)/.test(speaker) || FINITE_VERBS.test(speaker)) continue;
    return { markerStart: from + marker.index, speakerStart: from + marker.index + marker[0].length };
  }
  return null;
}

/** Frames that continue the previous speaker from `from` to the end of the sentence. */
export function followOnFrames(sentence: Sentence, cues: CueMatch[], from: number, publishedAt: Date): Frame[] {
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
