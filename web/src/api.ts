import { Client, CombinedError, cacheExchange, fetchExchange, type AnyVariables, type DocumentInput, type OperationResult } from '@urql/core';
import { storedKey } from './session';

export function authHeader(key = storedKey()): Record<string, string> {
  return key ? { authorization: `Bearer ${key}` } : {};
}

/**
 * POST with plain JSON accepted, so the server's direct path can answer claim reads without Apollo.
 * The document cache refetches a screen's queries after a mutation that touches its types.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  fetchOptions: () => ({ headers: { ...authHeader(), accept: 'application/json' } }),
});

/**
 * A query the reader may cancel (the log screen's suggestions and similar-claims check, which take
 * seconds under load). `signal` goes on the fetch itself, beside urql's own signal, so aborting it
 * ends the HTTP request; the answer is then null, whatever the request would have said.
 */
export async function cancellableQuery<Data, Variables extends AnyVariables>(
  urql: Client,
  query: DocumentInput<Data, Variables>,
  variables: Variables,
  signal: AbortSignal,
): Promise<OperationResult<Data, Variables> | null> {
  // Both signals where the browser can join them (AbortSignal.any); else the reader's alone, which is the one that matters here.
  const both = (own?: AbortSignal | null) => (own && typeof AbortSignal.any === 'function' ? AbortSignal.any([own, signal]) : signal);
  const withSignal: typeof fetch = (input, init) => fetch(input, { ...init, signal: both(init?.signal) });
  const aborted = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
  const answer = urql.query(query, variables, { requestPolicy: 'network-only', fetch: withSignal }).toPromise();
  const result = await Promise.race([answer, aborted]);
  return signal.aborted ? null : result;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The API's error code (BAD_USER_INPUT, CONFLICT, FORBIDDEN, ...) of the first GraphQL error. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}

/** BAD_USER_INPUT field errors by path relative to the argument ("quantities.0.lower"). */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    for (const f of (e.extensions?.fields as FieldProblem[] | undefined) ?? []) out[f.field] = f.message;
  }
  return out;
}

export function errorMessage(error: CombinedError): string {
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return 'Refused: your role may not do this.';
  if (code === 'UNAUTHENTICATED') return 'Your key is not valid any more: sign in again.';
  if (error.networkError) return `The server could not be reached (${error.networkError.message}).`;
  return error.graphQLErrors.map((e) => e.message).join('; ') || error.message;
}

/** The JSON error body of the REST routes (/exports, /imports). */
export interface RestError {
  code: string;
  message: string;
  errors?: Array<{ line: number; field: string; message: string }>;
}
