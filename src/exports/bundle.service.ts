import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { softwareVersion } from '../config/version';
import { renderCodebook } from './codebook';
import { renderDataPackage } from './datapackage';
import { columnsFor } from './export-columns';
import { ExportReader } from './export-reader';
import { ExportRow, fullRows, quantityRows, ucdpRow } from './export-rows';
import { csvChunk } from './csv-writer';
import { ExportRequest, ExportService, filterForProvenance } from './export.service';
import { highWaterMark } from './sync';
import { WritableSink } from './writable-sink';

/** One data file of a bundle, as the manifest describes it. */
export interface BundleFile {
  path: string;
  rows: number | null;
  bytes: number;
  sha256: string;
}

export interface BundleManifest {
  software: { name: string; version: string };
  generated_at: string;
  high_water_mark: string;
  profile: string;
  filter: Record<string, unknown>;
  claims: number;
  rows: number;
  complete: boolean;
  files: BundleFile[];
}

/** A CSV file being written, with its digest and row count kept as it goes. */
class HashedFile {
  readonly hash = createHash('sha256');
  rows = 0;
  readonly stream;
  readonly sink;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.sink = new WritableSink(this.stream);
  }

  async write(text: string, rows: number): Promise<void> {
    this.hash.update(text);
    this.rows += rows;
    await this.sink.write(text);
  }
}

/**
 * The bundle (`/exports/bundle.zip`): the claims and quantities tables as CSV, the codebook, the
 * data package descriptor and a manifest with each file's row count and SHA-256, the filter, the
 * generation time, the high-water mark and the software version. The tables are written in one
 * pass over the claims to temporary files (memory stays flat; the digests need the whole file
 * before the manifest can be written), then zipped with yazl and streamed; the files are removed.
 * A bundle whose manifest says `complete: false`, or that has no manifest, was cut short.
 */
@Injectable()
export class BundleService {
  constructor(
    private readonly reader: ExportReader,
    private readonly exports: ExportService,
  ) {}

  async write(request: Omit<ExportRequest, 'format' | 'table'>, out: Writable): Promise<BundleManifest> {
    this.exports.check(request);
    const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bundle-'));
    try {
      const claims = new HashedFile(join(dir, 'claims.csv'));
      const quantities = new HashedFile(join(dir, 'quantities.csv'));
      const claimColumns = columnsFor(request.profile);
      const quantityColumns = columnsFor(request.profile, 'quantities');
      let first = true;
      let claimCount = 0;
      const categories = request.profile === 'ucdp' ? await this.reader.ucdpCategories() : null;
      for await (const bundles of this.reader.batches(request.filter, request.actor)) {
        let rows: ExportRow[] = bundles.flatMap(fullRows);
        if (categories) rows = rows.map((row) => ucdpRow(row, categories));
        const figures = bundles.flatMap(quantityRows);
        await claims.write(csvChunk(claimColumns, rows, first), rows.length);
        await quantities.write(csvChunk(quantityColumns, figures, first), figures.length);
        first = false;
        claimCount += bundles.length;
        if (out.destroyed) break;
      }
      if (first) {
        await claims.write(csvChunk(claimColumns, [], true), 0);
        await quantities.write(csvChunk(quantityColumns, [], true), 0);
      }
      await Promise.all([claims.sink.end(), quantities.sink.end()]);
      const codebook = Buffer.from(renderCodebook());
      const descriptor = Buffer.from(renderDataPackage(request.profile));
      const files: BundleFile[] = [
        { path: 'claims.csv', rows: claims.rows, bytes: (await stat(claims.path)).size, sha256: claims.hash.digest('hex') },
        { path: 'quantities.csv', rows: quantities.rows, bytes: (await stat(quantities.path)).size, sha256: quantities.hash.digest('hex') },
        { path: 'codebook.md', rows: null, bytes: codebook.length, sha256: sha256(codebook) },
        { path: 'datapackage.json', rows: null, bytes: descriptor.length, sha256: sha256(descriptor) },
      ];
      const manifest: BundleManifest = {
        software: softwareVersion(),
        generated_at: request.generatedAt.toISOString(),
        high_water_mark: highWaterMark(request.generatedAt).toISOString(),
        profile: request.profile,
        filter: filterForProvenance(request.filter),
        claims: claimCount,
        rows: claims.rows,
        complete: !out.destroyed,
        files,
      };
      const zip = new ZipFile();
      const mtime = request.generatedAt;
      zip.addFile(claims.path, 'claims.csv', { mtime });
      zip.addFile(quantities.path, 'quantities.csv', { mtime });
      zip.addBuffer(codebook, 'codebook.md', { mtime });
      zip.addBuffer(descriptor, 'datapackage.json', { mtime });
      zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime });
      zip.end();
      await new Promise<void>((resolve, reject) => {
        zip.outputStream.on('error', reject);
        out.on('error', reject);
        out.on('close', resolve);
        out.on('finish', resolve);
        zip.outputStream.pipe(out);
      });
      return manifest;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
