import { Module } from '@nestjs/common';
import { SourcesResolver } from './sources.resolver';
import { SourcesService } from './sources.service';

@Module({
  providers: [SourcesService, SourcesResolver],
  exports: [SourcesService],
})
export class SourcesModule {}
