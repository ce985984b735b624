/** Which code answered a request: the direct read path, Apollo, or a plain HTTP route. */
export type ServedBy = 'direct' | 'apollo' | 'http';

/**
 * What one request did, filled in by whichever layer learns it (the front door, Apollo, a
 * controller) and read once when the response closes, for the request log line and the metrics
 * (observability/request-observer.ts). It never holds variables, keys or bodies.
 */
export interface RequestRecord {
  id: string;
  servedBy?: ServedBy;
  /** The GraphQL operation name, or the HTTP route. */
  operation?: string;
  /** `OK` or an error code; worked out from the HTTP status when nobody set it. */
  outcome?: string;
  /** Every error code the response carried (a GraphQL response can carry several). */
  errorCodes?: string[];
  /** The id of the API key that authenticated the request (never the key). */
  keyId?: string;
  /** Why the direct path passed the request on to Apollo. */
  declined?: string;
}

const RECORD = Symbol.for('claimdesk.requestRecord');

export function recordOf(req: object | undefined): RequestRecord | undefined {
  return req ? (req as { [RECORD]?: RequestRecord })[RECORD] : undefined;
}

export function attachRecord(req: object, record: RequestRecord): void {
  (req as { [RECORD]?: RequestRecord })[RECORD] = record;
}
