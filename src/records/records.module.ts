import { Module } from '@nestjs/common';
import { AttributionsModule } from '../attributions/attributions.module';
import { ClaimsModule } from '../claims/claims.module';
import { ArticlesModule } from '../articles/articles.module';
import { SourcesModule } from '../sources/sources.module';
import { NodeResolver } from './node.resolver';
import { RecordsResolver } from './records.resolver';
import { RecordsService } from './records.service';

@Module({
  imports: [ClaimsModule, AttributionsModule, SourcesModule, ArticlesModule],
  providers: [RecordsService, RecordsResolver, NodeResolver],
})
export class RecordsModule {}
