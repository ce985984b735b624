import { Module } from '@nestjs/common';
import { BundleService } from './bundle.service';
import { DeletionsReader } from './deletions-reader';
import { ExportReader } from './export-reader';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';

@Module({
  controllers: [ExportsController],
  providers: [ExportReader, ExportService, DeletionsReader, BundleService],
  exports: [ExportService],
})
export class ExportsModule {}
