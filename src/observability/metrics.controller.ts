import { Controller, Get, Headers, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { Public } from '../access/access.decorators';
import { AccessService } from '../access/access.service';
import { bearerToken } from '../access/api-keys';
import { Role } from '../core/role';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { metricsToken } from '../config/settings';
import { Metrics } from './metrics';

/**
 * Prometheus metrics. With METRICS_TOKEN set, a scraper sends `Authorization: Bearer <METRICS_TOKEN>`
 * (and only that token is accepted); without it, an ADMIN API key is needed.
 */
@Controller('metrics')
@Public()
export class MetricsController {
  private readonly token = metricsToken();

  constructor(
    private readonly metrics: Metrics,
    private readonly access: AccessService,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: ServerResponse): Promise<void> {
    await this.authorize(bearerToken(authorization));
    const text = await this.metrics.registry.metrics();
    res.setHeader('content-type', this.metrics.registry.contentType);
    res.end(text);
  }

  private async authorize(given: string | null | undefined): Promise<void> {
    if (!given) throw new UnauthenticatedError();
    if (this.token) {
      const a = Buffer.from(given);
      const b = Buffer.from(this.token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw new UnauthenticatedError('This metrics token is not valid');
      return;
    }
    const actor = await this.access.authenticate(given);
    if (!actor) throw new UnauthenticatedError('This API key is not valid or has been revoked');
    if (actor.role !== Role.ADMIN) throw new ForbiddenError(`The ${actor.role} role may not read /metrics`);
  }
}
