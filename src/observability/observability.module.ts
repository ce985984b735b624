import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppLog } from './app-log';
import { GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { RequestObserver } from './request-observer';

/** Health, metrics, request logs and graceful shutdown: what an operator sees of the service. */
@Global()
@Module({
  imports: [TerminusModule],
  controllers: [HealthController, MetricsController],
  providers: [AppLog, Metrics, RequestObserver, GracefulShutdown],
  exports: [AppLog, Metrics],
})
export class ObservabilityModule {}
