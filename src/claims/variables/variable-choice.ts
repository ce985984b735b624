/**
 * Picks a specific variable of the vocabulary for a suggested figure from its counted noun and the
 * words that follow it ("300 fighters refusing to surrender", "10 fighters were released"), so that
 * accepting a suggestion never files different things under one bare noun. Returns null when
 * nothing specific applies; the caller then falls back to a key made from the noun.
 */
const PEOPLE = /^(people|persons|civilians|residents|villagers|families|children|women|men|students|workers|migrants|refugees|prisoners|detainees|hostages|mourners|worshippers|guests|traders|passengers|patients)$/;
const FIGHTERS = /^(fighters|militants|rebels|insurgents|soldiers|troops|combatants|gunmen|jihadists|policemen|police|officers|guards|members)$/;

type Rule = { words: RegExp; fighters?: string; people?: string; any?: string };

/** Checked in order: the first verb phrase found after the figure decides. */
const RULES: Rule[] = [
  { words: /\brefus\w* to surrender|\bholding out\b|\bheld out\b/, fighters: 'fighters_refusing_surrender' },
  { words: /\bsurrender(ed)?\b|\blaid down\b|\bgave themselves up\b/, fighters: 'fighters_surrendered' },
  { words: /\b(fled|flee|fleeing|escaped|crossed)\b/, fighters: 'fighters_fled', people: 'people_displaced' },
  { words: /\b(displaced|uprooted|evacuated|forced (out|from))\b/, any: 'people_displaced' },
  { words: /\b(released|freed|set free|let go|exchanged)\b/, any: 'people_released' },
  { words: /\b(detained|arrested|captured|held|imprisoned|taken prisoner|rounded up)\b/, any: 'people_detained' },
  { words: /\b(abducted|kidnapped|seized)\b/, any: 'people_abducted' },
  { words: /\b(missing|unaccounted for)\b/, any: 'people_missing' },
  { words: /\b(wounded|injured|hurt)\b/, any: 'people_injured' },
  { words: /\b(killed|dead|died|deaths?|slain|massacred|executed|lost their lives)\b/, fighters: 'deaths_combatants', people: 'deaths_civilians', any: 'deaths_total' },
  { words: /\b(remain\w*|inside|besieged|present|stationed|deployed|holed up)\b/, fighters: 'fighters_present' },
];

function pick(rules: Rule[], clause: string, isFighters: boolean, isPeople: boolean): string | null {
  let best: { at: number; choice: string } | null = null;
  for (const rule of rules) {
    const m = rule.words.exec(clause);
    if (!m) continue;
    const choice = isFighters ? rule.fighters ?? rule.any : isPeople ? rule.people ?? rule.any : rule.any;
    if (choice && (!best || m.index < best.at)) best = { at: m.index, choice };
  }
  return best?.choice ?? null;
}

/** `before` and `after` are the sentence's text on each side of the figure; the verb after it wins ("10 fighters were released"), else the one before ("an air strike killed 12 civilians"). */
export function chooseVariable(unit: string | null, currency: string | null, before: string, after: string): string | null {
  if (currency) return currency.toUpperCase() === 'USD' ? 'cash_usd' : null;
  const noun = (unit ?? '').toLowerCase();
  const isFighters = FIGHTERS.test(noun);
  const isPeople = PEOPLE.test(noun) || (!isFighters && /^[A-Z]/.test(unit ?? ''));
  // Only the clause the figure belongs to: up to the next sentence or clause break.
  const next = after.toLowerCase().split(/[.;:]|,\s*(?:and|but|while)\b/)[0].slice(0, 160);
  const previous = before.toLowerCase().split(/[.;:]|,\s*(?:and|but|while)\b/).pop()!.slice(-80);
  return pick(RULES, next, isFighters, isPeople) ?? pick(RULES, previous, isFighters, isPeople);
}
