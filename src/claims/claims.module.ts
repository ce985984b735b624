import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { AttributionsModule } from '../attributions/attributions.module';
import { SourcesModule } from '../sources/sources.module';
import { AttributionClaimResolver, ClaimsResolver } from './claims.resolver';
import { ClaimDirectRoots } from './claim-direct-roots';
import { ClaimTreePlans } from './claim-tree';
import { ClaimsService } from './claims.service';
import { DeclaredReferencesResolver } from './declared-references.resolver';
import { LogClaimService } from './log-claim.service';
import { ClaimMergeResolver } from './merging/claim-merge.resolver';
import { ClaimMergeService } from './merging/claim-merge.service';
import { QuantityRegistrationResolver, VariablesResolver } from './variables/variables.resolver';
import { VariableRegistry } from './variables/variable-registry.service';
import { ReportedByResolver } from './reported-by/reported-by.resolver';
import { WireLinksResolver } from './reported-by/wire-links.resolver';
import { WireLinksService } from './reported-by/wire-links.service';
import { ClaimMatchingResolver } from './matching/matching.resolver';
import { ClaimMatchingService } from './matching/matching.service';

@Module({
  imports: [SourcesModule, ArticlesModule, AttributionsModule],
  providers: [ClaimsService, LogClaimService, ClaimTreePlans, ClaimDirectRoots, ClaimsResolver, AttributionClaimResolver, DeclaredReferencesResolver, ClaimMatchingService, ClaimMatchingResolver, ClaimMergeService, ClaimMergeResolver, VariableRegistry, VariablesResolver, QuantityRegistrationResolver, ReportedByResolver, WireLinksService, WireLinksResolver],
  exports: [ClaimsService, LogClaimService, ClaimDirectRoots, ClaimMatchingService, ClaimMergeService, VariableRegistry],
})
export class ClaimsModule {}
