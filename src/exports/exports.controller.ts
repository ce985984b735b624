import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Public } from '../access/access.decorators';
import { renderCodebook } from './codebook';
import { ExportQueryDto, splitExportQuery } from './dto/export-query.dto';
import { recordOf } from '../common/request-record';
import { AppLog } from '../observability/app-log';
import { Metrics } from '../observability/metrics';
import { ExportFormat, ExportProgress, ExportService, filterForProvenance } from './export.service';
import { WritableSink } from './writable-sink';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** Researcher exports over plain HTTP: any valid key (researchers and above); the codebook is public. */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly metrics: Metrics,
    private readonly log: AppLog,
  ) {}

  @Get('claims.csv')
  csv(@Query() query: ExportQueryDto, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('csv', query, req, res);
  }

  @Get('claims.jsonl')
  jsonl(@Query() query: ExportQueryDto, @Req() req: IncomingMessage, @Res() res: ServerResponse): Promise<void> {
    return this.stream('jsonl', query, req, res);
  }

  @Get('codebook')
  @Public()
  @Header('content-type', 'text/markdown; charset=utf-8')
  codebook(): string {
    return renderCodebook();
  }

  private async stream(format: ExportFormat, query: ExportQueryDto, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { filter, profile } = splitExportQuery(query);
    const generatedAt = new Date();
    const stamp = generatedAt.toISOString().replace(/[:.]/g, '-');
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPE[format]);
    res.setHeader('content-disposition', `attachment; filename="claimdesk-claims${profile === 'ucdp' ? '-ucdp' : ''}-${stamp}.${format}"`);
    res.setHeader('x-claimdesk-generated-at', generatedAt.toISOString());
    res.setHeader('x-claimdesk-filter', asciiJson(filterForProvenance(filter)));
    res.setHeader('x-claimdesk-profile', profile);
    res.setHeader('x-claimdesk-codebook', '/exports/codebook');
    let written = 0;
    const counted = (p: ExportProgress) => {
      this.metrics.exportRows.inc({ format }, p.rows - written);
      written = p.rows;
    };
    try {
      await this.exports.run({ format, profile, filter, generatedAt }, new WritableSink(res), counted);
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
