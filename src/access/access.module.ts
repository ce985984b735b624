import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessChanges } from './access-changes';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { SchemaExposurePlugin } from './schema-exposure.plugin';

@Global()
@Module({
  providers: [AccessService, AccessChanges, AccessResolver, SchemaExposurePlugin, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessService],
})
export class AccessModule {}
