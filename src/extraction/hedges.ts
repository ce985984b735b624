import type { TextSpan } from './suggestion';

/*
 * Longer phrases come first so "may have" wins over "may". Modal "may" is only matched in lower case
 * so the month of May is not taken for a hedge.
 */
const HEDGE_PATTERN = new RegExp(
  [
    "it (?:was|is|remained|remains) (?:not|n't|un)clear",
    'it (?:was|is) not (?:immediately )?clear',
    'it could not be (?:immediately )?(?:confirmed|verified)',
    '(?:may|might|could|would|must) have',
    'may',
    'might',
    'could',
    'reportedly',
    'allegedly',
    'apparently',
    'purportedly',
    'possibly',
    'probably',
    'likely',
    'presumably',
    'believed to',
    'thought to',
    'said to be',
    'unconfirmed',
  ].join('|'),
  'g',
);

const HEDGE_PATTERN_FOLDED_START = /^It (?:was|is) not (?:immediately )?clear|^It (?:was|is) unclear/;

export function findHedge(text: string, offset: number): TextSpan | null {
  const opening = HEDGE_PATTERN_FOLDED_START.exec(text);
  if (opening) return { text: opening[0], start: offset, end: offset + opening[0].length };
  HEDGE_PATTERN.lastIndex = 0;
  for (let match = HEDGE_PATTERN.exec(text); match; match = HEDGE_PATTERN.exec(text)) {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    if ((before && /\w/.test(before)) || (after && /\w/.test(after))) continue;
    // "could not be independently verified" is a condition on the report, not a hedge on the claim.
    if (/^could$/.test(match[0]) && /^\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)/.test(text.slice(match.index + 5))) continue;
    return { text: match[0], start: offset + match.index, end: offset + match.index + match[0].length };
  }
  return null;
}
