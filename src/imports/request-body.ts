import { IncomingMessage } from 'node:http';
import { BadInputError } from '../common/errors';
import { ImportFormat } from './import-parsers';

/** Larger files should go through the CLI, which reads from disk. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

const FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const format = FORMATS[type];
  if (!format) throw BadInputError.field('content-type', 'send text/csv or application/x-ndjson');
  return format;
}

/** The raw body as UTF-8 text: the JSON body parser leaves these content types alone. */
export async function readBody(req: IncomingMessage, maxBytes = IMPORT_MAX_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw BadInputError.field('body', `is larger than ${maxBytes} bytes; use the CLI (npm run import) for large files`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
