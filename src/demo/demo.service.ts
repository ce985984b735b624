import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { ApiKey } from '../access/api-key.entity';
import { Role } from '../access/role';
import { User } from '../access/user.entity';
import { SYSTEM_ACTOR } from '../access/actor';
import { LogClaimInput } from '../claims/dto/log-claim.input';
import { LogClaimService } from '../claims/log-claim.service';
import { withStartupLock } from '../database/startup-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { DEMO_CLAIMS } from './demo-story';

const DEMO_KEY_NAME = 'demo';

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
    private readonly access: AccessService,
  ) {}

  /** Under the startup lock: a second instance starting at the same moment finds the demo loaded and skips it. */
  onApplicationBootstrap(): Promise<void> {
    return withStartupLock(this.dataSource, () => this.start());
  }

  private async start(): Promise<void> {
    const wanted = process.env.DEMO_DATA ?? (this.dataSource.options.type === 'postgres' ? 'false' : 'true');
    if (wanted !== 'true') return;
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM claim');
    if (Number(n) === 0) {
      await this.load();
      Logger.log(`Loaded the demo story: ${DEMO_CLAIMS.length} claims`, 'Demo');
    }
    const keys = await this.issueDemoKeys();
    const lines = keys.map(({ role, key }) => `  ${role.padEnd(10)} ${key}`);
    Logger.log(`Demo API keys (new at every start; send as "Authorization: Bearer <key>"):\n${lines.join('\n')}`, 'Demo');
  }

  /**
   * One ready-to-use key per role for the demo users. Keys are stored only as hashes, so they
   * cannot be shown again: each start revokes the previous demo keys and prints fresh ones.
   */
  issueDemoKeys(): Promise<Array<{ role: Role; key: string }>> {
    return this.tx.run(async (manager) => {
      const issued = [];
      for (const role of [Role.ADMIN, Role.EDITOR, Role.REPORTER, Role.RESEARCHER]) {
        const email = `demo-${role.toLowerCase()}@claimdesk.invalid`;
        const user =
          (await manager.findOne(User, { where: { email } })) ??
          (await this.access.createUserWith(manager, { name: `Demo ${role.toLowerCase()}`, email, role }, SYSTEM_ACTOR));
        await manager.update(ApiKey, { userId: user.id, name: DEMO_KEY_NAME, revokedAt: IsNull() }, { revokedAt: new Date() });
        const { key } = await this.access.createKeyWith(manager, { userId: user.id, name: DEMO_KEY_NAME });
        issued.push({ role, key });
      }
      return issued;
    });
  }

  /** All demo claims in one transaction: a half-loaded demo would be worse than none. */
  load(): Promise<void> {
    return this.tx.run(async (manager) => {
      for (const claim of DEMO_CLAIMS) {
        await this.logClaims.logWith(manager, plainToInstance(LogClaimInput, claim), SYSTEM_ACTOR);
      }
    });
  }
}
