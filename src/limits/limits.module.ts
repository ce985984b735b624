import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { QueryLimits } from './query-limits';
import { QueryLimitsPlugin } from './query-limits.plugin';
import { RateLimits } from './rate-limits';

/** Query limits and rate limits: one instance of each, shared by Apollo's path, the direct path and the guard. */
@Global()
@Module({
  providers: [QueryLimits, QueryLimitsPlugin, RateLimits],
  exports: [QueryLimits, RateLimits],
})
export class LimitsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** No X-Powered-By: the framework is nobody's business. (A CLI command has no HTTP adapter.) */
  onModuleInit(): void {
    const express = this.adapterHost.httpAdapter?.getInstance?.() as { disable?: (setting: string) => void } | undefined;
    express?.disable?.('x-powered-by');
  }
}
