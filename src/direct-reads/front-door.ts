import { json } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendPayloadTooLarge, sendRefusal, sendUnreadableBody } from '../common/http-errors';
import { putInFront } from '../common/request-front';
import { RateLimits } from '../limits/rate-limits';
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
 * The body is parsed by the same parser Nest installs (express.json()), with the size limit of
 * GRAPHQL_MAX_BODY_BYTES, so charsets and compressed bodies behave the same. When it fails, the
 * error goes on to Express with the request (replayParseError): a body over the limit is answered
 * as PAYLOAD_TOO_LARGE, one that is not JSON (or in a charset we do not read) as BAD_REQUEST, both in
 * GraphQL's error shape.
 *
 * Every request, on any route, is first counted against the rate limits, and refused here when over
 * a budget. Only POSTs to `path` of JSON with an API key are tried; why a request was passed on is
 * noted on its request record, for the metrics.
 */
export function installFrontDoor(server: Server, path: string, reads: DirectReads, limits: RateLimits, maxBodyBytes: number): void {
  const parseJson = json({ limit: maxBodyBytes });
  putInFront<Request>(server, (req, res, next) => {
    limits.admit(req).then(
      (refusal) => (refusal ? sendRefusal(res, refusal, req.url?.split('?')[0] === path) : tryDirect(req, res, next)),
      () => next(),
    );
  });
  function tryDirect(req: Request, res: ServerResponse, pass: () => void): void {
    if (req.method !== 'POST' || req.url !== path) return pass();
    // What the request log and metrics learn of this request (observability/request-observer.ts).
    const record: Partial<RequestRecord> = recordOf(req) ?? {};
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return passOn(record, 'content_type', pass);
    // Every JSON POST to the GraphQL path is parsed here, with the configured limit, whether or not it is then tried.
    parseJson(req, res, (error) => {
      if (error) {
        // A charset or encoding the parser refuses is refused before the body is read, so Express's own
        // parser would read it again and answer first: it is answered here instead.
        const unsupported = unsupportedPart(error);
        if (unsupported) return sendUnreadableBody(res, 415, unsupported);
        req[PARSE_ERROR] = error;
        return passOn(record, 'body_parse', pass);
      }
      if (!reads.enabled) return pass();
      if (!req.headers.authorization) return passOn(record, 'no_key', pass);
      if (!acceptsPlainJson(req.headers.accept)) return passOn(record, 'accept', pass);
      reads.answer(req.body, req.headers.authorization, limits.clientOf(req), record).then(
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
  }
}

function passOn(record: Partial<RequestRecord>, reason: string, pass: () => void): void {
  record.declined = reason;
  pass();
}

/** Express middleware: raises the front door's parse error where Express's own parser would have. */
export function replayParseError(req: Request, res: ServerResponse, next: (error?: unknown) => void): void {
  const error = req[PARSE_ERROR] as { type?: string; limit?: number; status?: number } | undefined;
  // A body over the limit is answered in GraphQL's shape, with a code and the limit, rather than as a bare 413.
  if (error?.type === 'entity.too.large') return sendPayloadTooLarge(res, error.limit ?? 0);
  // A body that is not JSON goes back in the same shape, with the code Apollo gives a malformed request.
  if (error?.type === 'entity.parse.failed') return sendUnreadableBody(res, 400);
  // Any other client fault in the body, chiefly a gzip, deflate or br body that does not decompress
  // (zlib's error, with no body-parser type): the same shape, rather than Express's bare message from zlib.
  if (error && isClientFault(error)) return sendUnreadableBody(res, 400, compressed(req) ? 'content-encoding' : undefined);
  if (error) return next(error);
  next();
}

function isClientFault(error: { status?: unknown }): boolean {
  return typeof error.status === 'number' && error.status >= 400 && error.status < 500;
}

function compressed(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return encoding !== undefined && encoding.toLowerCase() !== 'identity';
}

/** Which part of the request the body parser could not read, when that is why it refused. */
function unsupportedPart(error: { type?: string }): string | undefined {
  if (error.type === 'charset.unsupported') return 'charset';
  if (error.type === 'encoding.unsupported') return 'content-encoding';
  return undefined;
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
