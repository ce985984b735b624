import { PlacePrecision, TimePrecision } from '../claims/claim-enum-values';
import { SourceKind } from '../sources/source-kind';
import { PLAIN_CLAIM_COLUMNS, FULL_COLUMNS } from './export-columns';

/**
 * One claim as the export reads it: its plain columns (those with `from` in export-columns.ts), keyed by column name
 * and already in their export form (dates as ISO text, numbers, booleans, lists), the same from either driver.
 */
export type ClaimRecord = { readonly claim_id: string } & Readonly<Record<string, unknown>>;

/** One link of a relay chain as exported: who, what kind, and the cue ("quoting"). */
export interface RelayLink {
  source_id: string;
  name: string;
  kind: string;
  cue: string | null;
}

export interface QuantityRecord {
  variable: string;
  value: number | null;
  lower: number | null;
  lowerInclusive: boolean;
  upper: number | null;
  upperInclusive: boolean;
  approximate: boolean;
  qualifier: string | null;
  unit: string | null;
  currency: string | null;
  vague: boolean;
}

export interface AttributionRecord {
  id: string;
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  sourceReliability: string | null;
  stance: string;
  cue: string | null;
  mode: string;
  saidAt: Date | null;
  credibility: number | null;
  anonymityGranted: boolean;
  anonymityReason: string | null;
  relationship: string | null;
  conditions: string[];
  /** Intermediaries, outermost first. */
  chain: RelayLink[];
  quote: string | null;
  articleUrl: string | null;
  articleHeadline: string | null;
  articlePublisher: string | null;
  articlePublishedAt: Date | null;
}

export interface ClaimBundle {
  claim: ClaimRecord;
  quantities: QuantityRecord[];
  attributions: AttributionRecord[];
}

export interface QuantityJson {
  variable: string;
  value: number | null;
  lower: number | null;
  lower_inclusive: boolean;
  upper: number | null;
  upper_inclusive: boolean;
  approximate: boolean;
  qualifier: string | null;
  unit: string | null;
  currency: string | null;
  vague: boolean;
}

/** A row of the full profile, typed: JSONL writes it as is, CSV renders each cell by column type. */
export type ExportRow = Record<string, unknown>;

/**
 * Best, low and high of one reported figure (documented in the codebook): a single value is
 * its own best, low and high; a bound is reported as the best figure on its side, because
 * "at least 1,000" is a claim about 1,000, and the open side stays empty.
 */
export function bestLowHigh(q: QuantityRecord): { low: number | null; best: number | null; high: number | null } {
  const low = q.lower ?? q.value;
  const high = q.upper ?? q.value;
  const best = q.value ?? q.lower ?? q.upper;
  return { low, best, high };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a row's worked-out cells read: the claim, its figures worked out once per claim, and the row's attribution and place. */
interface RowFacts {
  claim: ClaimRecord;
  primary: QuantityRecord | undefined;
  blh: { low: number | null; best: number | null; high: number | null };
  lowInclusive: boolean | null;
  highInclusive: boolean | null;
  quantitiesJson: QuantityJson[];
  /** The row's attribution; null on the one row of a claim without any. */
  a: AttributionRecord | null;
  /** The row's place among its claim's rows, from 0. */
  index: number;
}

/**
 * The full profile's columns that are not plain claim columns, each worked out from its row's facts: the one place
 * their logic lives. A plain claim column (`from` in export-columns.ts) is copied from the claim as read and is not
 * written here; every other full-profile column must be (checked when this module loads). One function of plain
 * property writes rather than a table of one closure per column, because this runs once per exported row: the
 * writes compile to direct stores, where the table cost a call per cell.
 */
function writeWorkedOut(row: ExportRow, r: RowFacts): void {
  const { primary, a } = r;
  row.quantity_variable = primary?.variable ?? null;
  row.quantity_low = r.blh.low;
  row.quantity_best = r.blh.best;
  row.quantity_high = r.blh.high;
  row.quantity_low_inclusive = r.lowInclusive;
  row.quantity_high_inclusive = r.highInclusive;
  row.quantity_approximate = primary ? primary.approximate : null;
  row.quantity_unit = primary?.unit ?? null;
  row.quantity_currency = primary?.currency ?? null;
  row.quantity_qualifier = primary?.qualifier ?? null;
  row.quantities_json = r.quantitiesJson;
  row.attribution_id = a?.id ?? null;
  row.source_id = a?.sourceId ?? null;
  row.source_name = a?.sourceName ?? null;
  row.source_kind = a?.sourceKind ?? null;
  row.source_reliability = a?.sourceReliability ?? null;
  row.source_anonymous = a ? a.sourceKind === SourceKind.ANONYMOUS : null;
  row.stance = a?.stance ?? null;
  row.cue = a?.cue ?? null;
  row.mode = a?.mode ?? null;
  row.said_at = iso(a?.saidAt ?? null);
  row.credibility = a?.credibility ?? null;
  row.relay_chain = a ? [...a.chain, { source_id: a.sourceId, name: a.sourceName, kind: a.sourceKind, cue: a.cue }] : null;
  row.anonymity_reason = a?.anonymityReason ?? null;
  row.relationship = a?.relationship ?? null;
  row.conditions = a ? a.conditions : null;
  row.quote = a?.quote ?? null;
  row.article_url = a?.articleUrl ?? null;
  row.article_headline = a?.articleHeadline ?? null;
  row.article_publisher = a?.articlePublisher ?? null;
  row.article_published_at = iso(a?.articlePublishedAt ?? null);
  row.row_id = a ? a.id : r.claim.claim_id;
  row.primary_row = r.index === 0;
  row.anonymity_granted = a ? a.anonymityGranted : null;
  row.quantity_vague = primary ? primary.vague : null;
}

/** The columns writeWorkedOut writes, found by letting it write into an empty object. */
export const WORKED_OUT_COLUMNS: readonly string[] = (() => {
  const probe: ExportRow = {};
  writeWorkedOut(probe, { claim: { claim_id: '' }, primary: undefined, blh: { low: null, best: null, high: null }, lowInclusive: null, highInclusive: null, quantitiesJson: [], a: null, index: 0 });
  return Object.keys(probe);
})();

for (const c of FULL_COLUMNS) {
  const worked = WORKED_OUT_COLUMNS.includes(c.name);
  if (c.from && worked) throw new Error(`export column ${c.name} is both a plain claim column and worked out in export-rows.ts`);
  if (!c.from && !worked) throw new Error(`export column ${c.name} has neither \`from\` (export-columns.ts) nor a cell in export-rows.ts (writeWorkedOut)`);
}
for (const name of WORKED_OUT_COLUMNS) {
  if (!FULL_COLUMNS.some((c) => c.name === name)) throw new Error(`export-rows.ts works out ${name}, which is not a full-profile column`);
}

/** The plain claim columns' names, copied from the claim as read. */
const PLAIN_NAMES: readonly string[] = PLAIN_CLAIM_COLUMNS.map((c) => c.name);

/**
 * Every row starts as a copy of this one: the full profile's columns, null, in codebook order. Copying an object of a
 * fixed shape is cheap, and writing its existing keys keeps it so; an object grown key by key past a few dozen keys
 * becomes a hash table in V8, slower to fill and to write out.
 */
const FULL_ROW_TEMPLATE: ExportRow = JSON.parse(JSON.stringify(Object.fromEntries(FULL_COLUMNS.map((c) => [c.name, null]))));

/**
 * One row per live attribution; a claim with none still gets one row with empty attribution columns.
 * The claim's figures (the quantities array, the primary quantity's bounds) are worked out once and shared by its
 * rows rather than rebuilt per row: at a million rows, per-row garbage is what the export costs.
 */
export function fullRows(bundle: ClaimBundle): ExportRow[] {
  const { claim, quantities } = bundle;
  const primary = quantities[0];
  const blh = primary ? bestLowHigh(primary) : { low: null, best: null, high: null };
  const facts: RowFacts = {
    claim,
    primary,
    blh,
    lowInclusive: primary ? (blh.low === null ? null : primary.lower === null ? true : primary.lowerInclusive) : null,
    highInclusive: primary ? (blh.high === null ? null : primary.upper === null ? true : primary.upperInclusive) : null,
    quantitiesJson: quantities.map(toQuantityJson),
    a: null,
    index: 0,
  };
  // The claim's own cells are filled once; each row is a copy with its worked-out cells written over.
  const claimRow: ExportRow = { ...FULL_ROW_TEMPLATE };
  for (const name of PLAIN_NAMES) claimRow[name] = claim[name];
  const attributions: (AttributionRecord | null)[] = bundle.attributions.length ? bundle.attributions : [null];
  const rows: ExportRow[] = new Array(attributions.length);
  for (let i = 0; i < attributions.length; i++) {
    facts.a = attributions[i];
    facts.index = i;
    const row: ExportRow = { ...claimRow };
    writeWorkedOut(row, facts);
    rows[i] = row;
  }
  return rows;
}

/** UCDP GED date_prec from a precision alone: 1 exact day, 3 week, 4 month, 5 year. */
export const UCDP_DATE_PREC: Record<TimePrecision, number> = {
  [TimePrecision.EXACT]: 1,
  [TimePrecision.HOUR]: 1,
  [TimePrecision.DAY]: 1,
  [TimePrecision.WEEK]: 3,
  [TimePrecision.MONTH]: 4,
  [TimePrecision.YEAR]: 5,
};

/** UCDP GED where_prec: 1 exact, 2 within 25 km, 3 second-order admin, 4 first-order admin, 5 region, 6 country. */
export const UCDP_WHERE_PREC: Record<PlacePrecision, number> = {
  [PlacePrecision.EXACT]: 1,
  [PlacePrecision.NEAR]: 2,
  [PlacePrecision.ADMIN2]: 3,
  [PlacePrecision.ADMIN1]: 4,
  [PlacePrecision.REGION]: 5,
  [PlacePrecision.COUNTRY]: 6,
};

const DAY_MS = 86_400_000;

/**
 * UCDP GED's date_prec from the event window, counted in calendar days from date_start to date_end
 * inclusive: 1 the day is known; 2 within 2 to 6 days; 3 a week; 4 8 to 30 days (or the month);
 * 5 longer (or the year). A window narrower than its stated precision (a MONTH stored as one day) takes
 * the precision's code: whichever is coarser.
 */
export function ucdpDatePrec(start: string | null, end: string | null, precision: string | null): number | null {
  if (!start) return null;
  const days = Math.round((Date.parse((end ?? start).slice(0, 10)) - Date.parse(start.slice(0, 10))) / DAY_MS) + 1;
  const fromWindow = days <= 1 ? 1 : days <= 6 ? 2 : days === 7 ? 3 : days <= 30 ? 4 : 5;
  const fromPrecision = precision ? UCDP_DATE_PREC[precision as TimePrecision] ?? 1 : 1;
  return Math.max(fromWindow, fromPrecision);
}

/** UCDP cites a source as "publisher, date, headline". */
function sourceArticle(row: ExportRow): string | null {
  if (!row.article_url) return null;
  const published = row.article_published_at as string | null;
  return [row.article_publisher, published ? published.slice(0, 10) : null, row.article_headline].filter((part) => part != null && part !== '').join(', ');
}

/** The vocabulary of figures' UCDP GED category of each variable name and alias (quantity_variable.ucdp). */
export type UcdpCategories = ReadonlyMap<string, string | null>;

/**
 * The UCDP profile is a projection of the full row, so the two can never disagree. The variable is
 * mapped through the vocabulary of figures: `ucdp_variable` is its registered UCDP category.
 */
export function ucdpRow(row: ExportRow, categories: UcdpCategories): ExportRow {
  const published = row.article_published_at as string | null;
  const start = row.event_start as string | null;
  const end = row.event_end as string | null;
  return {
    id: row.row_id,
    claim_id: row.claim_id,
    primary_row: row.primary_row,
    year: start ? Number(start.slice(0, 4)) : null,
    statement: row.statement,
    variable: row.quantity_variable,
    ucdp_variable: typeof row.quantity_variable === 'string' ? categories.get(row.quantity_variable) ?? null : null,
    best: row.quantity_best,
    low: row.quantity_low,
    high: row.quantity_high,
    approximate: row.quantity_approximate,
    low_inclusive: row.quantity_low_inclusive,
    high_inclusive: row.quantity_high_inclusive,
    qualifier: row.quantity_qualifier,
    source_office: row.article_publisher,
    source_original: row.source_name,
    source_headline: row.article_headline,
    source_date: published ? published.slice(0, 10) : null,
    source_article: sourceArticle(row),
    number_of_sources: row.article_count,
    independent_source_count: row.independent_source_count,
    date_prec: ucdpDatePrec(start, end, row.event_precision as string | null),
    where_prec: row.place_precision ? UCDP_WHERE_PREC[row.place_precision as PlacePrecision] ?? null : null,
    date_start: start ? start.slice(0, 10) : null,
    date_end: end ? end.slice(0, 10) : null,
    where_coordinates: row.place_name,
    adm_1: row.place_admin_area,
    country: row.place_country,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

/** The quantities table's rows for one claim: every figure, with the codebook's best, low and high. */
export function quantityRows(bundle: ClaimBundle): ExportRow[] {
  return bundle.quantities.map((q, i) => ({
    claim_id: bundle.claim.claim_id,
    position: i + 1,
    variable: q.variable,
    ...bestLowHigh(q),
    value: q.value,
    lower: q.lower,
    lower_inclusive: q.lower === null ? null : q.lowerInclusive,
    upper: q.upper,
    upper_inclusive: q.upper === null ? null : q.upperInclusive,
    approximate: q.approximate,
    qualifier: q.qualifier,
    unit: q.unit,
    currency: q.currency,
    vague: q.vague,
  }));
}

function toQuantityJson(q: QuantityRecord): QuantityJson {
  return {
    variable: q.variable,
    value: q.value,
    lower: q.lower,
    lower_inclusive: q.lowerInclusive,
    upper: q.upper,
    upper_inclusive: q.upperInclusive,
    approximate: q.approximate,
    qualifier: q.qualifier,
    unit: q.unit,
    currency: q.currency,
    vague: q.vague,
  };
}
