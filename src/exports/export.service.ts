import { Injectable } from '@nestjs/common';
import { Actor } from '../core/actor';
import { assertMaySeeDeleted } from '../claims/claim-filter';
import { ClaimFilterInput } from '../claims/dto/claim-filter.input';
import { ExportProfile, ExportTable, columnsFor } from './export-columns';
import { ExportReader } from './export-reader';
import { ExportRow, fullRows, quantityRows, ucdpRow } from './export-rows';
import { csvChunk } from './csv-writer';
import { ExportSummary, jsonlChunk, jsonlSummary } from './jsonl-writer';
import { WritableSink } from './writable-sink';
import { ParquetTableWriter } from './parquet-writer';
import { softwareVersion } from '../config/version';
import { highWaterMark } from './sync';

export type ExportFormat = 'csv' | 'jsonl' | 'parquet';

export interface ExportRequest {
  format: ExportFormat;
  profile: ExportProfile;
  /** The claims table (default) or the long-format quantities table of the same claims. */
  table?: ExportTable;
  filter: ClaimFilterInput;
  generatedAt: Date;
  /** Who asks: decides whether deleted claims may be asked for. The CLI runs as the system. */
  actor?: Actor;
}

export interface ExportProgress {
  rows: number;
  claims: number;
}

export const CODEBOOK_PATH = '/exports/codebook';

/** Streams the filtered claims as rows into a sink, batch by batch; used by the HTTP endpoints and the CLI. */
@Injectable()
export class ExportService {
  constructor(private readonly reader: ExportReader) {}

  countClaims(filter: ClaimFilterInput, actor?: Actor): Promise<number> {
    return this.reader.countClaims(filter, actor);
  }

  /** Refuses what the actor may not ask for, before a status line or a row is sent. */
  check(request: Pick<ExportRequest, 'filter' | 'actor'>): void {
    assertMaySeeDeleted(request.filter, request.actor);
  }

  async run(request: ExportRequest, sink: WritableSink, onProgress?: (p: ExportProgress) => void): Promise<ExportSummary> {
    this.check(request);
    const table = request.table ?? 'claims';
    const columns = columnsFor(request.profile, table);
    const progress: ExportProgress = { rows: 0, claims: 0 };
    let header = request.format === 'csv';
    const { name, version } = softwareVersion();
    const parquet = request.format === 'parquet' ? new ParquetTableWriter(columns, sink, `${name} version ${version}`) : null;
    const categories = table === 'claims' && request.profile === 'ucdp' ? await this.reader.ucdpCategories() : null;
    for await (const bundles of this.reader.batches(request.filter, request.actor)) {
      let rows: ExportRow[] = table === 'quantities' ? bundles.flatMap(quantityRows) : bundles.flatMap(fullRows);
      if (categories) rows = rows.map((row) => ucdpRow(row, categories));
      if (parquet) await parquet.add(rows);
      else await sink.write(request.format === 'csv' ? csvChunk(columns, rows, header) : jsonlChunk(rows));
      header = false;
      progress.rows += rows.length;
      progress.claims += bundles.length;
      onProgress?.(progress);
      // Nobody is reading any more (client gone): stop before the next query.
      if (sink.closed) break;
    }
    if (header) await sink.write(csvChunk(columns, [], true));
    const summary: ExportSummary = {
      rows: progress.rows,
      claims: progress.claims,
      profile: request.profile,
      table,
      generated_at: request.generatedAt.toISOString(),
      high_water_mark: highWaterMark(request.generatedAt).toISOString(),
      filter: filterForProvenance(request.filter),
      codebook: CODEBOOK_PATH,
      complete: !sink.closed,
    };
    if (request.format === 'jsonl') await sink.write(jsonlSummary(summary));
    // Parquet's footer comes last, so a file cut short cannot be opened; its summary is in the footer's metadata.
    if (parquet && !sink.closed) await parquet.end({ ...summary });
    await sink.end();
    return summary;
  }
}

/** The filter as given, without unset fields and with dates as ISO strings: what the export was cut by. */
export function filterForProvenance(filter: ClaimFilterInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
