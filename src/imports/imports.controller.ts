import { Controller, HttpCode, Post, Query, Req, UseFilters } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { HttpDomainErrorFilter } from '../common/http-errors';
import { ImportQueryDto } from './dto/import-query.dto';
import { ImportReport, ImportService } from './import.service';
import { importFormatOf, readBody } from './request-body';

/** Newsroom imports over plain HTTP. Thin on purpose: an auth guard can be added here without touching the logic. */
@Controller('imports')
@UseFilters(HttpDomainErrorFilter)
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  async import(@Query() query: ImportQueryDto, @Req() req: IncomingMessage): Promise<ImportReport> {
    const format = importFormatOf(req.headers['content-type']);
    return this.imports.run(await readBody(req), { format, dryRun: query.dryRun === 'true' });
  }
}
