import { ColumnDef, FULL_COLUMNS, UCDP_COLUMNS } from './export-columns';
import { UCDP_DATE_PREC, UCDP_WHERE_PREC } from './export-rows';

/**
 * The codebook is generated from the column definitions, so it cannot drift from what the
 * export writes; docs/codebook.md is this text (a test compares them; regenerate with
 * `npx ts-node --transpile-only src/scripts/generate-codebook.ts`).
 */
export function renderCodebook(): string {
  return [
    '# claimdesk export codebook',
    '',
    '<!-- Generated from src/exports/export-columns.ts and src/exports/codebook.ts; do not edit by hand. -->',
    '',
    'Served at `GET /exports/codebook`. Endpoints, filters and the import are described in `docs/exports.md`.',
    '',
    '## Rows',
    '',
    '- One row per **live (non-deleted) attribution** of each claim: a claim with three sources is three rows that repeat',
    '  the claim columns. A claim with no attribution still gets one row, with the attribution, source and article columns empty.',
    '- Rows are ordered by `claim_id` (ids are time-ordered, so this is the order claims were recorded), then by `attribution_id`.',
    '- Deleted claims and deleted attributions are not exported.',
    '',
    '## Formats',
    '',
    '- **CSV** (`/exports/claims.csv`): RFC 4180, UTF-8 without byte-order mark, CRLF line ends, a header row of the column',
    '  names below. An empty cell is a null. Booleans are `true`/`false`; times are ISO 8601 in UTC (`2019-02-18T12:00:00.000Z`).',
    '- **JSON Lines** (`/exports/claims.jsonl`): one object per row with the same keys in the same order, typed: numbers as numbers,',
    '  booleans, arrays for list columns, `null` for empty. The last line is `{"_summary": {...}}` with `rows`, `claims`, `profile`,',
    '  `generated_at`, `filter`, `codebook` and `complete`; a file without it was cut short.',
    '',
    '### Formula neutralisation (CSV only)',
    '',
    'A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading single quote',
    "(`'=SUM(A1)`), so a spreadsheet shows it as text instead of running it as a formula. A text cell that already begins with a",
    'single quote gets one more, so the rule is reversible: the import strips exactly one leading quote from such cells. Numeric',
    'columns (`latitude`, `quantity_best`, ...) are never changed: they hold numbers we formatted, and `-33.5` is a latitude.',
    'JSON Lines is not neutralised.',
    '',
    '## Best, low and high',
    '',
    'A reported figure is a value, a bound, or both (`quantities_json` keeps exactly what was recorded). The primary-quantity',
    'columns summarise the first quantity by position:',
    '',
    '| reported | stored | quantity_low | quantity_best | quantity_high |',
    '| --- | --- | --- | --- | --- |',
    '| "300 fighters" | value 300 | 300 | 300 | 300 |',
    '| "about 300" | value 300, approximate | 300 | 300 | 300 (and `quantity_approximate` = true) |',
    '| "at least 1,000" | lower 1000 inclusive | 1000 | 1000 | empty |',
    '| "more than 300" | lower 300 exclusive | 300 (`quantity_low_inclusive` = false) | 300 | empty |',
    '| "up to 50" | upper 50 inclusive | empty | 50 | 50 |',
    '| "between 40 and 60" | lower 40, upper 60 | 40 | 40 | 60 |',
    '',
    '- `quantity_best` is the value when one was reported, otherwise the lower bound, otherwise the upper bound: the figure the',
    '  source actually named. It is a reported number, not an estimate of ours.',
    '- `quantity_low` is the lower bound, or the value; `quantity_high` the upper bound, or the value. Empty means unbounded on that side.',
    '- Approximate figures are not widened in these columns. claimdesk\'s own discrepancy rule reads "about N" as N ± 10%;',
    '  apply the same if you compare ranges.',
    '',
    '## Which citation',
    '',
    'An attribution can be cited in several articles. `quote` and the `article_*` columns come from its **first live citation**',
    '(the earliest recorded), which is normally the article it was logged from. Other citations are not exported yet.',
    '',
    '## independent_source_count',
    '',
    'Computed at export time: the number of distinct original speakers with a live `ASSERTS` attribution on the claim. Because a',
    'relay chain is not the speaker, two outlets relaying the same official count once. It does not yet merge different sources',
    'that are known to be one (that is the analysis feature\'s job).',
    '',
    '## Precision codes',
    '',
    'The full profile writes claimdesk\'s codes; the UCDP profile converts them to UCDP GED\'s numeric codes.',
    '',
    '| event_precision | UCDP date_prec | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(UCDP_DATE_PREC).map(([code, n]) => `| ${code} | ${n} | ${DATE_MEANING[n]} |`),
    '',
    '| place_precision | UCDP where_prec | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(UCDP_WHERE_PREC).map(([code, n]) => `| ${code} | ${n} | ${WHERE_MEANING[n]} |`),
    '',
    'UCDP code 2 for dates (known within 2 to 6 days) has no claimdesk equivalent; WEEK maps to 3.',
    '',
    '## Full profile (default)',
    '',
    table(FULL_COLUMNS),
    '',
    '## UCDP profile (`profile=ucdp`)',
    '',
    'Columns a UCDP GED user recognises, derived from the full row (same row layout: one row per claim-attribution). The',
    'mapping from full-profile columns is in the description.',
    '',
    table(UCDP_COLUMNS),
    '',
  ].join('\n');
}

const DATE_MEANING: Record<number, string> = {
  1: 'exact day known',
  3: 'only the week known',
  4: 'only the month known',
  5: 'only the year known',
};

const WHERE_MEANING: Record<number, string> = {
  1: 'exact location',
  2: 'within about 25 km of the named place',
  3: 'second-order administrative division',
  4: 'first-order administrative division',
  5: 'a region larger than a first-order division (part of a country)',
  6: 'only the country known',
};

function table(columns: readonly ColumnDef[]): string {
  const rows = columns.map((c, i) => `| ${i + 1} | \`${c.name}\` | ${c.type} | ${c.doc.replace(/\|/g, '\\|')} |`);
  return ['| # | column | type | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
