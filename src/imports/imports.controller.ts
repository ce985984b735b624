import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { Roles } from '../access/access.decorators';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { Role } from '../core/role';
import { Metrics } from '../observability/metrics';
import { ImportQueryDto } from './dto/import-query.dto';
import { ImportReport } from './import-report';
import { ImportService } from './import.service';
import { importFormatOf, readBody } from './request-body';

/** Newsroom imports over plain HTTP, for roles that may write. */
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles(Role.REPORTER, Role.EDITOR, Role.ADMIN)
  async import(@Query() query: ImportQueryDto, @Req() req: IncomingMessage, @CurrentActor() actor: Actor): Promise<ImportReport> {
    const format = importFormatOf(req.headers['content-type']);
    const report = await this.imports.run(await readBody(req), { format, dryRun: query.dryRun === 'true', actor });
    this.metrics.importRows.inc({ mode: report.dryRun ? 'dry_run' : 'written' }, report.rows);
    return report;
  }
}
