/*
 * Page furniture that scrapers leave in article text. A line that matches is dropped whole: captions
 * describe a photo rather than report a claim, and walls and prompts never carry attributions.
 */
const CAPTION_PATTERNS: RegExp[] = [
  /\((?:[A-Z][\w.&-]*\s+)*Photo\s*\/[^)]*\)/,
  /\bPhoto(?:graph)?s?\s*(?:credit)?\s*:/i,
  /\b(?:Image|Picture)\s+credit\s*:/i,
  /\((?:Getty Images|Reuters|AFP|EPA)(?:\/[^)]*)?\)\s*$/,
];

// Only short lines are tested against these, so body copy that happens to say "registered" survives.
const PROMPT_PATTERNS: RegExp[] = [
  /^\s*read more\b/i,
  /\bsubscribe\b|\bsubscriber\b|\bsubscription\b|you['\u2019]re subscribed/i,
  /\bsign (?:in|up)\b|\blog ?in\b|\bregister(?:ing)?\b|already registered/i,
  /\bnewsletter\b/i,
  /\b(?:enter|check) your email\b|\bemail address\b|\bsent an email\b/i,
  /\bcontinue reading\b|\bcontinue with\b/i,
  /\bterms (?:and conditions|of service|of use)\b|\bprivacy policy\b|\bcookies?\b/i,
  /\bget notifications\b|\bnever miss\b|\bbreaking news alerts?\b/i,
  /\blimit of free articles\b|\bunlimited access\b/i,
  /\badvertisement\b|\bshare this article\b|\bfollow us on\b/i,
];

const SHORT_LINE_WORDS = 25;

export function isBoilerplateLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return true;
  if (CAPTION_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  const words = trimmed.split(/\s+/).length;
  return words <= SHORT_LINE_WORDS && PROMPT_PATTERNS.some((pattern) => pattern.test(trimmed));
}
