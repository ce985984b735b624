/** The codes services may raise; one filter maps them onto GraphQL `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'DATABASE_READ_ONLY'
  | 'DATABASE_FULL'
  | 'SERVICE_UNAVAILABLE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadInputError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super('BAD_USER_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }

  static field(field: string, message: string): BadInputError {
    return new BadInputError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  /** `deletedAt` only for those who may restore it: the record exists, deleted, and restoreRecord brings it back. */
  constructor(type: string, id: string, deletedAt?: Date | null) {
    if (deletedAt) {
      const when = deletedAt.toISOString();
      super('NOT_FOUND', `${type} ${id} was deleted at ${when}; restore it with restoreRecord(input: { type: ${type.toUpperCase()}, id: "${id}" })`, {
        type,
        id,
        deletedAt: when,
        hint: 'restoreRecord',
      });
    } else {
      super('NOT_FOUND', `${type} ${id} was not found`, { type, id });
    }
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid API key is required: send Authorization: Bearer <key>') {
    super('UNAUTHENTICATED', message);
  }
}

/** A request over one of the query limits (src/limits/query-limits.ts), refused before any resolver runs. */
export class QueryTooComplexError extends DomainError {
  constructor(limit: string, max: number, measured: number) {
    super('QUERY_TOO_COMPLEX', `The request's ${limit} is ${measured}, over the limit of ${max}`, { limit, max, measured });
  }
}

/** A client over its request budget; `retryAfter` is in whole seconds. */
export class RateLimitedError extends DomainError {
  constructor(budget: string, retryAfter: number) {
    super('RATE_LIMITED', `Too many requests (${budget}); retry after ${retryAfter} s`, { budget, retryAfter });
  }
}

/** The database refused a write because of where it is stored, not what was sent; nothing was written. */
export class StorageError extends DomainError {
  constructor(code: 'DATABASE_READ_ONLY' | 'DATABASE_FULL', message: string) {
    super(code, message);
  }
}

/** The database cannot be reached (restart, failover, shutdown): a fault of the moment, and the request may be sent again. */
export class ServiceUnavailableError extends DomainError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The database is unavailable for the moment; retry shortly.', { retryable: true });
  }
}

/** A request body in a coding the route does not read (HTTP 415 on REST routes): nothing of it is read. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(field: string, message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', `${field}: ${message}`, { fields: [{ field, message }] });
  }
}
