import { Module } from '@nestjs/common';
import { SameSpeakerResolver } from './same-speaker.resolver';
import { SourcesResolver } from './sources.resolver';
import { SourcesService } from './sources.service';

@Module({
  providers: [SourcesService, SourcesResolver, SameSpeakerResolver],
  exports: [SourcesService],
})
export class SourcesModule {}
