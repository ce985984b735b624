import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';
import { GracefulShutdown } from './graceful-shutdown';

/**
 * Liveness (the process answers) and readiness (it can serve: the database answers, every migration
 * this build knows is applied, and it is not shutting down). Public: load balancers hold no key.
 */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => (this.shutdown.draining ? this.indicators.check('accepting').down('shutting down') : this.indicators.check('accepting').up()),
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.migrations(),
    ]);
  }

  private async migrations() {
    const check = this.indicators.check('migrations');
    const applied = new Set((await this.dataSource.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name));
    const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
    return pending.length ? check.down({ pending }) : check.up({ applied: applied.size });
  }
}
