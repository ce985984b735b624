import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { DemoService } from './demo.service';

@Module({
  imports: [ClaimsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
