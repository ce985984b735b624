import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { AttributionsModule } from '../attributions/attributions.module';
import { SourcesModule } from '../sources/sources.module';
import { AttributionClaimResolver, ClaimsResolver } from './claims.resolver';
import { ClaimDirectRoots } from './claim-direct-roots';
import { ClaimTreePlans } from './claim-tree';
import { ClaimsService } from './claims.service';
import { LogClaimService } from './log-claim.service';
import { ClaimMatchingResolver } from './matching/matching.resolver';
import { ClaimMatchingService } from './matching/matching.service';

@Module({
  imports: [SourcesModule, ArticlesModule, AttributionsModule],
  providers: [ClaimsService, LogClaimService, ClaimTreePlans, ClaimDirectRoots, ClaimsResolver, AttributionClaimResolver, ClaimMatchingService, ClaimMatchingResolver],
  exports: [ClaimsService, LogClaimService, ClaimDirectRoots, ClaimMatchingService],
})
export class ClaimsModule {}
