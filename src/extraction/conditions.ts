import type { SuggestedConditions } from './suggestion';

/*
 * Anonymity grants come in a handful of set phrases. The reason is what follows the grant, minus the
 * "because he was" that merely links it: "not authorized to speak about the talks".
 */
const ANONYMITY_GRANTS = [
  /\b(?:spoke|speaking|spoken|talked|talking)\s+on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|(?:that\s+)?(?:he|she|they)\s+(?:not\s+)?be\s+(?:named|identified)|of\s+not\s+being\s+(?:named|identified))/i,
  /\b(?:requested|request(?:ing|s)?|asked\s+for|asking\s+for|demanded|was\s+granted|were\s+granted|granted|insisted\s+on|on\s+condition\s+of)\s+anonymity/i,
  /\b(?:asked|asking|declined|declining|requested|requesting)\s+not\s+to\s+be\s+(?:named|identified)/i,
  /\bwho\s+(?:could|can)\s*not\s+be\s+(?:named|identified)/i,
  /\bwho\s+(?:declined|refused)\s+to\s+be\s+(?:named|identified)/i,
  /\b(?:declined|refused|declining|refusing)\s+to\s+be\s+(?:named|identified)/i,
  /\bwhose\s+(?:full\s+)?name\s+(?:was|is|has\s+been)\s+(?:withheld|not\s+(?:given|published|disclosed))/i,
];

// Only a pronoun subject is link ("because they were not authorized"); "because the talks were private" keeps its subject.
const REASON_LINK = /^\s*,?\s*(?:because|as|since)\s+(?:(?:(?:he|she|they|we|i)\s+)(?:(?:was|were|is|are|had|has|have)\s+)?)?/i;

export interface AnonymityFinding {
  /** Offset of the grant phrase inside the searched text. */
  index: number;
  reason?: string;
}

export function findAnonymityGrant(text: string): AnonymityFinding | null {
  for (const pattern of ANONYMITY_GRANTS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match.index + match[0].length);
    const linked = REASON_LINK.exec(rest);
    const reasonText = (linked ? rest.slice(linked[0].length) : rest.replace(/^\s*,?\s*/, ''))
      .split(/[,;.]|\s+and\s+(?:said|added)\b/)[0]
      .trim();
    const reason = /^(?:not\b|to\b|in line with|for\b|due to|under|citing|fearing|because|as)/i.test(reasonText) || linked
      ? reasonText
      : undefined;
    return { index: match.index, reason: reason && reason.length > 0 ? reason : undefined };
  }
  return null;
}

const RELATIONSHIP_PATTERN =
  /\b(?:familiar with|close to|briefed on|with (?:direct |first-hand |firsthand )?knowledge of|involved in|privy to|present at|who (?:has|had) seen|who attended|who took part in|who witnessed|participating in)\s+[^,;]+/i;

export function findRelationship(descriptor: string): string | undefined {
  return RELATIONSHIP_PATTERN.exec(descriptor)?.[0].trim();
}

const UNVERIFIED_PATTERN =
  /,?\s*(?:(?:a|the)\s+(?:figure|claim|toll|number|account|report|statement)s?\s+(?:that|which)\s+)?(?:could|can)\s*not\s+(?:be\s+)?(?:immediately\s+)?(?:independently\s+)?(?:verified|confirmed|verify|confirm)[^,.;]*/i;

export interface UnverifiedFinding {
  index: number;
  length: number;
  note: string;
}

/** "a figure that could not be independently verified": a condition on the report, cut from the content. */
export function findUnverifiedNote(text: string): UnverifiedFinding | null {
  // The pattern may start anywhere; most text has neither word, so a plain search saves the scan.
  if (!/verif|confirm/i.test(text)) return null;
  const match = UNVERIFIED_PATTERN.exec(text);
  if (!match) return null;
  return { index: match.index, length: match[0].length, note: match[0].replace(/^,?\s*/, '').trim() };
}

export function emptyConditions(): SuggestedConditions {
  return { other: [] };
}
