import { ConfigModule } from '@nestjs/config';
import { AccessModule } from './access/access.module';
import { ArticlesModule } from './articles/articles.module';
import { AttributionsModule } from './attributions/attributions.module';
import { AuditModule } from './audit/audit.module';
import { AnalysisModule } from './claims/analysis/analysis.module';
import { ClaimsModule } from './claims/claims.module';
import { validateEnvironment } from './config/env.validation';
import { dataSourceOptions } from './data-source-options';
import { DatabaseModule } from './database/database.module';
import { LimitsModule } from './limits/limits.module';
import { ObservabilityModule } from './observability/observability.module';
import { RecordsModule } from './records/records.module';
import { SourcesModule } from './sources/sources.module';

/**
 * What every other module builds on, in start-up order. Listed once for the app (app.module.ts) and for the service
 * tests (test/support/services.ts), which boot the same foundation without the API around it. A function, so that each
 * root module reads the environment as it is when that module is declared, as a literal list in it would.
 */
export const foundationModules = () => [
  // Settings come from the environment only: column types are chosen from it before any module loads.
  ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
  DatabaseModule.forRoot(dataSourceOptions),
  LimitsModule,
  ObservabilityModule,
  AuditModule,
  AccessModule,
];

/** The modules that keep the records: sources, articles, attributions, claims and their analysis, deletion and restore. */
export const RECORD_MODULES = [SourcesModule, ArticlesModule, AttributionsModule, ClaimsModule, AnalysisModule, RecordsModule];
