import { request } from 'node:http';
import { parse } from 'csv-parse/sync';
import { authHeaders } from './app';

/** Plain-HTTP helpers for the REST endpoints (exports, imports) of a running test app. */
export function baseUrl(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** GETs with the app's admin key unless other headers are given ({} for none). */
export async function getText(url: string, headers: Record<string, string> = authHeaders(url)): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function csvRecords(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, bom: true });
}

export function jsonLines(text: string): Array<Record<string, any>> {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/**
 * POSTs a file to /imports. Plain node:http rather than fetch: a large import legitimately takes
 * longer than fetch's fixed five-minute wait for response headers on a slow machine.
 */
export function postImport(base: string, body: string | Buffer, contentType: string, query = '', headers: Record<string, string> = authHeaders(base)): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/imports${query}`, { method: 'POST', headers: { 'content-type': contentType, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Drops what legitimately differs between two databases holding the same data: the ids the
 * importing database assigns to claims and attributions (the original claim id becomes
 * external_id), and the time of the import. Source ids and created_at survive a round trip.
 */
export function withoutIdsAndTimes<T extends Record<string, unknown>>(rows: T[]): Array<Partial<T>> {
  return rows.map((row) => {
    const { claim_id, attribution_id, row_id, external_id, updated_at, ...rest } = row;
    return rest as Partial<T>;
  });
}
