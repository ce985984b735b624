import { DynamicModule, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap, RequestMethod, Type } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GRAPHQL_PATH, graphqlMaxBodyBytes } from '../config/settings';
import { RateLimits } from '../limits/rate-limits';
import { DIRECT_ROOTS, DirectRoot } from './direct-root';
import { DirectReads } from './direct-reads.service';
import { installFrontDoor, replayParseError } from './front-door';

/** What answers the direct path's root fields: a provider of `module` (claims' ClaimDirectRoots). */
export interface DirectRootsSource {
  module: Type;
  provider: Type<{ roots(): DirectRoot[] }>;
}

@Module({})
export class DirectReadsModule implements NestModule, OnApplicationBootstrap {
  /** The roots are handed in by the app (app.module.ts): the domains build on this folder, not the other way. */
  static forRoots(source: DirectRootsSource): DynamicModule {
    return {
      module: DirectReadsModule,
      imports: [source.module],
      providers: [DirectReads, { provide: DIRECT_ROOTS, useFactory: (roots: { roots(): DirectRoot[] }) => roots.roots(), inject: [source.provider] }],
      exports: [DirectReads],
    };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly reads: DirectReads,
    private readonly limits: RateLimits,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(replayParseError).forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.POST });
  }

  onApplicationBootstrap(): void {
    // A CLI command boots the application without an HTTP server.
    const server = this.adapterHost.httpAdapter?.getHttpServer();
    if (server) installFrontDoor(server, GRAPHQL_PATH, this.reads, this.limits, graphqlMaxBodyBytes());
  }
}
