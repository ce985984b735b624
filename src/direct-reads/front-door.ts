import { json } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { putInFront } from '../common/request-front';
import { RequestRecord, recordOf } from '../common/request-record';
import { DirectReads } from './direct-reads.service';

type Request = IncomingMessage & { body?: unknown; [PARSE_ERROR]?: unknown };

/** Where a body the front door could not parse carries its error on to Express. */
const PARSE_ERROR = Symbol('frontDoorParseError');

/**
 * Puts the direct path in front of the whole HTTP application: a read it answers never enters
 * Express, whose routing and middleware cost more CPU than the SQL of a single-claim read
 * (BENCHMARKS.md, third round). Everything else goes on to Express as it came, with the body
 * already parsed into `req.body`; Express's own JSON parser then leaves it alone, because the
 * stream has ended.
 *
 * The body is parsed by the same parser Nest installs (express.json() with its defaults), so
 * limits, charsets and compressed bodies behave the same. When it fails, the error goes on to
 * Express with the request (replayParseError), where Nest answers it as it always did.
 *
 * Only POSTs to `path` of JSON with an API key are tried; why a request was passed on is noted on
 * its request record, for the metrics.
 */
export function installFrontDoor(server: Server, path: string, reads: DirectReads): void {
  const parseJson = json();
  putInFront<Request>(server, (req, res, pass) => {
    if (!reads.enabled || req.method !== 'POST' || req.url !== path) return pass();
    // What the request log and metrics learn of this request (observability/request-observer.ts).
    const record: Partial<RequestRecord> = recordOf(req) ?? {};
    if (!req.headers.authorization) return passOn(record, 'no_key', pass);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return passOn(record, 'content_type', pass);
    if (!acceptsPlainJson(req.headers.accept)) return passOn(record, 'accept', pass);
    parseJson(req, res, (error) => {
      if (error) {
        req[PARSE_ERROR] = error;
        return passOn(record, 'body_parse', pass);
      }
      reads.answer(req.body, req.headers.authorization, record).then(
        (text) => {
          if (text === null) return pass();
          record.servedBy = 'direct';
          record.outcome = 'OK';
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        },
        () => passOn(record, 'error', pass),
      );
    });
  });
}

function passOn(record: Partial<RequestRecord>, reason: string, pass: () => void): void {
  record.declined = reason;
  pass();
}

/** Express middleware: raises the front door's parse error where Express's own parser would have. */
export function replayParseError(req: Request, _res: ServerResponse, next: (error?: unknown) => void): void {
  const error = req[PARSE_ERROR];
  if (error) return next(error);
  next();
}

/**
 * Whether Apollo would answer in plain `application/json; charset=utf-8`: no Accept header, or only
 * ranges that it would meet with that type first (`application/json`, `application/*`, or any type) and
 * none refused (q=0) or carrying other parameters. Anything else (`application/graphql-response+json`,
 * multipart, a type that is not JSON at all) is left to Apollo's own negotiation.
 */
export function acceptsPlainJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').every((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const plain = type === 'application/json' || type === 'application/*' || type === '*/*';
    return plain && params.every((param) => /^q=/.test(param) && Number(param.slice(2)) > 0);
  });
}
