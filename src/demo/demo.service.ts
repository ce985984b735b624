import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { LogClaimInput } from '../claims/dto/log-claim.input';
import { LogClaimService } from '../claims/log-claim.service';
import { TransactionRunner } from '../database/transaction-runner';
import { DEMO_CLAIMS } from './demo-story';

/**
 * Loads the demo story into an empty embedded database on first start, so `npm start`
 * shows something real. Never touches a database that holds claims; opt out with DEMO_DATA=false.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly logClaims: LogClaimService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = process.env.DEMO_DATA ?? (this.dataSource.options.type === 'postgres' ? 'false' : 'true');
    if (wanted !== 'true') return;
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM claim');
    if (Number(n) > 0) return;
    await this.load();
    Logger.log(`Loaded the demo story: ${DEMO_CLAIMS.length} claims`, 'Demo');
  }

  /** All demo claims in one transaction: a half-loaded demo would be worse than none. */
  load(): Promise<void> {
    return this.tx.run(async (manager) => {
      for (const claim of DEMO_CLAIMS) {
        await this.logClaims.logWith(manager, plainToInstance(LogClaimInput, claim), null);
      }
    });
  }
}
