import { ColumnDef } from './export-columns';
import { ExportRow } from './export-rows';

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage return before them)
 * as a formula: a hostile statement could run a formula on a researcher's machine (OWASP "CSV
 * injection"). Such text cells get a leading single quote. A text cell that already starts with
 * a quote gets one too, so the import can always strip exactly one and get the original back.
 * Numeric cells are written by us from numbers and are left alone (-33.5 is a latitude).
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, applied by the CSV import to text cells. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One typed value as CSV text: empty for null, lists as JSON arrays. */
export function csvCell(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'integer':
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'list':
      // JSON text starts with "[", never a formula character; the strings inside it are data, not cells.
      return JSON.stringify(value);
    default:
      return neutraliseFormula(String(value));
  }
}

/**
 * RFC 4180: a field holding a comma, a double quote, CR or LF is wrapped in double quotes, with
 * inner quotes doubled. Written here rather than with csv-stringify: on 1,000 rows of 45 columns
 * csv-stringify took 28 ms per call-per-record (46 ms per batch call) against 4 ms for this, and
 * the stringifier was the largest cost of an export (docs/exports.md). The test checks every
 * hostile cell round-trips through csv-parse.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders a batch of rows as RFC 4180 CSV (CRLF line ends), with the header on the first batch. */
export function csvChunk(columns: readonly ColumnDef[], rows: ExportRow[], header: boolean): string {
  let out = header ? `${columns.map((c) => csvField(c.name)).join(',')}\r\n` : '';
  // One array of cells per row, reused: a fresh array (or two, with a map) per row is garbage a
  // million-row export would make a million times.
  const cells = new Array<string>(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) cells[i] = csvField(csvCell(columns[i], row[columns[i].name]));
    out += `${cells.join(',')}\r\n`;
  }
  return out;
}
