/**
 * The export's columns: names are a published contract (researchers' scripts depend on them),
 * so they only ever get added, never renamed. The codebook, the CSV header, the import reader,
 * the export reader's claim query and the rows' shape are all driven from these lists.
 */
import type { Claim, EventTimeColumns, PlaceColumns } from '../claims/claim.entity';
import { Sourcing } from '../claims/claim-enum-values';
import { DECLARED_COLUMNS, DECLARED_ENTRIES, DeclaredColumn, DeclaredColumnName } from '../claims/declared-columns';
import { AttributionMode, Stance } from '../attributions/attribution-enum-values';
import { ClaimStatus, PlacePrecision, TimePrecision } from '../claims/claim-enum-values';
import { Reliability, SourceKind } from '../sources/source-kind';

/** `list`: a JSON array (CSV: its JSON text; JSONL: the array), `[]` when empty; the one list encoding. */
export type ColumnType = 'text' | 'enum' | 'integer' | 'number' | 'boolean' | 'datetime' | 'date' | 'list';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  doc: string;
  /** An enum's values, from the TypeScript enum itself. */
  values?: readonly string[];
  /** Never empty in an export (the data package's `required` constraint). */
  required?: boolean;
  /**
   * A plain claim column: where the export reader reads it. Declaring `from` is all a claim column needs: the
   * reader selects it and the row carries it as read, in its type's export form (export-reader.ts). A column
   * without `from` is worked out from the claim's bundle in export-rows.ts (`writeWorkedOut`), which must write it.
   */
  from?: ClaimColumnSource;
}

/** A property of the Claim entity, embedded columns by their path ('place.name'). */
export type ClaimProperty = Exclude<keyof Claim, 'quantities' | 'place' | 'eventTime'> | `place.${keyof PlaceColumns}` | `eventTime.${keyof EventTimeColumns}`;

/**
 * Where a plain claim column comes from: a property of the Claim entity (its column, looked up in TypeORM's metadata,
 * so a property that does not exist fails the reader at start-up), or an SQL expression over the claim row `c`.
 */
export type ClaimColumnSource = { claim: ClaimProperty } | { sql: string };

/** As UCDP counts sources: the reports the claim rests on. One correlated count per claim of a page. */
const ARTICLE_COUNT_SQL =
  '(SELECT COUNT(DISTINCT ci.article_id) FROM attribution a JOIN citation ci ON ci.attribution_id = a.id JOIN article ar ON ar.id = ci.article_id ' +
  'WHERE a.claim_id = c.id AND a.deleted_at IS NULL AND ci.deleted_at IS NULL AND ar.deleted_at IS NULL)';

export type ExportProfile = 'full' | 'ucdp';

/**
 * A typed-in plain column of Claim, declared once in claims/declared-columns.ts, as an export column. One already
 * published keeps its place through `published(property)` in the list below; any other declared with `exportAs` is
 * appended after the list, in declaration order, so adding a column there adds it to the export with no line here.
 */
function declaredColumn(property: DeclaredColumnName, column: DeclaredColumn): ColumnDef {
  if (!column.exportAs) throw new Error(`${property} is not exported (claims/declared-columns.ts)`);
  return { name: column.exportAs, type: column.kind, doc: column.description, from: { claim: property } };
}
const PLACED = new Set<string>();
function published(property: DeclaredColumnName): ColumnDef {
  PLACED.add(property);
  return declaredColumn(property, DECLARED_COLUMNS[property]);
}

const PUBLISHED_COLUMNS: readonly ColumnDef[] = [
  { name: 'claim_id', type: 'text', required: true, from: { claim: 'id' }, doc: 'The claim\'s id (UUIDv7). The import\'s idempotency key.' },
  { name: 'statement', type: 'text', required: true, from: { claim: 'statement' }, doc: 'The claim in the reporter\'s words.' },
  published('hedge'),
  { name: 'status', type: 'enum', required: true, values: Object.values(ClaimStatus), from: { claim: 'status' }, doc: 'Editorial status: UNVERIFIED, CORROBORATED, CONTESTED, CONFIRMED, FALSE, RETRACTED.' },
  { name: 'tags', type: 'list', required: true, from: { claim: 'tags' }, doc: 'Tags: a JSON array of strings (`["siege","negotiations"]`), `[]` when there are none.' },
  { name: 'quantity_variable', type: 'text', doc: 'Primary quantity (the first by position): what is counted, a snake_case key.' },
  { name: 'quantity_low', type: 'number', doc: 'Primary quantity: the lower bound, or the value when the figure is a single value. Empty: no lower bound.' },
  { name: 'quantity_best', type: 'number', doc: 'Primary quantity: the best estimate (see "Best, low and high").' },
  { name: 'quantity_high', type: 'number', doc: 'Primary quantity: the upper bound, or the value when the figure is a single value. Empty: no upper bound.' },
  { name: 'quantity_low_inclusive', type: 'boolean', doc: 'Whether quantity_low itself is possible: true for "at least 300", false for "more than 300".' },
  { name: 'quantity_high_inclusive', type: 'boolean', doc: 'Whether quantity_high itself is possible: true for "up to 50", false for "fewer than 50".' },
  { name: 'quantity_approximate', type: 'boolean', doc: 'True for "about", "around", "some".' },
  { name: 'quantity_unit', type: 'text', doc: 'Primary quantity: the counted noun ("fighters").' },
  { name: 'quantity_currency', type: 'text', doc: 'Primary quantity: ISO 4217 code when the figure is money.' },
  { name: 'quantity_qualifier', type: 'text', doc: 'Primary quantity: the qualifier as written ("more than", "at least").' },
  { name: 'quantities_json', type: 'list', required: true, doc: 'Every quantity, in position order, as stored: a JSON array of {variable, value, lower, lower_inclusive, upper, upper_inclusive, approximate, qualifier, unit, currency, vague}, `[]` when there are none. The quantities table (`/exports/quantities.csv`) has the same one row per quantity.' },
  { name: 'place_name', type: 'text', from: { claim: 'place.name' }, doc: 'Place name as reported.' },
  { name: 'place_admin_area', type: 'text', from: { claim: 'place.adminArea' }, doc: 'First-level administrative area.' },
  { name: 'place_country', type: 'text', from: { claim: 'place.country' }, doc: 'ISO 3166-1 alpha-2 country code.' },
  { name: 'place_precision', type: 'enum', values: Object.values(PlacePrecision), from: { claim: 'place.precision' }, doc: 'How precisely the place is known: EXACT, NEAR, ADMIN2, ADMIN1, COUNTRY, REGION (see "Precision codes").' },
  { name: 'latitude', type: 'number', from: { claim: 'place.latitude' }, doc: 'WGS 84 latitude, decimal degrees.' },
  { name: 'longitude', type: 'number', from: { claim: 'place.longitude' }, doc: 'WGS 84 longitude, decimal degrees.' },
  { name: 'event_start', type: 'datetime', from: { claim: 'eventTime.start' }, doc: 'Start of the event time (ISO 8601, UTC).' },
  { name: 'event_end', type: 'datetime', from: { claim: 'eventTime.end' }, doc: 'End of the event time; equal to event_start for an instant.' },
  { name: 'event_precision', type: 'enum', values: Object.values(TimePrecision), from: { claim: 'eventTime.precision' }, doc: 'How precisely the time is known: EXACT, HOUR, DAY, WEEK, MONTH, YEAR.' },
  { name: 'attribution_id', type: 'text', doc: 'The attribution\'s id. Empty when the claim has no attribution.' },
  { name: 'source_id', type: 'text', doc: 'The original speaker\'s id.' },
  { name: 'source_name', type: 'text', doc: 'The original speaker; for an anonymous source, its description ("a senior military official").' },
  { name: 'source_kind', type: 'enum', values: Object.values(SourceKind), doc: 'ARMED_GROUP, MILITARY, GOVERNMENT, MONITORING_GROUP, ACTIVIST_COLLECTIVE, MEDIA_OUTLET, NEWS_AGENCY, NGO, INDIVIDUAL, ANONYMOUS.' },
  { name: 'source_reliability', type: 'enum', values: Object.values(Reliability), doc: 'Admiralty source reliability A (completely reliable) to E (unreliable), F (cannot be judged).' },
  { name: 'source_anonymous', type: 'boolean', doc: 'True when source_kind is ANONYMOUS.' },
  { name: 'stance', type: 'enum', values: Object.values(Stance), doc: 'ASSERTS, DENIES or QUESTIONS.' },
  { name: 'cue', type: 'text', doc: 'The attribution verb as written ("said", "reported").' },
  { name: 'mode', type: 'enum', values: Object.values(AttributionMode), doc: 'DIRECT_QUOTE or PARAPHRASE.' },
  { name: 'said_at', type: 'datetime', doc: 'When the source said it, if known.' },
  { name: 'credibility', type: 'integer', doc: 'Admiralty information credibility 1 (confirmed) to 5 (improbable), 6 (cannot be judged).' },
  { name: 'relay_chain', type: 'list', doc: 'Who passed the words on, outermost intermediary first, ending with the speaker: a JSON array of {source_id, name, kind, cue}, where cue is how that link passed it on ("quoting"; for the speaker, the attribution\'s cue). A direct attribution is the speaker alone. Empty when the claim has no attribution.' },
  { name: 'anonymity_reason', type: 'text', doc: 'Why anonymity was granted, as stated.' },
  { name: 'relationship', type: 'text', doc: 'The speaker\'s relationship to the matter ("close to the negotiations").' },
  { name: 'conditions', type: 'list', doc: 'Other conditions as written ("could not be independently verified"): a JSON array of strings, `[]` when there are none. Empty when the claim has no attribution.' },
  { name: 'quote', type: 'text', doc: 'The exact words of the first citation (see "Which citation").' },
  { name: 'article_url', type: 'text', doc: 'Canonical URL of the first citation\'s article.' },
  { name: 'article_headline', type: 'text', doc: 'Headline of that article.' },
  { name: 'article_publisher', type: 'text', doc: 'Publisher of that article.' },
  { name: 'article_published_at', type: 'datetime', doc: 'Publication time of that article.' },
  { name: 'independent_source_count', type: 'integer', required: true, from: { claim: 'independentSourceCount' }, doc: 'Independent origins asserting the claim (live ASSERTS attributions; docs/sourcing-rules.md): two outlets relaying the same speaker count once, because the chain is not the speaker, and sources an editor linked as one origin count once. The same on every row of a claim, and the value the `minIndependentSources` filter reads.' },
  { name: 'created_at', type: 'datetime', required: true, from: { claim: 'createdAt' }, doc: 'When the claim was recorded.' },
  { name: 'updated_at', type: 'datetime', required: true, from: { claim: 'updatedAt' }, doc: 'When anything in the claim\'s rows last changed: the claim itself, an attribution added, edited or removed, a citation or its article, or a source it names (renamed, regraded, merged). The same on every row of a claim. Incremental sync reads it (`updatedSince`).' },
  { name: 'row_id', type: 'text', required: true, doc: 'The row\'s stable key: the attribution_id, or the claim_id for a claim without attribution. The same in every export while the row exists; `/exports/deletions` names the rows that left.' },
  { name: 'external_id', type: 'text', from: { claim: 'externalId' }, doc: 'The claim\'s id in the system it was imported from (the file\'s claim_id), kept on import. Empty for a claim logged here.' },
  { name: 'sourcing', type: 'enum', required: true, values: Object.values(Sourcing), from: { claim: 'sourcing' }, doc: 'How the claim is sourced (docs/sourcing-rules.md): CONTESTED, UNSOURCED, ANONYMOUS_ONLY, CORROBORATED, SINGLE_SOURCE. The same on every row of a claim.' },
  { name: 'circular', type: 'boolean', required: true, from: { claim: 'circular' }, doc: 'True when several apparent sources all trace back to one origin (relays of one speaker). The same on every row of a claim.' },
  { name: 'has_discrepancy', type: 'boolean', required: true, from: { claim: 'hasDiscrepancy' }, doc: 'True when a figure of this claim cannot be true together with a figure of another live claim on the same variable in an overlapping time window. The same on every row of a claim.' },
  { name: 'primary_row', type: 'boolean', required: true, doc: 'True on exactly one row of each claim (its first attribution, or its only row): keep these rows to count each claim, and each figure, once.' },
  { name: 'article_count', type: 'integer', required: true, from: { sql: ARTICLE_COUNT_SQL }, doc: 'Distinct live articles citing the claim (through any live citation of a live attribution). The UCDP profile\'s number_of_sources.' },
  { name: 'anonymity_granted', type: 'boolean', doc: 'True when the copy grants the speaker anonymity ("said on condition of anonymity"), with or without anonymity_reason. Empty when the claim has no attribution.' },
  { name: 'quantity_vague', type: 'boolean', doc: 'Primary quantity: true for a vague figure ("dozens", "hundreds") kept as a conventional range; quantity_low and quantity_high are then the convention\'s bounds, not the source\'s numbers.' },
];

export const FULL_COLUMNS: readonly ColumnDef[] = [
  ...PUBLISHED_COLUMNS,
  ...DECLARED_ENTRIES.filter(([property, column]) => column.exportAs && !PLACED.has(property)).map(([property, column]) => declaredColumn(property, column)),
];

/** The full profile's plain claim columns, in codebook order: the export reader's claim query selects these and nothing else. */
export const PLAIN_CLAIM_COLUMNS = FULL_COLUMNS.filter((c): c is ColumnDef & { from: ClaimColumnSource } => c.from !== undefined);

export const UCDP_COLUMNS: readonly ColumnDef[] = [
  { name: 'id', type: 'text', required: true, doc: 'Row id: the row_id (the attribution_id, or the claim_id for a claim without attribution).' },
  { name: 'claim_id', type: 'text', required: true, doc: 'As in the full profile.' },
  { name: 'primary_row', type: 'boolean', required: true, doc: 'True on one row per claim. UCDP GED has one row per event: keep primary rows before summing best, low or high.' },
  { name: 'year', type: 'integer', doc: 'The year of date_start.' },
  { name: 'statement', type: 'text', doc: 'As in the full profile.' },
  { name: 'variable', type: 'text', doc: 'quantity_variable: what best/low/high count, the vocabulary of figures\' name.' },
  { name: 'ucdp_variable', type: 'text', doc: 'The UCDP GED field the variable counts toward, from the vocabulary of figures (`quantityVariables { name ucdp }`): deaths_civilians, deaths_a + deaths_b (combatants of either side), best (all killed), or deaths_civilians (part); empty when the variable has no UCDP field (wounded, displaced, cash) or is outside the vocabulary.' },
  { name: 'best', type: 'number', doc: 'quantity_best.' },
  { name: 'low', type: 'number', doc: 'quantity_low.' },
  { name: 'high', type: 'number', doc: 'quantity_high.' },
  { name: 'approximate', type: 'boolean', doc: 'quantity_approximate: true for "about 400". "about 400", "at least 400" and "400" differ here and in the next three columns, not only in high.' },
  { name: 'low_inclusive', type: 'boolean', doc: 'quantity_low_inclusive: false for "more than 400".' },
  { name: 'high_inclusive', type: 'boolean', doc: 'quantity_high_inclusive: false for "fewer than 400".' },
  { name: 'qualifier', type: 'text', doc: 'quantity_qualifier as written ("at least", "about").' },
  { name: 'source_office', type: 'text', doc: 'article_publisher: the outlet that published the report.' },
  { name: 'source_original', type: 'text', doc: 'source_name: the original speaker as described.' },
  { name: 'source_headline', type: 'text', doc: 'article_headline.' },
  { name: 'source_date', type: 'date', doc: 'article_published_at as a date (YYYY-MM-DD, UTC).' },
  { name: 'source_article', type: 'text', doc: 'The row\'s article as UCDP cites a source: "publisher, YYYY-MM-DD, headline".' },
  { name: 'number_of_sources', type: 'integer', doc: 'As UCDP counts sources: the reports (articles) the claim rests on, article_count. The same on every row of a claim.' },
  { name: 'independent_source_count', type: 'integer', doc: 'claimdesk\'s independent origins (full profile), which UCDP does not count.' },
  { name: 'date_prec', type: 'integer', doc: 'UCDP date precision, from the length of the event window and event_precision, whichever is coarser (see "Precision codes").' },
  { name: 'where_prec', type: 'integer', doc: 'UCDP place precision code from place_precision (see "Precision codes").' },
  { name: 'date_start', type: 'date', doc: 'event_start as a date (YYYY-MM-DD, UTC).' },
  { name: 'date_end', type: 'date', doc: 'event_end as a date (YYYY-MM-DD, UTC).' },
  { name: 'where_coordinates', type: 'text', doc: 'place_name.' },
  { name: 'adm_1', type: 'text', doc: 'place_admin_area.' },
  { name: 'country', type: 'text', doc: 'place_country (ISO alpha-2, not UCDP\'s Gleditsch-Ward number).' },
  { name: 'latitude', type: 'number', doc: 'As in the full profile.' },
  { name: 'longitude', type: 'number', doc: 'As in the full profile.' },
];

/** The long-format quantities table: one row per reported figure, every one of a claim's, not only the first. */
export const QUANTITY_COLUMNS: readonly ColumnDef[] = [
  { name: 'claim_id', type: 'text', doc: 'The claim (joins the claims table).' },
  { name: 'position', type: 'integer', doc: 'The figure\'s order within the claim, from 1; position 1 is the primary quantity of the claims table.' },
  { name: 'variable', type: 'text', doc: 'What is counted, a snake_case key.' },
  { name: 'low', type: 'number', doc: 'As quantity_low, for this figure.' },
  { name: 'best', type: 'number', doc: 'As quantity_best, for this figure.' },
  { name: 'high', type: 'number', doc: 'As quantity_high, for this figure.' },
  { name: 'value', type: 'number', doc: 'The single value reported, if any.' },
  { name: 'lower', type: 'number', doc: 'The lower bound reported, if any.' },
  { name: 'lower_inclusive', type: 'boolean', doc: 'Whether the lower bound itself is possible ("at least" true, "more than" false).' },
  { name: 'upper', type: 'number', doc: 'The upper bound reported, if any.' },
  { name: 'upper_inclusive', type: 'boolean', doc: 'Whether the upper bound itself is possible ("up to" true, "fewer than" false).' },
  { name: 'approximate', type: 'boolean', doc: 'True for "about", "around", "some".' },
  { name: 'qualifier', type: 'text', doc: 'The qualifier as written.' },
  { name: 'unit', type: 'text', doc: 'The counted noun.' },
  { name: 'currency', type: 'text', doc: 'ISO 4217 code when the figure is money.' },
  { name: 'vague', type: 'boolean', doc: 'True for a vague figure ("dozens", "hundreds") kept as a conventional range.' },
];

/** What a request exports: the claims table (in a profile) or the quantities table. */
export type ExportTable = 'claims' | 'quantities';

export function columnsFor(profile: ExportProfile, table: ExportTable = 'claims'): readonly ColumnDef[] {
  if (table === 'quantities') return QUANTITY_COLUMNS;
  return profile === 'ucdp' ? UCDP_COLUMNS : FULL_COLUMNS;
}
