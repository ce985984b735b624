import { Module } from '@nestjs/common';
import { AttributionsModule } from '../../attributions/attributions.module';
import { ClaimsModule } from '../claims.module';
import { SourcesModule } from '../../sources/sources.module';
import { AnalysisQueriesService } from './analysis-queries.service';
import { ClaimAnalysisResolver, SourceAnalysisResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';

/** Derived attribution analysis: independence, sourcing, circular reporting, discrepancies, track records. */
@Module({
  imports: [SourcesModule, AttributionsModule, ClaimsModule],
  providers: [AnalysisService, AnalysisQueriesService, ClaimAnalysisResolver, SourceAnalysisResolver],
  exports: [AnalysisService],
})
export class AnalysisModule {}
