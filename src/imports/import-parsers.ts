import { parse } from 'csv-parse/sync';
import { ImportProblem } from './import-errors';

export type ImportFormat = 'csv' | 'jsonl';

/** A record of the file before typing: CSV cells are text, JSON Lines values are already typed. */
export interface RawRecord {
  line: number;
  values: Record<string, unknown>;
}

export interface ParsedFile {
  records: RawRecord[];
  problems: ImportProblem[];
}

/** CSV with a header row. Line numbers are where each record starts, counting the header as line 1. */
export function parseCsv(text: string): ParsedFile {
  const buffer = Buffer.from(text, 'utf8');
  let rows: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    rows = parse(buffer, { info: true, bom: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { records: [], problems: [{ line: e.lines ?? 1, field: '', message: `not valid CSV: ${e.message}` }] };
  }
  if (!rows.length) return { records: [], problems: [{ line: 1, field: '', message: 'the file is empty' }] };
  const header = rows[0].record.map((h) => h.trim());
  // csv-parse's own line counter drifts on CRLF inside quoted cells, so count newline bytes up to each record's start.
  const lines = new LineCounter(buffer);
  let start = rows[0].info.bytes;
  const records = rows.slice(1).map(({ record, info }) => {
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => (values[name] = record[i]));
    const line = lines.lineAt(start);
    start = info.bytes;
    return { line, values };
  });
  return { records, problems: [] };
}

/** 1-based line of the first non-blank byte at or after an offset; offsets must not decrease. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly buffer: Buffer) {}

  lineAt(start: number): number {
    while (start < this.buffer.length && (this.buffer[start] === 0x0a || this.buffer[start] === 0x0d)) start += 1;
    for (; this.offset < start; this.offset += 1) if (this.buffer[this.offset] === 0x0a) this.line += 1;
    return this.line;
  }
}

/** JSON Lines: one object per line; blank lines and the export's own `_summary` line are skipped. */
export function parseJsonl(text: string): ParsedFile {
  const records: RawRecord[] = [];
  const problems: ImportProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      problems.push({ line, field: '', message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, field: '', message: 'must be a JSON object' });
      return;
    }
    if ('_summary' in value) return;
    records.push({ line, values: value as Record<string, unknown> });
  });
  return { records, problems };
}

export function parseImportFile(text: string, format: ImportFormat): ParsedFile {
  return format === 'csv' ? parseCsv(text) : parseJsonl(text);
}
