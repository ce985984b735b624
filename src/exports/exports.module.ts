import { Module } from '@nestjs/common';
import { ExportReader } from './export-reader';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';

@Module({
  controllers: [ExportsController],
  providers: [ExportReader, ExportService],
  exports: [ExportService],
})
export class ExportsModule {}
