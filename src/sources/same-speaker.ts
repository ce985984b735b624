import { foldKey } from '../common/text';

/** Phrases that say the same thing about an anonymous person's access ("close to" the talks is "familiar with" them). */
const EQUIVALENT: Array<[RegExp, string]> = [
  [/\b(close to|familiar with|with knowledge of|knowledgeable about|briefed on|involved in|privy to|with direct knowledge of|aware of)\b/g, 'knows'],
  [/\b(person|source|individual|figure)\b/g, 'person'],
  [/\b(officials?|officers?)\b/g, 'official'],
  [/\b(talks|negotiations|discussions)\b/g, 'talks'],
  [/\b(matter|situation|issue)\b/g, 'matter'],
];
const FILLER = /\b(a|an|the|one|who|was|is|said|directly|closely|personally)\b/g;

/**
 * Two anonymous descriptions in one article with the same key are likely one person: "a person
 * close to the negotiations" and "a person familiar with the negotiations" both give "person knows talks".
 */
export function sameSpeakerKey(description: string): string {
  let key = foldKey(description);
  for (const [pattern, replacement] of EQUIVALENT) key = key.replace(pattern, replacement);
  return key.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}
