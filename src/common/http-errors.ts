import { ArgumentsHost } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { DomainError, ErrorCode } from './errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATABASE_READ_ONLY: 503,
  DATABASE_FULL: 507,
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
