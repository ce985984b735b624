import { ExportRow } from './export-rows';

/** JSON Lines: one typed object per line, keys in column order, ended by a summary line. */
export function jsonlChunk(rows: ExportRow[]): string {
  let out = '';
  for (const row of rows) out += `${JSON.stringify(row)}\n`;
  return out;
}

export interface ExportSummary {
  rows: number;
  claims: number;
  profile: string;
  table: string;
  generated_at: string;
  /** Pass as the next export's `updatedSince` (and `deletions?since=`) to get only what changed: sync.ts. */
  high_water_mark: string;
  filter: Record<string, unknown>;
  codebook: string;
  complete: boolean;
}

/** The last line: a reader that does not find it knows the file was cut short. */
export function jsonlSummary(summary: ExportSummary): string {
  return `${JSON.stringify({ _summary: summary })}\n`;
}
