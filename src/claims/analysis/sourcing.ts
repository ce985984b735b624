import { Sourcing } from '../claim-enum-values';

/**
 * How well a claim is sourced, derived from its live attributions. The rules are written up
 * with worked examples in docs/sourcing-rules.md; these functions are the single definition.
 */
export interface SourceFacts {
  id: string;
  name: string;
  anonymous: boolean;
  /** Set when an editor has linked sources as one origin (linkSources). */
  originGroupId: string | null;
}

export interface AttributionFacts {
  stance: 'ASSERTS' | 'DENIES' | 'QUESTIONS';
  speaker: SourceFacts;
  /** Intermediaries, outermost first; `cue` is how each hop passed the words on. */
  chain: Array<{ source: SourceFacts; cue: string | null }>;
}

function identity(source: SourceFacts): string {
  return `source:${source.originGroupId ?? source.id}`;
}

/**
 * Who originally said it. Relays collapse onto their origin: the speaker, not the outlets that
 * passed the words on. An anonymous speaker is known only through the outlet that first carried
 * them, so "a senior official" quoted by CNN is one origin however many outlets relay CNN, while
 * anonymous speakers reported first-hand are each their own origin unless an editor links them.
 */
export function originOf(a: AttributionFacts): string {
  const { speaker, chain } = a;
  if (!speaker.anonymous || speaker.originGroupId || chain.length === 0) return identity(speaker);
  const innermost = chain[chain.length - 1].source;
  return `via:${identity(innermost)}:${speaker.name.trim().toLowerCase()}`;
}

/** Who the reader sees as the source: the outermost relay, or the speaker when nothing was relayed. */
export function apparentSourceOf(a: AttributionFacts): string {
  return identity(a.chain.length ? a.chain[0].source : a.speaker);
}

export function independentOrigins(attributions: AttributionFacts[], stance: AttributionFacts['stance'] = 'ASSERTS'): Set<string> {
  return new Set(attributions.filter((a) => a.stance === stance).map(originOf));
}

export interface SourcingSummary {
  independentSourceCount: number;
  denyingSourceCount: number;
  questioningSourceCount: number;
  sourcing: Sourcing;
  circular: boolean;
  speakerAnonymity: SpeakerAnonymity;
}

/**
 * Whether a claim's live speakers (any stance) are anonymous: every one (ANONYMOUS_ONLY), none
 * (NAMED_ONLY), some (MIXED), or there is no live attribution (NONE). Stored on the claim with the
 * sourcing values, so the anonymity filter is an indexed column instead of a look at every attribution.
 */
export type SpeakerAnonymity = 'ANONYMOUS_ONLY' | 'NAMED_ONLY' | 'MIXED' | 'NONE';

export function speakerAnonymityOf(attributions: AttributionFacts[]): SpeakerAnonymity {
  if (!attributions.length) return 'NONE';
  const anonymous = attributions.filter((a) => a.speaker.anonymous).length;
  return anonymous === attributions.length ? 'ANONYMOUS_ONLY' : anonymous === 0 ? 'NAMED_ONLY' : 'MIXED';
}

/**
 * One source a claim's live attributions name, and whether as speaker, as relay, or both. Each row also carries
 * the claim's speakers' anonymity, so "CNN's anonymous-only claims, newest first" is one index range
 * (source_id, speaker_anonymity, claim_id) instead of a probe of every CNN claim.
 */
export interface ClaimSourceFacts {
  sourceId: string;
  speaks: boolean;
  relays: boolean;
  speakerAnonymity: SpeakerAnonymity;
}

/** The sources a claim's live attributions name (speakers and every hop of their chains), each once. */
export function claimSourcesOf(attributions: AttributionFacts[]): ClaimSourceFacts[] {
  const bySource = new Map<string, ClaimSourceFacts>();
  const speakerAnonymity = speakerAnonymityOf(attributions);
  const mark = (sourceId: string, role: 'speaks' | 'relays') => {
    const entry = bySource.get(sourceId) ?? { sourceId, speaks: false, relays: false, speakerAnonymity };
    entry[role] = true;
    bySource.set(sourceId, entry);
  };
  for (const a of attributions) {
    mark(a.speaker.id, 'speaks');
    for (const hop of a.chain) mark(hop.source.id, 'relays');
  }
  return [...bySource.values()];
}

export function summarizeSourcing(attributions: AttributionFacts[]): SourcingSummary {
  const asserting = attributions.filter((a) => a.stance === 'ASSERTS');
  const independent = independentOrigins(attributions).size;
  const denying = independentOrigins(attributions, 'DENIES').size;
  const questioning = independentOrigins(attributions, 'QUESTIONS').size;
  let sourcing: Sourcing;
  if (denying > 0) sourcing = Sourcing.CONTESTED;
  else if (independent === 0) sourcing = Sourcing.UNSOURCED;
  else if (asserting.every((a) => a.speaker.anonymous)) sourcing = Sourcing.ANONYMOUS_ONLY;
  else if (independent >= 2) sourcing = Sourcing.CORROBORATED;
  else sourcing = Sourcing.SINGLE_SOURCE;
  // Circular reporting: it looks like several sources, but every one traces back to one origin.
  const apparent = new Set(asserting.map(apparentSourceOf)).size;
  return {
    independentSourceCount: independent,
    denyingSourceCount: denying,
    questioningSourceCount: questioning,
    sourcing,
    circular: apparent >= 2 && independent === 1,
    speakerAnonymity: speakerAnonymityOf(attributions),
  };
}
