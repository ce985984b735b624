import { emptyConditions, findAnonymityGrant, findRelationship, findUnverifiedNote } from './conditions';
import { stanceOfCue } from './cues';
import { findGazetteerEntry, matchKnownSource } from './gazetteer';
import { findHedge } from './hedges';
import { findPlace } from './places';
import { findQuantities } from './quantities';
import { readFrames, type Frame } from './frames';
import { datelineLength, trailingMedium, type Chunk, type RelayLink } from './relays';
import { splitSentences, type Sentence } from './sentences';
import { anaphorFits, isPronounSource, looksLikePersonName, readSource } from './sources';
import { findTimes } from './times';
import type { AntecedentPointer, Confidence, ExtractionOptions, KnownSource, RelayHop, SuggestedPlace, SuggestedSource, SuggestedTime, Suggestion } from './suggestion';

// "The Observatory's director", "the head of the Red Crescent": a role inside an organisation.
const ROLE_PHRASE =
  /^(?:the\s+)?([\w.\s-]+?)['\u2019]s?\s+(?:director|head|chief|founder|leader|spokes(?:man|woman|person)|coordinator|commander|chairman|president|secretary-general)$|^(?:the\s+)?(?:director|head|chief|founder|leader|spokes(?:man|woman|person)|coordinator|commander|chairman|president)\s+of\s+(?:the\s+)?(.+)$/i;

/** Pronoun and "the group" sources may reach back this many sentences for their antecedent. */
const PRONOUN_REACH_SENTENCES = 2;

interface Remembered {
  sentenceIndex: number;
  suggestion: Suggestion;
}

function knownSourceId(name: string, written: string, knownSources: KnownSource[] | undefined): string | undefined {
  const entry = findGazetteerEntry(name);
  return matchKnownSource(name, knownSources, [written, ...(entry ? [entry.name, ...entry.aliases] : [])]);
}

/** "Two officials, speaking on condition of anonymity because ..., said": the grant is a condition, not part of who spoke. */
/** "speaking on condition of anonymity", "who spoke on condition of anonymity because ...": a grant, not a description. */
function isGrantClause(chunk: Chunk): boolean {
  return findAnonymityGrant(chunk.text.replace(/^(?:who|which)\s+/i, ''))?.index === 0;
}

function buildSource(frame: Frame, speaker: Chunk, knownSources: KnownSource[] | undefined): { source: SuggestedSource; named: boolean } {
  const descriptor = [speaker.text, ...frame.appositives.filter((chunk) => !isGrantClause(chunk)).map((chunk) => chunk.text)].join(', ');
  const reading = readSource(speaker.text, descriptor);
  // "The army spokesman, Brig. Gen. Yehia Rasool": the appositive carries the name.
  const personAppositive = frame.appositives.find((chunk) => looksLikePersonName(chunk.text));
  // "The Observatory's director, Rami Abdel Rahman,": the person speaks, affiliated with the Observatory.
  const role = ROLE_PHRASE.exec(speaker.text.trim());
  if (personAppositive && (reading.anonymous || reading.kind === 'GOVERNMENT' || reading.kind === 'MILITARY' || role)) {
    const person = readSource(personAppositive.text, descriptor);
    const affiliation = role ? readSource(role[1] ?? role[2], role[1] ?? role[2]).name : undefined;
    return {
      source: {
        name: person.name,
        span: { start: personAppositive.start, end: personAppositive.end },
        kind: 'INDIVIDUAL',
        anonymous: false,
        descriptor,
        ...(affiliation ? { affiliation } : {}),
        matchedSourceId: knownSourceId(person.name, personAppositive.text, knownSources),
      },
      named: true,
    };
  }
  return {
    source: {
      name: reading.name,
      span: { start: speaker.start, end: speaker.end },
      kind: reading.kind,
      anonymous: reading.anonymous,
      descriptor,
      ...(reading.gazetteerName ? { canonicalName: reading.gazetteerName } : {}),
      matchedSourceId: reading.anonymous ? undefined : knownSourceId(reading.name, speaker.text, knownSources),
    },
    named: reading.gazetteerName !== undefined || reading.kind === 'INDIVIDUAL',
  };
}

/** Stable for the same text: where the sentence, the cue and the speaker sit. */
function suggestionId(sentenceIndex: number, cueStart: number, speakerStart: number): string {
  return `s${sentenceIndex}-c${cueStart}-p${speakerStart}`;
}

/**
 * A hop's cue says how that hop passed the claim on, read outermost first ("AFP, quoting a local medic"); the
 * text often names the handover from the other side ("a local medic told AFP", "cited by Interfax").
 */
const HOP_CUE: Readonly<Record<string, string>> = {
  told: 'quoting',
  'speaking to': 'quoting',
  'cited by': 'citing',
  'carried by': 'carrying a statement by',
};

function buildChain(relays: RelayLink[], knownSources: KnownSource[] | undefined): RelayHop[] {
  return relays.map((relay) => {
    const reading = readSource(relay.phrase.text, relay.phrase.text);
    return {
      name: reading.name,
      span: { start: relay.phrase.start, end: relay.phrase.end },
      // "a source close to the talks, quoting a second official": a hop can be an unnamed person too.
      kind: reading.kind,
      anonymous: reading.anonymous,
      cue: HOP_CUE[relay.verb] ?? relay.verb,
      matchedSourceId: knownSourceId(reading.name, relay.phrase.text, knownSources),
    };
  });
}

function isResolvable(phrase: string, history: Remembered[], sentenceIndex: number): boolean {
  const antecedent = findAntecedent(history, sentenceIndex);
  // Bare pronouns always resolve (to the previous sentence's subject if need be); "the army" only to a fitting speaker.
  if (!antecedent) return /^(?:he|she|they|it|we|i)$/i.test(phrase.trim()) || /^the\s+(?:group|organization|agency|monitor|center|network|collective|movement)$/i.test(phrase.trim());
  return anaphorFits(phrase, antecedent.source);
}

function findAntecedent(history: Remembered[], sentenceIndex: number): Suggestion | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const remembered = history[i];
    if (sentenceIndex - remembered.sentenceIndex > PRONOUN_REACH_SENTENCES) return undefined;
    return remembered.suggestion;
  }
  return undefined;
}

function buildSuggestion(
  text: string,
  sentence: Sentence,
  frame: Frame,
  previous: Suggestion | undefined,
  history: Remembered[],
  options: ExtractionOptions,
  previousSentence: Sentence | undefined,
): Suggestion | null {
  let content = frame.content;
  const conditions = emptyConditions();

  const unverified = findUnverifiedNote(text.slice(content.start, content.end));
  if (unverified) {
    conditions.other.push(unverified.note);
    if (unverified.index > 3) content = { start: content.start, end: content.start + unverified.index };
  }
  // ", according to a statement (carried by Sunrise TV)" names the medium, not another source; the outlet is a relay.
  const carried = trailingMedium({ text: text.slice(content.start, content.end), start: content.start, end: content.end });
  if (carried) content = { start: content.start, end: carried.end };
  const contentText = text.slice(content.start, content.end).replace(/[\s,;:]+$/, '');
  // "KYIV (Reuters) - Drones hit the port, officials said": the dateline opens the sentence, not the claim.
  const dateline = datelineLength(contentText);
  content = { start: content.start + dateline, end: content.start + contentText.length };

  let source: SuggestedSource;
  let antecedentPointer: AntecedentPointer | null = null;
  let confidence: Confidence = 'high';
  let chain = buildChain(carried?.relay ? [...frame.relays, carried.relay] : frame.relays, options.knownSources);
  if (frame.followsPrevious || frame.speaker === null) {
    if (!previous) return null;
    source = previous.source;
    chain = previous.chain;
    confidence = previous.confidence;
  } else if (isPronounSource(frame.speaker.text) && isResolvable(frame.speaker.text, history, sentence.index)) {
    const antecedent = findAntecedent(history, sentence.index);
    confidence = 'low';
    const subject = antecedent ? undefined : previousSubject(text, previousSentence);
    if (antecedent) {
      source = { ...antecedent.source, span: { start: frame.speaker.start, end: frame.speaker.end }, descriptor: frame.speaker.text };
      antecedentPointer = { suggestionId: antecedent.id, sentenceIndex: antecedent.sentenceIndex, text: antecedent.speaker.text, start: antecedent.speaker.start, end: antecedent.speaker.end };
    } else if (subject) {
      source = buildSource({ ...frame, appositives: [] }, subject, options.knownSources).source;
    } else {
      source = { name: frame.speaker.text, span: { start: frame.speaker.start, end: frame.speaker.end }, kind: 'ANONYMOUS', anonymous: false, descriptor: frame.speaker.text };
    }
  } else {
    const built = buildSource(frame, frame.speaker, options.knownSources);
    source = built.source;
    if (!built.named && !source.anonymous) confidence = 'medium';
  }

  const grantClauses = [...(frame.grant ? [frame.grant] : []), ...frame.appositives.filter(isGrantClause)];
  const descriptorText = [source.descriptor, ...grantClauses, ...frame.intro].map((part) => (typeof part === 'string' ? part : part.text)).join(', ');
  const grant = findAnonymityGrant(descriptorText);
  if (grant) conditions.anonymityGranted = true;
  if (grant?.reason) conditions.anonymityReason = grant.reason;
  const relationship = findRelationship(source.descriptor);
  if (relationship) conditions.relationship = relationship;
  if (!unverified) {
    const elsewhere = findUnverifiedNote(sentence.text);
    if (elsewhere) conditions.other.push(elsewhere.note);
  }

  const body = text.slice(content.start, content.end);
  const times = findTimes(body, content.start, options.publishedAt);
  // "In a statement on Sunday, the ministry said ...": the intro can date the statement.
  const saidAt = frame.saidAt ?? frame.intro.map((chunk) => findTimes(chunk.text, chunk.start, options.publishedAt)[0]).find(Boolean) ?? null;
  const durations = times.map((time) => time.span);
  const eventTime = mainTime(times) ?? null;
  const mediumFrom = Math.min(frame.intro[0]?.start ?? Infinity, frame.speaker?.start ?? Infinity, frame.cue.start);
  const medium =
    findMedium(text.slice(mediumFrom, content.start > mediumFrom ? content.start : frame.cue.end + 80)) ??
    (carried ? findMedium(text.slice(carried.end, frame.content.end)) : null);
  const speakerSpan = frame.followsPrevious || frame.speaker === null ? previous?.speaker ?? null : frame.speaker;
  return {
    id: suggestionId(sentence.index, frame.cue.start, source.span.start),
    sentenceIndex: sentence.index,
    speaker: speakerSpan ? { text: speakerSpan.text, start: speakerSpan.start, end: speakerSpan.end } : { text: source.descriptor, ...source.span },
    antecedent: antecedentPointer ?? (frame.followsPrevious ? previous?.antecedent ?? null : null),
    content: { text: body, start: content.start, end: content.end },
    source,
    cue: { text: frame.cue.text, start: frame.cue.start, end: frame.cue.end },
    mode: frame.mode,
    chain,
    conditions,
    stance: stanceOfCue(frame.cue.text),
    hedge: frame.mode === 'DIRECT_QUOTE' ? null : findHedge(body, content.start),
    quantities: findQuantities(body, content.start, durations),
    time: eventTime ?? saidAt,
    eventTime,
    saidAt,
    place: findPlace(body, content.start) ?? speakerPlace(text, source),
    medium,
    confidence,
  };
}

// "in a statement posted by the group on Telegram", "said on X", "in a video message": how the words came out.
const MEDIUM_CHANNEL = /\b(?:on|via|through)\s+(?:the\s+)?(Telegram(?:\s+messaging\s+app)?|X|Twitter|Facebook|YouTube|Instagram|WhatsApp|TikTok|social\s+media|(?:its|his|her|their)\s+(?:website|Telegram\s+channel|official\s+account))\b/;
const MEDIUM_FORM = /\b(?:in|during)\s+an?\s+((?:[\w-]+\s+){0,2}(?:statement|video|audio\s+message|message|interview|post|briefing|speech|address|news\s+conference|press\s+conference|communique|bulletin))\b/i;

function findMedium(region: string): string | null {
  const channel = MEDIUM_CHANNEL.exec(region)?.[1];
  const form = MEDIUM_FORM.exec(region)?.[1];
  if (form && channel) return `${form} on ${channel}`;
  return channel ?? form ?? null;
}

/** "A resident of Rafah told ...": with no place in the content, an unnamed speaker's own place is the best guess. */
function speakerPlace(text: string, source: SuggestedSource): SuggestedPlace | null {
  // "Al Jazeera's Dorsa Jabbari, reporting from Tehran, said": the reporter describes where she is.
  const reporting = /\breporting\s+from\s+/i.exec(source.descriptor);
  if (reporting) {
    const at = text.indexOf(source.descriptor.slice(reporting.index), source.span.start);
    if (at >= 0) return findPlace(source.descriptor.slice(reporting.index + reporting[0].length), at + reporting[0].length);
  }
  if (!source.anonymous) return null;
  const phrase = text.slice(source.span.start, source.span.end);
  return /\b(?:in|of|from|near)\s+/.test(phrase) ? findPlace(phrase, source.span.start) : null;
}

// "The Ethiopian government did not respond ... It has denied ...": the subject of a cue-less sentence.
const SUBJECT_BEFORE_VERB = /^((?:The\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,4}?)\s+(?:did|does|has|have|had|was|is|were|are|declined|refused|would|could|will)\b/;

function previousSubject(text: string, sentence: Sentence | undefined): Chunk | undefined {
  if (!sentence) return undefined;
  const match = SUBJECT_BEFORE_VERB.exec(sentence.text);
  if (!match || /^(?:It|He|She|They|There|This|That)$/.test(match[1])) return undefined;
  return { text: match[1], start: sentence.start, end: sentence.start + match[1].length };
}

/**
 * "The truce reached last week has been extended for five more days as of Sunday": an explicit
 * forward window belongs to the main verb; otherwise the first time named is the event time.
 */
function mainTime(times: SuggestedTime[]): SuggestedTime | undefined {
  return times.find((time) => /^for\b.*\b(?:as of|from|starting|beginning)\b/i.test(time.text)) ?? times[0];
}

/**
 * A sentence that only grants anonymity ("The officials spoke on condition of anonymity because ...")
 * qualifies every recent claim of the last anonymous speaker; one that says the report could not be
 * verified ("Reuters could not verify the report.") qualifies the claims of the sentence before.
 */
function attachStandaloneConditions(sentence: Sentence, history: Remembered[]): void {
  const grant = findAnonymityGrant(sentence.text);
  if (grant) {
    const recent = history.filter((remembered) => sentence.index - remembered.sentenceIndex <= PRONOUN_REACH_SENTENCES);
    const speaker = [...recent].reverse().find((remembered) => remembered.suggestion.source.anonymous)?.suggestion.source.name;
    for (const remembered of recent) {
      const suggestion = remembered.suggestion;
      if (!suggestion.source.anonymous || suggestion.source.name !== speaker) continue;
      suggestion.conditions.anonymityGranted = true;
      if (!suggestion.conditions.anonymityReason && grant.reason) suggestion.conditions.anonymityReason = grant.reason;
    }
  }
  const unverified = findUnverifiedNote(sentence.text);
  if (unverified && !grant) {
    const last = history[history.length - 1];
    if (!last || sentence.index - last.sentenceIndex > 1) return;
    for (const remembered of history) {
      if (remembered.sentenceIndex !== last.sentenceIndex) continue;
      const note = sentence.text.trim();
      if (!remembered.suggestion.conditions.other.includes(note)) remembered.suggestion.conditions.other.push(note);
    }
  }
}

/**
 * Suggests attributions (who said what, through whom, when) found in article text. Pure: no I/O,
 * no clock; every span is a pair of offsets into `text`.
 */
export function extractAttributions(text: string, options: ExtractionOptions): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const history: Remembered[] = [];
  let previousSentence: Sentence | undefined;
  for (const sentence of splitSentences(text)) {
    const frames = readFrames(sentence, options.publishedAt);
    if (frames.length === 0) {
      attachStandaloneConditions(sentence, history);
      previousSentence = sentence;
      continue;
    }
    let previous: Suggestion | undefined;
    for (const frame of frames) {
      const suggestion = buildSuggestion(text, sentence, frame, previous, history, options, previousSentence);
      if (!suggestion) continue;
      suggestions.push(suggestion);
      history.push({ sentenceIndex: sentence.index, suggestion });
      previous = suggestion;
    }
    previousSentence = sentence;
  }
  return suggestions;
}
