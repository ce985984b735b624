import { MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ClaimDirectRoots } from '../claims/claim-direct-roots';
import { ClaimsModule } from '../claims/claims.module';
import { GRAPHQL_PATH, graphqlMaxBodyBytes } from '../config/settings';
import { RateLimits } from '../limits/rate-limits';
import { DIRECT_ROOTS } from './direct-root';
import { DirectReads } from './direct-reads.service';
import { installFrontDoor, replayParseError } from './front-door';

@Module({
  imports: [ClaimsModule],
  providers: [DirectReads, { provide: DIRECT_ROOTS, useFactory: (claims: ClaimDirectRoots) => claims.roots(), inject: [ClaimDirectRoots] }],
  exports: [DirectReads],
})
export class DirectReadsModule implements NestModule, OnApplicationBootstrap {
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
