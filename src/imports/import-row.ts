import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InvalidUrlError, canonicalizeUrl } from '../articles/canonical-url';
import { CreateArticleInput } from '../articles/dto/article-fields.input';
import { QUOTE_MAX } from '../attributions/dto/add-citation.input';
import { ClaimStatus } from '../claims/claim-enum-values';
import { CreateClaimInput, QUANTITIES_MAX, STATEMENT_MAX, TAGS_MAX, TAG_PATTERN } from '../claims/dto/claim-fields.input';
import { EventTimeInput } from '../claims/dto/event-time.input';
import { PlaceInput } from '../claims/dto/place.input';
import { QuantityInput } from '../claims/dto/quantity.input';
import { LogAttributionInput, LogQuoteInput } from '../claims/dto/log-claim.input';
import { quantityProblems } from '../claims/quantity';
import { DECLARED_ENTRIES, DeclaredColumn, ONE_LINE } from '../claims/declared-columns';
import { FieldError } from '../common/errors';
import { flattenValidationErrors } from '../common/validation';
import { NUL_MESSAGE, nulPaths } from '../common/validators';
import { restoreFormula } from '../exports/csv-writer';
import { ColumnDef, FULL_COLUMNS } from '../exports/export-columns';
import { QuantityJson } from '../exports/export-rows';
import { SourceKind } from '../sources/source-kind';
import { sourceNameKey } from '../sources/source-name';
import { ImportProblem } from './import-errors';
import { selfRelayProblems } from '../attributions/relay-chain';
import { ImportFormat, RawRecord } from './import-parsers';
import { readDateTime } from '../common/date-time';

/** One valid row, ready to be written: the claim part and, unless the claim has none, one attribution. */
export interface ImportRow {
  line: number;
  claimKey: string;
  status: ClaimStatus;
  claim: CreateClaimInput;
  /** The claim columns as read (CLAIM_COLUMNS' typed cells as a JSON array), to check that rows of one claim agree. */
  claimCells: string;
  attribution: LogAttributionInput | null;
  /**
   * The file's source ids for the speaker and each relay (null where the file gives none): a
   * re-import matches sources by them first (import.service.ts), so one source stays one source.
   */
  sourceIds: { speaker: string | null; hops: Array<string | null> };
  /** When the claim was first recorded, if the file says: kept on import. */
  createdAt: Date | null;
  article: CreateArticleInput | null;
}

/** One link of `relay_chain` as the export writes it (export-rows.ts RelayLink); every part but the name may be missing. */
interface ChainLink {
  source_id: string | null;
  name: string;
  kind: string | null;
  cue: string | null;
}

const COLUMNS = new Map(FULL_COLUMNS.map((c) => [c.name, c]));

/** The claim's declared plain columns (claims/declared-columns.ts) the file carries: each property and its column. */
const DECLARED = DECLARED_ENTRIES.flatMap(([property, column]) => (column.exportAs ? [{ property, name: column.exportAs, column }] : []));
const DECLARED_PROPERTIES = new Set<string>(DECLARED_ENTRIES.map(([property]) => property));

/** Columns describing the claim itself; every row of one claim must repeat them unchanged. */
export const CLAIM_COLUMNS = [
  'statement', ...DECLARED.map((d) => d.name), 'status', 'tags', 'quantity_variable', 'quantity_low', 'quantity_best', 'quantity_high', 'quantity_low_inclusive',
  'quantity_high_inclusive', 'quantity_approximate', 'quantity_unit', 'quantity_currency', 'quantity_qualifier', 'quantity_vague', 'quantities_json',
  'place_name', 'place_admin_area', 'place_country', 'place_precision', 'latitude', 'longitude', 'event_start', 'event_end', 'event_precision',
];

/**
 * Derived or assigned by the database on this side: accepted in the file, never read. (`claim_id` is
 * the external key, so a file's `external_id`, the id in a system before that, is not read either.)
 */
const IGNORED = new Set([
  'attribution_id', 'source_anonymous', 'independent_source_count', 'updated_at', 'row_id', 'external_id', 'sourcing', 'circular', 'has_discrepancy',
]);

/** Where class-validator's paths land in the file's columns. */
const CLAIM_FIELD: Record<string, string> = {
  'place.name': 'place_name', 'place.adminArea': 'place_admin_area', 'place.country': 'place_country', 'place.latitude': 'latitude',
  'place.longitude': 'longitude', 'place.precision': 'place_precision', 'eventTime.start': 'event_start', 'eventTime.end': 'event_end',
  'eventTime.precision': 'event_precision', ...Object.fromEntries(DECLARED.map((d) => [d.property, d.name])),
};
const ATTRIBUTION_FIELD: Record<string, string> = {
  'source.name': 'source_name', 'source.kind': 'source_kind', 'source.reliability': 'source_reliability', saidAt: 'said_at',
  anonymityGranted: 'anonymity_granted', anonymityReason: 'anonymity_reason', 'quote.quote': 'quote',
};
const ARTICLE_FIELD: Record<string, string> = { url: 'article_url', headline: 'article_headline', publisher: 'article_publisher', publishedAt: 'article_published_at' };

/** Types one record by the codebook and validates it with the same rules as logClaim. Pure: no database. */
export function readImportRow(record: RawRecord, format: ImportFormat, memo?: ImportRowMemo): { row?: ImportRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (field: string, message: string) => problems.push({ line: record.line, field, message });
  const v: Record<string, any> = {};
  // Every cell of every row: no pair or list is made for a cell that needs none (a CSV's cells are all text).
  for (const name of Object.keys(record.values)) {
    const raw = record.values[name];
    const column = COLUMNS.get(name);
    if (!column) {
      at(name, 'unknown column (see the codebook)');
      continue;
    }
    if (typeof raw === 'string' ? raw.includes('\u0000') : nulPaths(raw).length) {
      at(name, NUL_MESSAGE);
      continue;
    }
    if (IGNORED.has(name)) continue;
    const typed = typeValue(column, raw, format);
    if (typed.error) at(name, typed.error);
    else v[name] = typed.value;
  }
  if (typeof v.claim_id !== 'string' || !v.claim_id.trim()) at('claim_id', 'is required: the claim\'s id in the exporting system');
  else if (v.claim_id.length > 100) at('claim_id', 'must be at most 100 characters');
  if (v.status != null && !Object.values(ClaimStatus).includes(v.status)) at('status', `must be one of ${Object.values(ClaimStatus).join(', ')}`);

  const seen = memo ?? newImportRowMemo();
  const claimCells = JSON.stringify(CLAIM_COLUMNS.map((c) => v[c]));
  const claimPart = rememberedBy(seen.claims, claimCells, (note) => claimOf(v, note, seen));
  for (const p of claimPart.problems) at(p.field, p.message);
  const claim: CreateClaimInput = claimPart.value;

  const chain = chainOf(v, at);
  // Many rows repeat one attribution but for the quoted words: it is validated once, the words row by row.
  const attributionPart = remembered(seen.attributions, [...ATTRIBUTION_COLUMNS.map((c) => v[c] ?? null), v.quote != null], (note) => attributionOf(v, chain, note));
  for (const p of attributionPart.problems) at(p.field, p.message);
  const attribution = attributionPart.value ? withQuote(attributionPart.value, v.quote, at) : null;
  // articleOf reads only whether a quote is given: the quote's words, which differ row by row, stay out of the key.
  const articlePart = remembered(seen.articles, [...ARTICLE_COLUMNS.map((c) => v[c] ?? null), v.quote != null], (note) => articleOf(v, note));
  for (const p of articlePart.problems) at(p.field, p.message);
  const article: CreateArticleInput | null = articlePart.value;
  if (problems.length) return { problems };
  return {
    problems,
    row: {
      line: record.line,
      claimKey: v.claim_id.trim(),
      status: v.status ?? ClaimStatus.UNVERIFIED,
      claim,
      claimCells,
      attribution,
      sourceIds: { speaker: v.source_id ?? null, hops: chain.slice(0, -1).map((l) => l.source_id) },
      createdAt: v.created_at ?? null,
      article,
    },
  };
}

/**
 * What rows repeat is validated once per file: every row of a claim repeats the claim's columns, and
 * many rows cite one article. Keyed by the typed cells; the problems found are given to each row.
 */
export interface ImportRowMemo {
  claims: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
  articles: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
  attributions: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
  /** A claim's nested inputs, which distinct claims share (validatedClaim). */
  places: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
  eventTimes: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
  quantities: Map<string, { value: any; problems: Array<{ field: string; message: string }> }>;
}

export function newImportRowMemo(): ImportRowMemo {
  return { claims: new Map(), articles: new Map(), attributions: new Map(), places: new Map(), eventTimes: new Map(), quantities: new Map() };
}

const ARTICLE_COLUMNS = ['article_url', 'article_headline', 'article_publisher', 'article_published_at'];
/** Every column attributionOf reads but the quote's words (whether there are any is part of the key too). */
const ATTRIBUTION_COLUMNS = [
  'source_name', 'source_id', 'source_kind', 'source_reliability', 'relay_chain', 'stance', 'cue', 'mode', 'said_at', 'credibility',
  'anonymity_granted', 'anonymity_reason', 'relationship', 'conditions', 'article_url',
];

/** A remembered attribution with this row's quoted words, checked by the quote's own rules. */
function withQuote(input: LogAttributionInput, words: unknown, at: (field: string, message: string) => void): LogAttributionInput {
  if (words == null) return input;
  // Every row has its own words, so this ran class-validator once per row. Words that pass QuoteInput's rules
  // at a glance (a non-empty string of at most QUOTE_MAX UTF-16 units: @MaxLength counts fewer, never more) are
  // the same instance class-transformer would build; anything else goes through class-validator for its messages.
  let quote: LogQuoteInput;
  if (typeof words === 'string' && words !== '' && words.length <= QUOTE_MAX) {
    quote = new LogQuoteInput();
    quote.quote = words;
  } else {
    quote = plainToInstance(LogQuoteInput, { quote: words });
    for (const e of flattenValidationErrors(validateSync(quote))) at(ATTRIBUTION_FIELD[`quote.${e.field}`] ?? `quote.${e.field}`, e.message);
  }
  return Object.assign(Object.create(Object.getPrototypeOf(input)), input, { quote });
}

/** Bounded, so that a file of a million distinct claims does not keep them all. */
const MEMO_SIZE = 10_000;

function remembered<T>(
  memo: Map<string, { value: T; problems: Array<{ field: string; message: string }> }>,
  cells: unknown[],
  read: (note: (field: string, message: string) => void) => T,
): { value: T; problems: Array<{ field: string; message: string }> } {
  return rememberedBy(memo, JSON.stringify(cells), read);
}

function rememberedBy<T>(
  memo: Map<string, { value: T; problems: Array<{ field: string; message: string }> }>,
  key: string,
  read: (note: (field: string, message: string) => void) => T,
): { value: T; problems: Array<{ field: string; message: string }> } {
  let found = memo.get(key);
  if (!found) {
    const problems: Array<{ field: string; message: string }> = [];
    found = { value: read((field, message) => problems.push({ field, message })), problems };
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, found);
  }
  return found;
}

/** The claim's own columns as a CreateClaimInput, validated by logClaim's rules. */
function claimOf(v: Record<string, any>, at: (field: string, message: string) => void, parts: ImportRowMemo): CreateClaimInput {
  const quantities = quantitiesOf(v, at);
  const place = anyValue(v.place_name, v.place_admin_area, v.place_country, v.latitude, v.longitude, v.place_precision)
    ? { name: v.place_name, adminArea: v.place_admin_area, country: v.place_country, latitude: v.latitude, longitude: v.longitude, precision: v.place_precision }
    : undefined;
  const eventTime = anyValue(v.event_start, v.event_end, v.event_precision) ? { start: v.event_start, end: v.event_end, precision: v.event_precision } : undefined;
  const fields: ClaimFields = { statement: v.statement ?? undefined, tags: v.tags ?? [] };
  for (const d of DECLARED) fields[d.property] = v[d.name] ?? undefined;
  const claim = validatedClaim(fields, place, eventTime, quantities.list, parts);
  for (const e of claim.errors) at(claimField(e.field, quantities.fromJson), e.message);
  claim.input.quantities?.forEach((q, i) => {
    for (const e of quantityProblems(q, `quantities.${i}`)) at(claimField(e.field, quantities.fromJson), e.message);
  });
  return claim.input;
}

/**
 * CreateClaimInput built and validated by class-transformer and class-validator, as logClaim's pipe does, with the
 * same errors in the same order. Every claim of a file is validated, and its place, event time and figures are
 * mostly ones other claims have too: those nested inputs are validated once per distinct value (in `parts`) and
 * set on the claim, whose own fields are validated alone. Nested validation is the nested class's validation under
 * the property's path, and class-validator reports a claim's properties in declaration order: statement, tags, place,
 * eventTime, quantities, then the declared columns (hedge…; test/import-parsers.spec.ts compares the two on bad values of each).
 * More figures than @ArrayMaxSize allows go through the whole validation, for its message.
 */
/** A claim's own fields as read: the statement, the tags and the declared plain columns by property. */
type ClaimFields = { statement?: unknown; tags?: unknown } & Record<string, unknown>;

export function validatedClaim(
  fields: ClaimFields,
  place: object | undefined,
  eventTime: object | undefined,
  quantities: unknown[],
  parts: ImportRowMemo = newImportRowMemo(),
): { input: CreateClaimInput; errors: FieldError[] } {
  if (quantities.length > QUANTITIES_MAX) {
    const input = plainToInstance(CreateClaimInput, { ...fields, place, eventTime, quantities });
    return { input, errors: flattenValidationErrors(validateSync(input)) };
  }
  let input = plainClaimFields(fields);
  let own: FieldError[] = [];
  if (!input) {
    input = plainToInstance(CreateClaimInput, { ...fields, quantities: [] });
    own = flattenValidationErrors(validateSync(input));
  }
  const placePart = place ? nested(parts.places, PlaceInput, place, 'place') : null;
  const timePart = eventTime ? nested(parts.eventTimes, EventTimeInput, eventTime, 'eventTime') : null;
  const figureParts = quantities.map((q, i) => nested(parts.quantities, QuantityInput, q, `quantities.${i}`));
  input.place = placePart?.value;
  input.eventTime = timePart?.value;
  input.quantities = figureParts.map((f) => f.value);
  return {
    input,
    errors: [
      ...own.filter((e) => !DECLARED_PROPERTIES.has(e.field)),
      ...(placePart?.errors ?? []),
      ...(timePart?.errors ?? []),
      ...figureParts.flatMap((f) => f.errors),
      ...own.filter((e) => DECLARED_PROPERTIES.has(e.field)),
    ],
  };
}

/**
 * The claim's own fields as class-transformer builds them (@Trim, @TrimEach), when CreateClaimInput's rules plainly
 * hold for them: every claim of a file has its own statement, so class-validator ran once per claim. Null where any
 * rule might not hold (a limit in UTF-16 units is at least @MaxLength's count): class-validator is asked then.
 */
function plainClaimFields(fields: ClaimFields): CreateClaimInput | null {
  const { statement, tags } = fields;
  if (typeof statement !== 'string') return null;
  const text = statement.trim();
  if (!text || text.length > STATEMENT_MAX) return null;
  const declared: Record<string, unknown> = {};
  for (const { property, column } of DECLARED) {
    const value = plainDeclaredValue(column, fields[property]);
    if (value === INVALID) return null;
    declared[property] = value;
  }
  let list: string[] | undefined = undefined;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > TAGS_MAX) return null;
    list = [];
    for (const tag of tags) {
      if (typeof tag !== 'string') return null;
      const trimmed = tag.trim();
      if (!TAG_PATTERN.test(trimmed)) return null;
      list.push(trimmed);
    }
  }
  const input = Object.assign(new CreateClaimInput(), declared);
  input.statement = text;
  input.tags = list;
  input.quantities = [];
  return input;
}

const INVALID = Symbol('invalid');

/** A declared column's value as @Trim makes it when its rules plainly hold (null and absent as given), else INVALID. */
function plainDeclaredValue(column: DeclaredColumn, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (column.kind) {
    case 'text': {
      if (typeof value !== 'string') return INVALID;
      const words = value.trim();
      return words && words.length <= column.max && (!column.oneLine || ONE_LINE.test(words)) ? words : INVALID;
    }
    case 'integer':
      return Number.isInteger(value) ? value : INVALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
  }
}

/** One nested input, validated once per distinct value; its errors under `path` (a figure's index differs claim by claim). */
function nested<T extends object>(memo: Map<string, { value: any; problems: FieldError[] }>, type: new () => T, plain: unknown, path: string): { value: T; errors: FieldError[] } {
  const part = remembered(memo, [plain], (note) => {
    const value = plainToInstance(type, plain);
    for (const e of flattenValidationErrors(validateSync(value))) note(e.field, e.message);
    return value;
  });
  return { value: part.value, errors: part.problems.map((e) => ({ field: `${path}.${e.field}`, message: e.message })) };
}

/**
 * relay_chain: a JSON array of links {source_id, name, kind, cue}, outermost first, ending with the
 * speaker. A bare string is read as a link with only a name (files written before the chain
 * carried ids).
 */
function chainOf(v: Record<string, any>, at: (field: string, message: string) => void): ChainLink[] {
  const raw = v.relay_chain;
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    at('relay_chain', 'must be a JSON array of {source_id, name, kind, cue}, outermost first, ending with the speaker');
    return [];
  }
  const links: ChainLink[] = [];
  raw.forEach((item: unknown, i: number) => {
    const link = typeof item === 'string' ? { name: item } : item;
    const o = (link ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof o[key] === 'string' && (o[key] as string).trim() ? (o[key] as string).trim() : null);
    if (typeof link !== 'object' || link === null || !text('name')) {
      at(`relay_chain[${i}]`, 'must be {source_id, name, kind, cue} with a name');
      return;
    }
    for (const key of ['source_id', 'kind', 'cue']) {
      if (o[key] != null && typeof o[key] !== 'string') at(`relay_chain[${i}].${key}`, 'must be a string or null');
    }
    links.push({ source_id: text('source_id'), name: text('name') as string, kind: text('kind'), cue: text('cue') });
  });
  return links;
}

function attributionOf(v: Record<string, any>, chain: ChainLink[], at: (field: string, message: string) => void): LogAttributionInput | null {
  const speaker: string | null = v.source_name ?? null;
  if (!speaker) {
    const stray = ['source_kind', 'stance', 'cue', 'mode', 'said_at', 'credibility', 'anonymity_reason', 'relationship', 'quote', 'article_url'].find((c) => v[c] != null);
    if (stray) at('source_name', `is required when ${stray} is given`);
    if (chain.length) at('source_name', 'is required when relay_chain is given');
    return null;
  }
  const last = chain[chain.length - 1];
  if (last && (sourceNameKey(last.name) !== sourceNameKey(speaker) || (last.source_id && v.source_id && last.source_id !== v.source_id))) {
    at('relay_chain', 'must end with the speaker (source_name and source_id), outermost intermediary first');
  }
  const hops = chain.slice(0, -1);
  const keys = hops.map((h) => h.source_id ?? sourceNameKey(h.name));
  const selfRelay = selfRelayProblems({ name: speaker }, hops.map((h) => ({ id: h.source_id, name: h.name })), () => 'relay_chain');
  if (selfRelay.length) at('relay_chain', selfRelay[0].message);
  if (new Set(keys).size !== keys.length) at('relay_chain', 'an intermediary appears twice');
  const input = plainToInstance(LogAttributionInput, {
    source: { name: speaker, kind: v.source_kind ?? undefined, reliability: v.source_reliability ?? undefined },
    // A file without a relay's kind: an unknown intermediary is most often an outlet.
    via: hops.map((h) => ({ source: { name: h.name, kind: h.kind ?? SourceKind.MEDIA_OUTLET }, cue: h.cue ?? undefined })),
    stance: v.stance ?? undefined,
    cue: v.cue ?? undefined,
    mode: v.mode ?? undefined,
    saidAt: v.said_at ?? undefined,
    credibility: v.credibility ?? undefined,
    anonymityGranted: v.anonymity_granted ?? undefined,
    anonymityReason: v.anonymity_reason ?? undefined,
    relationship: v.relationship ?? undefined,
    conditions: v.conditions ?? [],
    // The quoted words are added row by row (withQuote): this part is remembered across rows.
  });
  for (const e of flattenValidationErrors(validateSync(input))) {
    at(e.field.startsWith('via.') ? 'relay_chain' : ATTRIBUTION_FIELD[e.field] ?? e.field, e.message);
  }
  return input;
}

/** A citation needs an article; the quoted words are optional, as in logClaim. */
function articleOf(v: Record<string, any>, at: (field: string, message: string) => void): CreateArticleInput | null {
  if (v.article_url == null) {
    if (v.quote != null) at('article_url', 'is required when quote is given');
    return null;
  }
  const input = plainToInstance(CreateArticleInput, {
    url: v.article_url,
    headline: v.article_headline ?? undefined,
    publisher: v.article_publisher ?? undefined,
    publishedAt: v.article_published_at ?? undefined,
  });
  for (const e of flattenValidationErrors(validateSync(input))) at(ARTICLE_FIELD[e.field] ?? e.field, e.message);
  try {
    canonicalizeUrl(v.article_url);
  } catch (error) {
    if (error instanceof InvalidUrlError) at('article_url', error.message);
    else throw error;
  }
  return input;
}

/**
 * quantities_json is the exact record and wins; a hand-made file may give only the primary
 * quantity columns, which are read back by the codebook's best/low/high rules.
 */
function quantitiesOf(v: Record<string, any>, at: (field: string, message: string) => void): { list: unknown[]; fromJson: boolean } {
  const json = v.quantities_json;
  if (json != null && !Array.isArray(json)) {
    at('quantities_json', 'must be a JSON array');
    return { list: [], fromJson: true };
  }
  if (json?.length) {
    return {
      fromJson: true,
      list: (json as QuantityJson[]).map((q) =>
        typeof q === 'object' && q !== null
          ? {
              variable: q.variable, value: q.value ?? undefined, lower: q.lower ?? undefined, lowerInclusive: q.lower_inclusive ?? undefined,
              upper: q.upper ?? undefined, upperInclusive: q.upper_inclusive ?? undefined, approximate: q.approximate ?? undefined,
              qualifier: q.qualifier ?? undefined, unit: q.unit ?? undefined, currency: q.currency ?? undefined, vague: q.vague ?? undefined,
            }
          : {},
      ),
    };
  }
  if (v.quantity_variable == null) return { list: [], fromJson: false };
  const { quantity_low: low, quantity_best: best, quantity_high: high } = v;
  const single = low != null && low === high;
  return {
    fromJson: false,
    list: [
      {
        variable: v.quantity_variable,
        value: single ? low : best != null && best !== low && best !== high ? best : undefined,
        lower: single ? undefined : low ?? undefined,
        lowerInclusive: single ? undefined : v.quantity_low_inclusive ?? undefined,
        upper: single ? undefined : high ?? undefined,
        upperInclusive: single ? undefined : v.quantity_high_inclusive ?? undefined,
        approximate: v.quantity_approximate ?? undefined,
        qualifier: v.quantity_qualifier ?? undefined,
        unit: v.quantity_unit ?? undefined,
        currency: v.quantity_currency ?? undefined,
        vague: v.quantity_vague ?? undefined,
      },
    ],
  };
}

function claimField(path: string, fromJson: boolean): string {
  const q = /^quantities\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (q) {
    if (fromJson) return `quantities_json[${q[1]}]${q[2] ? `.${snake(q[2])}` : ''}`;
    const map: Record<string, string> = { value: 'quantity_best', lower: 'quantity_low', upper: 'quantity_high', variable: 'quantity_variable' };
    return q[2] ? map[q[2]] ?? `quantity_${snake(q[2])}` : 'quantity_variable';
  }
  return CLAIM_FIELD[path] ?? path;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function anyValue(...values: unknown[]): boolean {
  return values.some((x) => x !== null && x !== undefined);
}

/** List columns whose items are plain strings; the others hold objects, checked where they are read. */
const STRING_LISTS = new Set(['tags', 'conditions']);

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** One cell to its codebook type. CSV cells are text (empty is null); JSON Lines values must already have the type. */
export function typeValue(column: ColumnDef, raw: unknown, format: ImportFormat): { value?: unknown; error?: string } {
  if (raw === null || raw === undefined || (format === 'csv' && raw === '')) return { value: null };
  const csv = format === 'csv';
  switch (column.type) {
    case 'integer':
    case 'number': {
      const n = csv && typeof raw === 'string' && NUMBER.test(raw.trim()) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'must be a number' };
      if (column.type === 'integer' && !Number.isInteger(n)) return { error: 'must be a whole number' };
      return { value: n };
    }
    case 'boolean': {
      const b = csv ? ({ true: true, false: false } as Record<string, boolean>)[String(raw).trim().toLowerCase()] : raw;
      return typeof b === 'boolean' ? { value: b } : { error: 'must be true or false' };
    }
    case 'datetime':
    case 'date': {
      const read = readDateTime(typeof raw === 'string' ? raw.trim() : raw);
      return 'date' in read ? { value: read.date } : { error: read.problem };
    }
    case 'list': {
      let value = raw;
      if (csv) {
        try {
          value = JSON.parse(String(raw));
        } catch {
          return { error: 'must be a JSON array (see the codebook)' };
        }
      }
      if (!Array.isArray(value)) return { error: 'must be a JSON array (see the codebook)' };
      if (STRING_LISTS.has(column.name) && !value.every((s) => typeof s === 'string')) return { error: 'must be an array of strings' };
      return { value };
    }
    default:
      if (typeof raw !== 'string') return { error: 'must be a string' };
      return { value: csv ? restoreFormula(raw) : raw };
  }
}
