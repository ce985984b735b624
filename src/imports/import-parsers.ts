import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ImportProblem } from './import-errors';

export type ImportFormat = 'csv' | 'jsonl';

/** A record of the file before typing: CSV cells are text, JSON Lines values are already typed. */
export interface RawRecord {
  line: number;
  values: Record<string, unknown>;
}

/** What reading a file gives, in file order: a record, or a problem with one line of it. */
export type ParsedItem = { record: RawRecord } | { problem: ImportProblem };

/**
 * An import's file: its text, or a way to open it as a stream of chunks. A function, because a
 * transaction that lost a race runs again from the start (database/transaction-runner.ts) and must
 * read the file again; the CLI opens the file on disk each time, so nothing holds the whole file.
 */
export type ImportInput = string | Buffer | (() => AsyncIterable<Buffer | string>);

/** Thrown when the file cannot be read past a point (broken CSV quoting): no later record can be trusted. */
export class UnreadableFileError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

function chunksOf(input: ImportInput): AsyncIterable<Buffer | string> {
  if (typeof input === 'function') return input();
  return Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : input]);
}

/**
 * CSV with a header row, record by record. Line numbers are where each record starts, counting the
 * header as line 1. Throws UnreadableFileError at the first syntax error.
 */
export async function* parseCsv(input: ImportInput): AsyncGenerator<ParsedItem> {
  const lines = new LineCounter();
  const parser = parse({ info: true, bom: true, skip_empty_lines: true });
  const source = Readable.from(
    (async function* () {
      for await (const chunk of chunksOf(input)) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        lines.push(bytes);
        yield bytes;
      }
    })(),
  );
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | null = null;
  let start = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        start = info.bytes;
        continue;
      }
      const values: Record<string, unknown> = {};
      header.forEach((name, i) => (values[name] = record[i]));
      // csv-parse's own line counter drifts on CRLF inside quoted cells, so count newline bytes up to each record's start.
      const line = lines.lineAt(start);
      start = info.bytes;
      yield { record: { line, values } };
    }
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    if (!e.code?.startsWith('CSV_')) throw error;
    throw new UnreadableFileError({ line: e.lines ?? 1, field: '', message: `not valid CSV: ${e.message}` });
  }
  if (!header) yield { problem: { line: 1, field: '', message: 'the file is empty' } };
}

/**
 * 1-based line of the first non-blank byte at or after an offset; offsets must not decrease. Keeps
 * only the bytes not yet counted, so a streamed file is never held whole.
 */
class LineCounter {
  private chunks: Buffer[] = [];
  /** File offset of chunks[0][0]. */
  private base = 0;
  private offset = 0;
  private line = 1;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  lineAt(start: number): number {
    while (this.byteAt(start) === 0x0a || this.byteAt(start) === 0x0d) start += 1;
    // The newlines before `start`, found chunk by chunk with indexOf rather than byte by byte.
    let at = this.offset - this.base;
    for (const chunk of this.chunks) {
      if (this.offset >= start) break;
      if (at >= chunk.length) {
        at -= chunk.length;
        continue;
      }
      const end = Math.min(chunk.length, at + (start - this.offset));
      for (let i = chunk.indexOf(0x0a, at); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) this.line += 1;
      this.offset += end - at;
      at = 0;
    }
    this.offset = Math.max(this.offset, start);
    while (this.chunks.length && this.base + this.chunks[0].length <= this.offset) this.base += (this.chunks.shift() as Buffer).length;
    return this.line;
  }

  private byteAt(offset: number): number | undefined {
    let at = offset - this.base;
    for (const chunk of this.chunks) {
      if (at < chunk.length) return chunk[at];
      at -= chunk.length;
    }
    return undefined;
  }
}

/** JSON Lines: one object per line; blank lines and the export's own `_summary` line are skipped. */
export async function* parseJsonl(input: ImportInput): AsyncGenerator<ParsedItem> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  for await (const chunk of chunksOf(input)) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const parts = text.split('\n');
    rest = parts.pop() as string;
    for (const raw of parts) {
      const item = jsonLine(raw, ++line);
      if (item) yield item;
    }
  }
  const item = jsonLine(rest + decoder.end(), ++line);
  if (item) yield item;
}

function jsonLine(raw: string, line: number): ParsedItem | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { problem: { line, field: '', message: `not valid JSON: ${(error as Error).message}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: { line, field: '', message: 'must be a JSON object' } };
  if ('_summary' in value) return null;
  return { record: { line, values: value as Record<string, unknown> } };
}

export function parseImportFile(input: ImportInput, format: ImportFormat): AsyncGenerator<ParsedItem> {
  return format === 'csv' ? parseCsv(input) : parseJsonl(input);
}
