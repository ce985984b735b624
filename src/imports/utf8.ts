import { isUtf8 } from 'node:buffer';
import { ImportRejectedError } from './import-errors';

/**
 * An import file's text must be UTF-8. One saved in another encoding (Latin-1 or Windows-1252 from a spreadsheet)
 * would otherwise be read with U+FFFD in place of each accented letter and written so: "Alépo" stored as "Al�po".
 * It is refused instead, naming the first line that is not UTF-8; nothing is written. POST /imports checks the
 * body whole (request-body.ts), the CLI its file as it streams (utf8Chunks).
 */
export function notUtf8(line: number): ImportRejectedError {
  return new ImportRejectedError([{ line, field: '', message: 'is not UTF-8 text: save the file as UTF-8 (in a spreadsheet, "CSV UTF-8") and send it again' }]);
}

/** The 0-based line, within `bytes`, of the first line that is not UTF-8; a character cut off at its start is skipped. */
export function firstLineNotUtf8(bytes: Buffer): number {
  let start = 0;
  // Continuation bytes (10xxxxxx) at the start belong to a character begun in the previous chunk.
  while (start < 3 && start < bytes.length && (bytes[start] & 0xc0) === 0x80) start += 1;
  for (let line = 0; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1 || !isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
}

/** The body's text, or the refusal naming its first line that is not UTF-8. */
export function utf8Text(body: Buffer): string {
  if (isUtf8(body)) return body.toString('utf8');
  throw notUtf8(1 + firstLineNotUtf8(body));
}

/** The file's chunks as they come, checked as UTF-8 on the way (a character may span two chunks). */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  // The last bytes of the line the previous chunk ended in: a bad sequence may begin there.
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(line + firstLineNotUtf8(Buffer.concat([tail, chunk])));
    }
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) line += 1;
    const last = chunk.subarray(Math.max(0, chunk.length - 3));
    tail = last.subarray(last.lastIndexOf(0x0a) + 1);
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    // The file ends inside a character.
    throw notUtf8(line);
  }
}
