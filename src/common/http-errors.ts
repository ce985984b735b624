import { ArgumentsHost } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { DomainError, ErrorCode } from './errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
};

/** Domain errors on plain HTTP routes as JSON with the same code and details GraphQL puts in `extensions`. */
export function sendDomainError(error: DomainError, host: ArgumentsHost): void {
  sendJson(host.switchToHttp().getResponse<ServerResponse>(), HTTP_STATUS[error.code] ?? 400, { code: error.code, message: error.message, ...error.details });
}

/** Plain Node response writing, so REST controllers need no framework-specific response type. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Once a stream has started, a status can no longer be sent: cut the stream so the reader sees it is incomplete.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
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
