import type { Span, SuggestedQuantity } from './suggestion';

const UNITS_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const UNIT_WORD = Object.keys(UNITS_WORDS).join('|');
const TENS_WORD = Object.keys(TENS_WORDS).join('|');
const NUMBER_WORD = `(?:(?:${TENS_WORD})(?:-(?:${UNIT_WORD}))?|${UNIT_WORD}|a dozen)`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
const CURRENCY_SIGN = `(?:US\\$|\\$|\u20ac|\u00a3)`;
const SCALE_WORD = `(?:hundred|thousand|million|billion|trillion|mn|bn)`;
const FIGURE = `${CURRENCY_SIGN}?\\s?(?:${DIGITS}|${NUMBER_WORD})(?:\\s+${SCALE_WORD})?`;

/*
 * Qualifier -> how it bounds the figure. Order matters inside the alternation: longer phrases first so
 * "no fewer than" is not read as "fewer than".
 */
type BoundRule = 'lowerExclusive' | 'lowerInclusive' | 'upperInclusive' | 'upperExclusive' | 'approximate' | 'range';
const QUALIFIER_RULES: Array<[string, BoundRule]> = [
  ['no fewer than', 'lowerInclusive'],
  ['no less than', 'lowerInclusive'],
  ['more than', 'lowerExclusive'],
  ['over', 'lowerExclusive'],
  ['upwards of', 'lowerExclusive'],
  ['at least', 'lowerInclusive'],
  ['a minimum of', 'lowerInclusive'],
  ['up to', 'upperInclusive'],
  ['as many as', 'upperInclusive'],
  ['at most', 'upperInclusive'],
  ['a maximum of', 'upperInclusive'],
  ['fewer than', 'upperExclusive'],
  ['less than', 'upperExclusive'],
  ['under', 'upperExclusive'],
  ['an estimated', 'approximate'],
  ['estimated', 'approximate'],
  ['approximately', 'approximate'],
  ['roughly', 'approximate'],
  ['around', 'approximate'],
  ['about', 'approximate'],
  ['nearly', 'approximate'],
  ['almost', 'approximate'],
  ['close to', 'approximate'],
  ['some', 'approximate'],
  ['between', 'range'],
];
const QUALIFIER = QUALIFIER_RULES.map(([phrase]) => phrase.replace(/ /g, '\\s+')).join('|');

const QUANTITY_PATTERN = new RegExp(
  `(?<![\\w$.,:])(?:(${QUALIFIER})\\s+(?:(?:another|an\\s+additional|a\\s+further|a\\s+total\\s+of)\\s+)?)?(${FIGURE})(?:\\s+(?:and|to)\\s+(${FIGURE})|\\s?[-\u2013]\\s?(${FIGURE}))?(?![\\w%])`,
  'gi',
);

const CURRENCY_BY_SIGN: Record<string, string> = { $: 'USD', US$: 'USD', '\u20ac': 'EUR', '\u00a3': 'GBP' };
const CURRENCY_BY_WORD: Array<[RegExp, string]> = [
  [/^(?:us\s+)?dollars?\b/i, 'USD'],
  [/^euros?\b/i, 'EUR'],
  [/^syrian\s+pounds?\b/i, 'SYP'],
  [/^(?:british\s+)?pounds?(?:\s+sterling)?\b/i, 'GBP'],
  [/^iraqi\s+dinars?\b/i, 'IQD'],
  [/^(?:russian\s+)?roubles?\b|^rubles?\b/i, 'RUB'],
  [/^(?:ukrainian\s+)?hryvnias?\b/i, 'UAH'],
];

// Words that can be counted without ending in -s; participles like "wounded" stand for people in tolls.
const IRREGULAR_PLURALS = new Set([
  'people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'troops', 'dead', 'wounded',
  'injured', 'missing', 'displaced', 'sheep', 'cattle', 'aircraft', 'fish', 'youth', 'infantry', 'gunmen',
  'policemen', 'servicemen', 'tonnes', 'tons',
]);
const PARTICIPLE_UNITS = new Set(['dead', 'wounded', 'injured', 'missing', 'displaced']);
const NOT_NOUNS = new Set([
  'its', 'his', 'has', 'was', 'is', 'this', 'thus', 'as', 'us', 'plus', 'across', 'les', 'was', 'ours', 'yours',
  'theirs', 'hers', 'whereas', 'besides', 'always', 'perhaps', 'towards', 'afterwards', 'sometimes', 'unless',
]);
// A counted noun never lies past one of these.
const PHRASE_BREAKERS = new Set([
  'were', 'was', 'are', 'is', 'had', 'have', 'has', 'been', 'be', 'will', 'would', 'could', 'may', 'might', 'in', 'on',
  'at', 'to', 'from', 'and', 'or', 'who', 'that', 'which', 'with', 'by', 'for', 'after', 'before', 'during', 'since',
  'when', 'while', 'per', 'than', 'into', 'near', 'across', 'as',
]);
const UNIT_LOOKAHEAD_WORDS = 4;
const DEMONYM_PLURAL = /^[A-Z][a-z]+(?:ans|is|ese)$/;
// "a 2-year-old girl", "aged 19 and 23", "at about 8:30 p.m.": ages and clock times are not figures.
const AGE_OR_CLOCK_AFTER = /^(?:-(?:year|month|week|day)s?-old\b|\s+(?:years?|months?)\s+old\b|:\d\d|\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|o'clock\b|GMT\b|local\s+time\b))/i;
const AGE_BEFORE = /\baged\s+(?:\d+\s*(?:,|and|to|-)\s*)*$/i;
// "for five hours", "36 hours without a break": durations are times, not counts.
const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'nights']);

/*
 * Vague figures become conventional ranges marked vague (docs/extraction.md): "dozens" 24-99,
 * "hundreds" 200-999, "several" 3-9 ... "several" and "a few" count only before a counted noun.
 */
const VAGUE_RANGES: Array<[RegExp, number, number, boolean]> = [
  [/^tens\s+of\s+thousands$/i, 20000, 99999, false],
  [/^hundreds\s+of\s+thousands$/i, 200000, 999999, false],
  [/^several\s+hundred$/i, 300, 999, false],
  [/^several\s+thousand$/i, 3000, 9999, false],
  [/^dozens$/i, 24, 99, false],
  [/^hundreds$/i, 200, 999, false],
  [/^thousands$/i, 2000, 9999, false],
  [/^millions$/i, 2000000, 9999999, false],
  [/^several$/i, 3, 9, true],
  [/^a\s+few$/i, 2, 5, true],
];
const VAGUE_PATTERN = /(?<![\w-])(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|several\s+hundred|several\s+thousand|dozens|hundreds|thousands|millions|several|a\s+few)(?![\w-])/gi;

function findVagueQuantities(text: string, offset: number, excluded: Span[]): SuggestedQuantity[] {
  const found: SuggestedQuantity[] = [];
  VAGUE_PATTERN.lastIndex = 0;
  for (let match = VAGUE_PATTERN.exec(text); match; match = VAGUE_PATTERN.exec(text)) {
    const start = offset + match.index;
    if (excluded.some((span) => span.start < start + match![0].length && start < span.end)) continue;
    const rule = VAGUE_RANGES.find(([pattern]) => pattern.test(match![0]));
    if (!rule) continue;
    const [, lower, upper, needsNoun] = rule;
    const following = text.slice(match.index + match[0].length);
    // "more than a dozen", "at least several": bounded forms are left to the numeric reading.
    if (/\b(?:of|than)\s+$/i.test(text.slice(0, match.index)) && !/^\s+of\b/i.test(following)) continue;
    const foundUnit = findUnit(following);
    if (needsNoun && !foundUnit) continue;
    if (foundUnit && TIME_UNITS.has(foundUnit.unit)) continue;
    const length = match[0].length + (foundUnit ? foundUnit.end : 0);
    found.push({
      text: text.slice(match.index, match.index + length),
      span: { start, end: start + length },
      lower,
      upper,
      lowerInclusive: true,
      upperInclusive: true,
      approximate: false,
      qualifier: null,
      unit: foundUnit?.unit ?? null,
      currency: null,
      vague: true,
    });
  }
  return found;
}

export function parseNumber(figure: string): number | undefined {
  const cleaned = figure.replace(new RegExp(`^${CURRENCY_SIGN}\\s?`, 'i'), '').trim().toLowerCase();
  const match = /^(.*?)(?:\s+(hundred|thousand|million|billion|trillion|mn|bn))?$/.exec(cleaned);
  if (!match) return undefined;
  const scaleWord = match[2] === 'mn' ? 'million' : match[2] === 'bn' ? 'billion' : match[2];
  const scale = scaleWord ? SCALES[scaleWord] : 1;
  const base = match[1].trim();
  let amount: number | undefined;
  if (/^[\d.,]+$/.test(base)) amount = Number(base.replace(/,/g, ''));
  else if (base === 'a dozen') amount = 12;
  else {
    const [tens, units] = base.split('-');
    if (tens in TENS_WORDS) amount = TENS_WORDS[tens] + (units ? UNITS_WORDS[units] ?? NaN : 0);
    else if (base in UNITS_WORDS) amount = UNITS_WORDS[base];
  }
  if (amount === undefined || Number.isNaN(amount)) return undefined;
  // Float artefacts such as 1.2 * 1e9 = 1199999999.9999998 are rounded away.
  return Math.round(amount * scale * 1e6) / 1e6;
}

function currencyOf(figure: string, following: string): string | null {
  const sign = new RegExp(`^${CURRENCY_SIGN}`, 'i').exec(figure.trim());
  if (sign) return CURRENCY_BY_SIGN[sign[0].toUpperCase()] ?? CURRENCY_BY_SIGN[sign[0]] ?? null;
  for (const [pattern, code] of CURRENCY_BY_WORD) if (pattern.test(following.trimStart())) return code;
  return null;
}

function looksCounted(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length > 3 && /^[a-z]+s$/.test(word) && !word.endsWith('ss') && !NOT_NOUNS.has(word);
}

interface FoundUnit {
  unit: string;
  /** Offset just past the unit word, relative to the text that follows the figure. */
  end: number;
}

/** The head noun being counted: the first plural-looking word before the phrase ends. */
function findUnit(following: string): FoundUnit | null {
  const ofPossessive = /^\s*of\s+(?:the|its|their|his|her|our)\s+/i.exec(following);
  const wordPattern = /\S+/g;
  wordPattern.lastIndex = ofPossessive ? ofPossessive[0].length : 0;
  for (let seen = 0, match = wordPattern.exec(following); match && seen < UNIT_LOOKAHEAD_WORDS; seen++, match = wordPattern.exec(following)) {
    const raw = match[0];
    const word = raw.replace(/[^A-Za-z'-]+$/, '');
    const lower = word.toLowerCase();
    if (PHRASE_BREAKERS.has(lower)) return null;
    // "1,500 displaced people": a participle only stands for the counted noun when no noun follows it.
    if (PARTICIPLE_UNITS.has(lower)) {
      const next = /^\s+([a-z]+)/.exec(following.slice(match.index + word.length));
      if (next && looksCounted(next[1])) continue;
    }
    if (/^[a-z]/.test(word) && looksCounted(lower)) return { unit: lower, end: match.index + word.length };
    // "seven Palestinians", "1,200 Israelis": a demonym is the counted noun, written as it stands.
    if (DEMONYM_PLURAL.test(word)) return { unit: word, end: match.index + word.length };
    if (/[,;:.)]$/.test(raw)) return null;
  }
  return null;
}

function ruleFor(qualifier: string | undefined): BoundRule | undefined {
  if (!qualifier) return undefined;
  const normalised = qualifier.toLowerCase().replace(/\s+/g, ' ');
  return QUALIFIER_RULES.find(([phrase]) => phrase === normalised)?.[1];
}

const TIME_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const YEAR_LIKE = /^(1[89]\d\d|20\d\d)$/;

/**
 * Figures in a span of text. `excluded` holds spans already claimed by dates and durations so that
 * "the past six months" does not also count six months.
 */
export function findQuantities(text: string, offset: number, excluded: Span[] = []): SuggestedQuantity[] {
  const numeric = findNumericQuantities(text, offset, excluded);
  const vague = findVagueQuantities(text, offset, [...excluded, ...numeric.map((quantity) => quantity.span)]);
  return vague.length === 0 ? numeric : [...numeric, ...vague].sort((a, b) => a.span.start - b.span.start);
}

function findNumericQuantities(text: string, offset: number, excluded: Span[]): SuggestedQuantity[] {
  const found: SuggestedQuantity[] = [];
  QUANTITY_PATTERN.lastIndex = 0;
  for (let match = QUANTITY_PATTERN.exec(text); match; match = QUANTITY_PATTERN.exec(text)) {
    const [matched, rawQualifier, firstFigure, rangeEnd, dashEnd] = match;
    let rule = ruleFor(rawQualifier);
    let whole = matched;
    let secondFigure: string | undefined = rangeEnd ?? dashEnd;
    // A plain "and" joins two figures only after "between"; otherwise they are separate figures.
    if (rangeEnd && rule !== 'range' && /^\s+and\s/i.test(matched.slice(matched.indexOf(firstFigure) + firstFigure.length))) {
      whole = matched.slice(0, matched.indexOf(firstFigure) + firstFigure.length);
      secondFigure = undefined;
      QUANTITY_PATTERN.lastIndex = match.index + whole.length;
    }
    const start = offset + match.index;
    const end = start + whole.length;
    if (excluded.some((span) => span.start < end && start < span.end)) continue;
    // "between X and Y" needs the second figure; a lone "between 5" is not a range.
    if (rule === 'range' && !secondFigure) continue;
    const figureText = firstFigure.trim();
    const first = parseNumber(figureText);
    if (first === undefined) continue;
    const isWordNumber = /^[a-z]/i.test(figureText.replace(new RegExp(`^${CURRENCY_SIGN}`), ''));
    const before = text.slice(0, match.index);
    const following = text.slice(match.index + whole.length);
    if (/^\s*(?:percent|per cent|%)/i.test(following)) continue;
    if (!secondFigure && (AGE_OR_CLOCK_AFTER.test(following) || AGE_BEFORE.test(before))) continue;
    if (AGE_BEFORE.test(before)) continue;
    if (!rawQualifier && !secondFigure && YEAR_LIKE.test(figureText)) continue;
    // "one" is far more often a pronoun ("one of them") than a count.
    if (isWordNumber && !rawQualifier && figureText.toLowerCase() === 'one') continue;
    const currency = currencyOf(secondFigure ? secondFigure : figureText, following) ?? currencyOf(figureText, following);
    const foundUnit = currency ? null : findUnit(following);
    const unit = foundUnit?.unit ?? null;
    if (isWordNumber && !rawQualifier && !unit) continue;
    if (unit && TIME_UNITS.has(unit)) continue;
    // Named things carry numbers ("Resolution 2254", "DeirEzzor 24", "Leopard 2 tanks"); a weekday before a figure does not.
    const capitalisedBefore = /(^|[\s(])([A-Z][\w-]*)\s$/.exec(before);
    if (!rawQualifier && !currency && capitalisedBefore && !TIME_WORDS.test(capitalisedBefore[2]) && !/(?:^|[.!?:"\u201c]\s*)$/.test(before.slice(0, before.length - capitalisedBefore[2].length - 1))) continue;
    const textEnd = foundUnit ? whole.length + foundUnit.end : whole.length;

    const quantity: SuggestedQuantity = {
      text: text.slice(match.index, match.index + textEnd),
      span: { start, end: start + textEnd },
      lowerInclusive: false,
      upperInclusive: false,
      approximate: false,
      qualifier: rawQualifier ?? null,
      unit,
      currency,
    };
    if (secondFigure) {
      const second = parseNumber(secondFigure.trim());
      if (second === undefined) continue;
      const scaleOfSecond = /\s(million|billion|thousand|trillion|mn|bn)$/i.exec(secondFigure.trim());
      // "2 to 3 million" means two million to three million.
      const lower = scaleOfSecond && !/\s(million|billion|thousand|trillion|mn|bn)$/i.test(figureText) ? parseNumber(`${figureText} ${scaleOfSecond[1]}`) ?? first : first;
      quantity.lower = lower;
      quantity.upper = second;
      quantity.lowerInclusive = true;
      quantity.upperInclusive = true;
      if (rule !== 'range') quantity.approximate = rule === 'approximate';
    } else {
      if (rule === 'range') rule = undefined;
      switch (rule) {
        case 'lowerExclusive':
          quantity.lower = first;
          break;
        case 'lowerInclusive':
          quantity.lower = first;
          quantity.lowerInclusive = true;
          break;
        case 'upperInclusive':
          quantity.upper = first;
          quantity.upperInclusive = true;
          break;
        case 'upperExclusive':
          quantity.upper = first;
          break;
        case 'approximate':
          quantity.value = first;
          quantity.approximate = true;
          break;
        default:
          quantity.value = first;
      }
    }
    found.push(quantity);
  }
  return found;
}
