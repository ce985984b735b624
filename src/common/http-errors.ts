import { ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { describeError } from './error-log';
import { DomainError, ErrorCode } from './errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATABASE_READ_ONLY: 503,
  DATABASE_FULL: 507,
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** Domain errors on plain HTTP routes as JSON with the same code and details GraphQL puts in `extensions`. */
export function sendDomainError(error: DomainError, host: ArgumentsHost): void {
  const res = host.switchToHttp().getResponse<ServerResponse>();
  // A lost connection is a fault of the moment: say when to try again (a read-only or full database is not).
  if (error.code === 'SERVICE_UNAVAILABLE' && !res.headersSent) res.setHeader('retry-after', '1');
  sendJson(res, HTTP_STATUS[error.code] ?? 400, { code: error.code, message: error.message, ...error.details });
}

/**
 * Anything else on a plain HTTP route: Nest's HTTP exceptions (a missing route, say) as Nest sends
 * them; any other error as a masked 500, logged by describeError (no SQL parameters, no driver detail).
 */
export function sendUnexpectedError(error: unknown, host: ArgumentsHost): void {
  const res = host.switchToHttp().getResponse<ServerResponse>();
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    // Nest's own refusals (chiefly "Cannot GET /exports/nope") carry a code too, as every REST error does.
    const code = status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    sendJson(res, status, typeof body === 'string' ? { code, statusCode: status, message: body } : { code, ...(body as object) });
    return;
  }
  Logger.error(describeError(error), 'HTTP');
  sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
}

/** Plain Node response writing, so REST controllers need no framework-specific response type. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Once a stream has started, a status can no longer be sent: cut the stream so the reader sees it is incomplete.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  if (status === 503) res.setHeader('retry-after', '1');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** A request body over the limit, in GraphQL's error shape so clients read it like any other error. */
export function sendPayloadTooLarge(res: ServerResponse, limitBytes: number): void {
  sendJson(res, 413, {
    errors: [
      {
        message: `The request body is larger than ${limitBytes} bytes (GRAPHQL_MAX_BODY_BYTES); send large files through POST /imports or the CLI`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes },
      },
    ],
  });
}

/**
 * A body that cannot be read as JSON (cut short, not JSON, a charset or encoding we do not read), in
 * GraphQL's error shape with the code Apollo gives a malformed request (BAD_REQUEST), rather than
 * Express's bare `{ statusCode, message }`. The parser's own wording is not echoed: it quotes the body.
 */
export function sendUnreadableBody(res: ServerResponse, status: number, unsupported?: string): void {
  const message = unsupported
    ? `The request body's ${unsupported} cannot be read: send UTF-8 JSON (content-type: application/json)`
    : 'The request body is not valid JSON: send {"query": "...", "variables": {...}} with content-type: application/json';
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

/**
 * A refusal written before the request reaches Express or Apollo (rate limits), in the shape the
 * route would have used: a GraphQL error list on /graphql, the REST error object elsewhere.
 */
export function sendRefusal(res: ServerResponse, error: DomainError, graphql: boolean): void {
  if (typeof error.details.retryAfter === 'number') res.setHeader('retry-after', String(error.details.retryAfter));
  const body = { code: error.code, message: error.message, ...error.details };
  sendJson(res, HTTP_STATUS[error.code] ?? 400, graphql ? { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] } : body);
}
