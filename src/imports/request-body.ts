import { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BadInputError, UnsupportedMediaTypeError } from '../common/errors';
import { ImportFormat } from './import-parsers';
import { utf8Text } from './utf8';

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

/**
 * The content codings an import body may come in, each with the zlib stream that decodes it: those that
 * POST /graphql reads too (Express's parser). `deflate` is HTTP's, the zlib format (RFC 9110).
 */
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The body's Content-Encoding, checked before a byte is read. Any other coding, or several in a row, is
 * refused with 415: read as it came, a compressed file would be parsed as text and its errors would name
 * lines of binary.
 */
function contentCodingOf(header: string | undefined): string {
  const coding = (header ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return 'identity';
  if (DECODERS[coding]) return coding;
  throw new UnsupportedMediaTypeError('content-encoding', 'send the file as it is, or compressed with gzip, deflate or br');
}

const tooLarge = (maxBytes: number, decoded: boolean) =>
  BadInputError.field('body', `is larger than ${maxBytes} bytes${decoded ? ' once decompressed' : ''}; use the CLI (npm run import) for large files`);

/**
 * The body as UTF-8 text, decompressed when it is sent with a Content-Encoding. The JSON body parser
 * leaves these content types alone. The limit holds for the bytes received and for the bytes they
 * decompress to, so a small body that inflates without end (a zip bomb) is stopped at the limit.
 */
export async function readBody(req: IncomingMessage, maxBytes = IMPORT_MAX_BYTES): Promise<string> {
  const coding = contentCodingOf(req.headers['content-encoding']);
  if (coding === 'identity') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(maxBytes, false);
      chunks.push(chunk as Buffer);
    }
    return utf8Text(Buffer.concat(chunks));
  }
  return readDecoded(req, DECODERS[coding](), coding, maxBytes);
}

/** Set on the error the decoder is destroyed with when the request itself fails: not the data's fault. */
const REQUEST_FAILED = Symbol('requestFailed');

async function readDecoded(req: IncomingMessage, decoder: Transform, coding: string, maxBytes: number): Promise<string> {
  let received = 0;
  // The request's own failure (the client went away) reaches the decoder, so the loop below ends.
  const failed = (error: Error) => decoder.destroy(Object.assign(error, { [REQUEST_FAILED]: true }));
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    // Compressed bytes over the limit are cut off as an uncompressed body over it is.
    if (received > maxBytes) {
      decoder.destroy(tooLarge(maxBytes, false));
      req.destroy();
    }
  });
  req.on('error', failed);
  req.on('close', () => {
    if (!req.complete) failed(Object.assign(new Error('The request was cut off before its body ended'), { code: 'ECONNRESET' }));
  });
  req.pipe(decoder);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoder) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(maxBytes, true);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    // Whatever is left of the body is read and dropped rather than the connection cut, so the client gets the answer.
    req.unpipe(decoder);
    req.resume();
    if (error instanceof BadInputError || (error as { [REQUEST_FAILED]?: boolean })[REQUEST_FAILED]) throw error;
    // zlib's own error: the body is not what its Content-Encoding says (corrupt, cut short, another coding).
    throw BadInputError.field('content-encoding', `the body does not decompress as ${coding}`);
  }
  return utf8Text(Buffer.concat(chunks));
}
