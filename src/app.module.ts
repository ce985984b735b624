import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { withholdRestricted } from './access/field-access';
import { GraphQLModule } from '@nestjs/graphql';
import { ClaimDirectRoots } from './claims/claim-direct-roots';
import { ClaimsModule } from './claims/claims.module';
import { DateTimeScalar } from './common/date-time.scalar';
import { DomainErrorFilter, formatGraphQLError } from './common/graphql-errors';
import { RequestLoaders } from './common/loaders';
import { NoSubscriptions } from './common/no-subscriptions.rule';
import { OwnResolvers } from './common/own-resolvers';
import { servePrefetched } from './common/prefetch';
import { createValidationPipe } from './common/validation';
import { GRAPHQL_PATH, isDevelopment } from './config/settings';
import { DemoModule } from './demo/demo.module';
import { DeskModule } from './desk/desk.module';
import { DirectReadsModule } from './direct-reads/direct-reads.module';
import { QueryLimits } from './limits/query-limits';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { foundationModules, RECORD_MODULES } from './module-sets';
import { requestRecordPlugin } from './observability/request-record.plugin';
import { SuggestionsModule } from './suggestions/suggestions.module';

@Module({
  imports: [
    ...foundationModules(),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      // The token limit is Apollo's own parser's: it stops reading an oversized document at the limit.
      inject: [QueryLimits],
      useFactory: (limits: QueryLimits) => {
        // Which fields have a resolver of their own, read from Nest's resolver map: the compiled trees and servePrefetched ask.
        const ownResolvers = new OwnResolvers();
        return {
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          transformResolvers: ownResolvers.note,
          // Restricted fields are withheld last, around whatever else serves them.
          transformSchema: (schema) => withholdRestricted(servePrefetched(ownResolvers.mark(schema))),
          context: ({ req }: { req: unknown }) => ({ req, loaders: new RequestLoaders() }),
          formatError: formatGraphQLError,
          // No type sets cache hints; the default cache-control plugin would still wrap every field resolver.
          plugins: [ApolloServerPluginCacheControlDisabled(), requestRecordPlugin],
          // Automatic persisted queries would keep client-chosen documents in memory; a hash is refused with PERSISTED_QUERY_NOT_SUPPORTED.
          persistedQueries: false,
          validationRules: [NoSubscriptions],
          includeStacktraceInErrorResponses: isDevelopment(),
          // Introspection is for valid keys only (access/schema-exposure.plugin.ts); no IDE page, whose scripts come from a CDN.
          introspection: true,
          graphiql: false,
          parseOptions: { maxTokens: limits.settings.maxTokens },
        };
      },
    }),
    ...RECORD_MODULES,
    SuggestionsModule,
    DemoModule,
    ExportsModule,
    ImportsModule,
    DirectReadsModule.forRoots({ module: ClaimsModule, provider: ClaimDirectRoots }),
    DeskModule.register(),
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class AppModule {}
