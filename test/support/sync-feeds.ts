import { TestApp, expectData } from './app';
import { baseUrl, getText, jsonLines } from './http';

/** A row that left the exports, as /exports/deletions lists it. */
export type Removal = { type: string; id: string; claim_id: string; reason: string; merged_into: string | null; at: string };

/** claims.jsonl as an incremental client reads it: the rows changed since `since`, and the mark to ask from next time. */
export async function readClaimsSince(t: TestApp, since?: string): Promise<{ rows: Array<Record<string, any>>; mark: string }> {
  const lines = jsonLines((await getText(`${baseUrl(t.url)}/exports/claims.jsonl${since ? `?updatedSince=${encodeURIComponent(since)}` : ''}`)).text);
  const summary = lines.pop() as { _summary: { high_water_mark: string; complete: boolean } };
  expect(summary._summary.complete).toBe(true);
  return { rows: lines, mark: summary._summary.high_water_mark };
}

/** The rows that left the exports since `since`. */
export async function readDeletionsSince(t: TestApp, since?: string): Promise<{ high_water_mark: string; deletions: Removal[] }> {
  const res = await getText(`${baseUrl(t.url)}/exports/deletions${since ? `?since=${encodeURIComponent(since)}` : ''}`);
  expect(res.status).toBe(200);
  return JSON.parse(res.text);
}

/** A mutation that must succeed, sent a moment later than the last, so that what it changes is stamped after any mark read before it. */
export async function mutateLater(t: TestApp, query: string, variables: Record<string, unknown>): Promise<void> {
  await new Promise((r) => setTimeout(r, 15));
  expectData(await t.gql(query, variables));
}

type Row = Record<string, any>;

/** Rows in one order (claim, then attribution), to compare a copy with a full export. */
export function sortedRows(rows: Row[]): Row[] {
  return [...rows].sort((x, y) => `${x.claim_id}${x.attribution_id}`.localeCompare(`${y.claim_id}${y.attribution_id}`));
}

/**
 * A copy of claims.jsonl kept the way the export docs tell a client to keep one: a claim's changed rows replace all of
 * its rows; a deleted claim goes; a deleted attribution's row goes unless its claim's rows were just replaced.
 */
export class SyncedCopy {
  readonly byClaim = new Map<string, Row[]>();

  apply(rows: Row[], deletions: Array<{ type: string; id: string; claim_id: string }>): void {
    const changed = new Map<string, Row[]>();
    for (const row of rows) changed.set(row.claim_id, [...(changed.get(row.claim_id) ?? []), row]);
    for (const [id, claimRows] of changed) this.byClaim.set(id, claimRows);
    for (const gone of deletions) {
      if (gone.type === 'CLAIM') this.byClaim.delete(gone.claim_id);
      else if (!changed.has(gone.claim_id)) this.byClaim.set(gone.claim_id, (this.byClaim.get(gone.claim_id) ?? []).filter((r) => r.attribution_id !== gone.id));
    }
  }

  /** Every row of the copy, in sortedRows' order. */
  rows(): Row[] {
    return sortedRows([...this.byClaim.values()].flat());
  }
}
