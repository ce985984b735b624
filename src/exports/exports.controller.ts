import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Public } from '../access/access.decorators';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { renderCodebook } from './codebook';
import { renderDataPackage } from './datapackage';
import { ExportQueryDto, splitExportQuery } from './dto/export-query.dto';
import { recordOf } from '../common/request-record';
import { AppLog } from '../observability/app-log';
import { Metrics } from '../observability/metrics';
import { ExportFormat, ExportProgress, ExportService, filterForProvenance } from './export.service';
import { WritableSink } from './writable-sink';
import { ExportTable } from './export-columns';
import { DeletionsReader } from './deletions-reader';
import { BundleService } from './bundle.service';
import { DeletionsQueryDto } from './dto/deletions-query.dto';
import { DataPackageQueryDto } from './dto/datapackage-query.dto';
import { highWaterMark } from './sync';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/** Researcher exports over plain HTTP: any valid key (researchers and above); the codebook is public. */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly deletionsReader: DeletionsReader,
    private readonly bundles: BundleService,
    private readonly metrics: Metrics,
    private readonly log: AppLog,
  ) {}

  @Get('claims.csv')
  csv(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('csv', query, actor, req, res);
  }

  @Get('claims.jsonl')
  jsonl(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('jsonl', query, actor, req, res);
  }

  /** Data, codebook, data package and a manifest (row counts, SHA-256, filter, time, version) in one ZIP: bundle.service.ts. */
  @Get('bundle.zip')
  async bundle(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    const { filter, profile } = splitExportQuery(query);
    this.exports.check({ filter, actor });
    const generatedAt = new Date();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="claimdesk-bundle${profile === 'ucdp' ? '-ucdp' : ''}-${generatedAt.toISOString().replace(/[:.]/g, '-')}.zip"`);
    res.setHeader('x-claimdesk-generated-at', generatedAt.toISOString());
    res.setHeader('x-claimdesk-filter', asciiJson(filterForProvenance(filter)));
    res.setHeader('x-claimdesk-profile', profile);
    await this.bundles.write({ profile, filter, generatedAt, actor }, res);
  }

  /** The same rows as Parquet, typed from the column declarations (parquet-writer.ts). */
  @Get('claims.parquet')
  parquet(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('parquet', query, actor, req, res);
  }

  @Get('quantities.parquet')
  quantitiesParquet(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('parquet', query, actor, req, res, 'quantities');
  }

  /** Every figure of the same claims, one row each (the claims table carries only the first in columns). */
  @Get('quantities.csv')
  quantitiesCsv(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('csv', query, actor, req, res, 'quantities');
  }

  @Get('quantities.jsonl')
  quantitiesJsonl(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('jsonl', query, actor, req, res, 'quantities');
  }

  /** The other half of incremental sync (sync.ts): what left the export since the last mark. */
  @Get('deletions')
  async deletions(@Query() query: DeletionsQueryDto): Promise<Record<string, unknown>> {
    const generatedAt = new Date();
    const deletions = await this.deletionsReader.since(query.since);
    return {
      since: query.since?.toISOString() ?? null,
      generated_at: generatedAt.toISOString(),
      high_water_mark: highWaterMark(generatedAt).toISOString(),
      deletions,
    };
  }

  /** The Frictionless Data Package descriptor of the export (datapackage.ts); `profile=ucdp` for those columns. */
  @Get('datapackage.json')
  @Public()
  datapackage(@Query() query: DataPackageQueryDto, @Res() res: ServerResponse): void {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(renderDataPackage(query.profile ?? 'full'));
  }

  @Get('codebook')
  @Public()
  @Header('content-type', 'text/markdown; charset=utf-8')
  codebook(): string {
    return renderCodebook();
  }

  private async stream(format: ExportFormat, query: ExportQueryDto, actor: Actor, req: IncomingMessage, res: ServerResponse, table: ExportTable = 'claims'): Promise<void> {
    const { filter, profile } = splitExportQuery(query);
    this.exports.check({ filter, actor });
    const generatedAt = new Date();
    const stamp = generatedAt.toISOString().replace(/[:.]/g, '-');
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPE[format]);
    res.setHeader('content-disposition', `attachment; filename="claimdesk-${table}${table === 'claims' && profile === 'ucdp' ? '-ucdp' : ''}-${stamp}.${format}"`);
    res.setHeader('x-claimdesk-generated-at', generatedAt.toISOString());
    res.setHeader('x-claimdesk-high-water-mark', highWaterMark(generatedAt).toISOString());
    res.setHeader('x-claimdesk-filter', asciiJson(filterForProvenance(filter)));
    res.setHeader('x-claimdesk-profile', profile);
    res.setHeader('x-claimdesk-codebook', '/exports/codebook');
    res.setHeader('x-claimdesk-datapackage', `/exports/datapackage.json${profile === 'ucdp' ? '?profile=ucdp' : ''}`);
    let written = 0;
    const counted = (p: ExportProgress) => {
      this.metrics.exportRows.inc({ format }, p.rows - written);
      written = p.rows;
    };
    try {
      await this.exports.run({ format, profile, table, filter, generatedAt, actor }, new WritableSink(res), counted);
    } catch (error) {
      if (!res.headersSent) throw error;
      // The status line has gone out as 200: ending the body normally would pass a partial file off as the
      // whole one (curl exits 0, pandas reads the rows). Cutting the connection makes the transfer fail.
      const record = recordOf(req);
      if (record) record.outcome = 'EXPORT_ABORTED';
      this.log.logger.error({ reqId: record?.id ?? null, rowsSent: written, error: errorName(error) }, 'export aborted after its first byte; connection cut');
      // After what was written has gone out (SQLite's synchronous queries can fail before the corked first chunk is
      // flushed): the client gets the rows sent so far, then a connection closed before the end of the chunked body.
      setImmediate(() => res.destroy());
    }
  }
}

/** Header values must be ASCII: JSON with every other character \u-escaped is still the same JSON. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What kind of failure cut an export: its class and driver code, never its message (it may quote SQL or values). */
function errorName(error: unknown): string {
  const e = error as { name?: string; code?: string; driverError?: { code?: string } };
  return [e?.name ?? 'Error', e?.code ?? e?.driverError?.code].filter(Boolean).join(' ');
}
