import { Module } from '@nestjs/common';
import { AttributionsModule } from '../attributions/attributions.module';
import { ClaimsModule } from '../claims/claims.module';
import { RecordsResolver } from './records.resolver';
import { RecordsService } from './records.service';

@Module({
  imports: [ClaimsModule, AttributionsModule],
  providers: [RecordsService, RecordsResolver],
})
export class RecordsModule {}
