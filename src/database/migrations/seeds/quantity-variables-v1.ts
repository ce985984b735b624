/**
 * The vocabulary of figures as first seeded (migration QuantityVariables, both databases). Frozen:
 * later changes are new migrations or editors' defineQuantityVariable calls.
 */
const SEED: Array<[name: string, label: string, unit: string | null, currency: string | null, description: string, aliases: string[], ucdp: string | null, acled: string | null]> = [
  ['deaths_civilians', 'Civilians killed', 'people', null, 'Non-combatants killed.', ['civilians_killed', 'civilian_deaths', 'killed_civilians'], 'deaths_civilians', 'fatalities (event type Violence against civilians)'],
  ['deaths_combatants', 'Combatants killed', 'fighters', null, 'Fighters, soldiers, police in combat, militants killed, of any side.', ['fighters_killed', 'soldiers_killed', 'militants_killed', 'combatants_killed'], 'deaths_a + deaths_b', 'fatalities (event types Battles, Explosions/Remote violence)'],
  ['deaths_total', 'People killed (all)', 'people', null, 'Everyone killed, when the report does not tell civilians from combatants.', ['people_killed', 'death_toll'], 'best', 'fatalities'],
  ['deaths_children', 'Children killed', 'children', null, 'Children killed (also counted in deaths_civilians by UCDP).', ['children_killed'], 'deaths_civilians (part)', 'fatalities (part)'],
  ['people_injured', 'People wounded', 'people', null, 'People wounded or injured.', ['wounded', 'injured', 'people_wounded'], null, null],
  ['fighters_present', 'Fighters present', 'fighters', null, 'Fighters in a place at the time: remaining, besieged, stationed.', ['fighters_inside', 'fighters_besieged'], null, null],
  ['fighters_refusing_surrender', 'Fighters refusing to surrender', 'fighters', null, 'Fighters holding out and refusing terms.', ['fighters_holding_out'], null, null],
  ['fighters_surrendered', 'Fighters who surrendered', 'fighters', null, 'Fighters who gave themselves up.', [], null, null],
  ['fighters_fled', 'Fighters who fled', 'fighters', null, 'Fighters who fled or escaped a place.', ['fighters_escaped'], null, null],
  ['people_displaced', 'People displaced', 'people', null, 'People who fled or were forced from their homes.', ['displaced', 'people_fled', 'families_displaced'], null, 'event type Strategic developments (displacement)'],
  ['people_detained', 'People detained', 'people', null, 'People arrested, captured or held.', ['detained', 'arrested', 'people_arrested'], null, 'sub-event type Arrests'],
  ['people_released', 'People released', 'people', null, 'Detainees, prisoners or hostages freed.', ['released', 'freed', 'prisoners_released'], null, null],
  ['people_abducted', 'People abducted', 'people', null, 'People kidnapped or abducted.', ['abducted', 'kidnapped'], null, 'sub-event type Abduction/forced disappearance'],
  ['people_missing', 'People missing', 'people', null, 'People unaccounted for.', ['missing'], null, null],
  ['cash_usd', 'Cash (US dollars)', null, 'USD', 'Money in US dollars: ransoms, seized cash, payments.', ['money_usd', 'usd'], null, null],
];

const text = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

/** INSERT statements for the seed, with `now` as the creation time literal of the database. */
export function seedQuantityVariables(now: string): string[] {
  return SEED.map(
    ([name, label, unit, currency, description, aliases, ucdp, acled]) =>
      `INSERT INTO "quantity_variable" ("name", "label", "unit", "currency", "description", "aliases", "ucdp", "acled", "created_by", "created_at") VALUES (${[name, label, unit, currency, description, JSON.stringify(aliases), ucdp, acled].map(text).join(', ')}, NULL, ${now})`,
  );
}
