import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { Public } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { renderCodebook } from './codebook';
import { renderDataPackage } from './datapackage';
import { ExportQueryDto, splitExportQuery } from './dto/export-query.dto';
import { ExportFormat, ExportService, filterForProvenance } from './export.service';
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
  ) {}

  @Get('claims.csv')
  csv(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('csv', query, actor, res);
  }

  @Get('claims.jsonl')
  jsonl(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('jsonl', query, actor, res);
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
  parquet(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('parquet', query, actor, res);
  }

  @Get('quantities.parquet')
  quantitiesParquet(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('parquet', query, actor, res, 'quantities');
  }

  /** Every figure of the same claims, one row each (the claims table carries only the first in columns). */
  @Get('quantities.csv')
  quantitiesCsv(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('csv', query, actor, res, 'quantities');
  }

  @Get('quantities.jsonl')
  quantitiesJsonl(@Query() query: ExportQueryDto, @CurrentActor() actor: Actor, @Res() res: ServerResponse): Promise<void> {
    return this.stream('jsonl', query, actor, res, 'quantities');
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

  private async stream(format: ExportFormat, query: ExportQueryDto, actor: Actor, res: ServerResponse, table: ExportTable = 'claims'): Promise<void> {
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
    await this.exports.run({ format, profile, table, filter, generatedAt, actor }, new WritableSink(res));
  }
}

/** Header values must be ASCII: JSON with every other character \u-escaped is still the same JSON. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
