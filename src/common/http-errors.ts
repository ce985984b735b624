import { ArgumentsHost } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { DomainError, ErrorCode } from './errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** Domain errors on plain HTTP routes as JSON with the same code and details GraphQL puts in `extensions`. */
export function sendDomainError(error: DomainError, host: ArgumentsHost): void {
  sendJson(host.switchToHttp().getResponse<ServerResponse>(), STATUS[error.code] ?? 400, { code: error.code, message: error.message, ...error.details });
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
