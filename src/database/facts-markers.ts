import { JsonSql } from './json-sql';

/** A computed field whose value Node works out from facts the SQL reads (TreeNode.computed). */
interface FactsRule {
  value(facts: unknown): unknown;
}

/**
 * Lets a response tree written by the database carry a value only Node computes (attributionLine,
 * whose rule lives in claims/analysis/attribution-line.ts): the SQL writes `{"$<n>": <facts>}` where the
 * value goes, and `finish` replaces each such object with the rule's value for its facts.
 *
 * Finding the markers by text is safe: in JSON text a `"` inside a string is always escaped, so `{"`
 * is only ever the start of an object, and no object the trees write has a key starting with `$`
 * except these (GraphQL names cannot, and the JSON columns a tree embeds hold lists of strings).
 */
export class FactsMarkers {
  private readonly rules: FactsRule[] = [];

  constructor(private readonly sql: JsonSql) {}

  /** The SQL of the marker object carrying `facts` (a JSON array or object) for `rule`. */
  mark(rule: FactsRule, facts: string): string {
    let index = this.rules.indexOf(rule);
    if (index < 0) index = this.rules.push(rule) - 1;
    return this.sql.object([[`$${index}`, facts]]);
  }

  /** What turns the database's text into the response's: the text itself when nothing was marked. */
  finisher(): (text: string) => string {
    const rules = [...this.rules];
    if (!rules.length) return (text) => text;
    return (text) => rules.reduce((done, rule, index) => replaceMarkers(done, `{"$${index}"`, rule), text);
  }
}

function replaceMarkers(text: string, opening: string, rule: FactsRule): string {
  let at = text.indexOf(opening);
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    // PostgreSQL writes `{"$0" : [...]}`, SQLite `{"$0":[...]}`.
    const colon = skipSpace(text, at + opening.length);
    if (text[colon] !== ':') throw new Error('A facts marker without its value');
    const start = skipSpace(text, colon + 1);
    const end = valueEnd(text, start);
    const close = skipSpace(text, end);
    if (text[close] !== '}') throw new Error('A facts marker with more than one key');
    out += text.slice(copied, at) + JSON.stringify(rule.value(JSON.parse(text.slice(start, end))));
    copied = close + 1;
    at = text.indexOf(opening, copied);
  }
  return out + text.slice(copied);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\t' || text[at] === '\r')) at++;
  return at;
}

/** Where the JSON array or object starting at `start` ends (one past its closing bracket). */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first !== '[' && first !== '{') throw new Error('Facts must be a JSON array or object');
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      // Skip the string, escapes included.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '[' || ch === '{') {
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('Unterminated facts');
}
