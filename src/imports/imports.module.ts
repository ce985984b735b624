import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { AttributionsModule } from '../attributions/attributions.module';
import { ClaimsModule } from '../claims/claims.module';
import { SourcesModule } from '../sources/sources.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';

@Module({
  imports: [ClaimsModule, SourcesModule, ArticlesModule, AttributionsModule],
  controllers: [ImportsController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
