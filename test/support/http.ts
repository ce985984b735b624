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

export async function postImport(base: string, body: string, contentType: string, query = '', headers: Record<string, string> = authHeaders(base)): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/imports${query}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  return { status: response.status, body: await response.json() };
}

/** Drops what legitimately differs between two databases holding the same data. */
export function withoutIdsAndTimes<T extends Record<string, unknown>>(rows: T[]): Array<Partial<T>> {
  return rows.map((row) => {
    const { claim_id, attribution_id, source_id, created_at, updated_at, ...rest } = row;
    return rest as Partial<T>;
  });
}
