import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { ApiKey } from '../access/api-key.entity';
import { Role } from '../core/role';
import { User } from '../access/user.entity';
import { SYSTEM_ACTOR } from '../core/actor';
import { LogClaimInput } from '../claims/dto/log-claim.input';
import { LogClaimService } from '../claims/log-claim.service';
import { withStartupLock } from '../database/startup-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { demoDataWanted } from '../config/settings';
import { DEMO_CLAIMS } from './demo-story';

const DEMO_KEY_NAME = 'demo';
const DEMO_EMAIL = /^demo-[a-z]+@claimdesk\.invalid$/;

/** What a start did with the demo: loaded the story, printed keys for the demo users, or left a real database alone. */
export type DemoOutcome = 'loaded' | 'keys-reissued' | 'skipped';

/**
 * Loads the demo story and its four demo users into a database with no users and no claims,
 * so `npm start` shows something real. Later starts print fresh demo keys only while the demo
 * users are the only users: once a real user exists (create-admin, createUser) or a database
 * already holds claims of its own, the demo neither loads nor prints a key. Opt out with DEMO_DATA=false.
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
  async onApplicationBootstrap(): Promise<void> {
    if (demoDataWanted()) await withStartupLock(this.dataSource, () => this.start());
  }

  async start(): Promise<DemoOutcome> {
    const users = await this.dataSource.manager.find(User, { select: { id: true, email: true } });
    const realUsers = users.filter((u) => !u.email || !DEMO_EMAIL.test(u.email)).length;
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM claim');
    let outcome: DemoOutcome;
    if (users.length === 0 && Number(n) === 0) {
      await this.load();
      Logger.log(`Loaded the demo story: ${DEMO_CLAIMS.length} claims`, 'Demo');
      outcome = 'loaded';
    } else if (realUsers === 0 && users.length > 0) {
      outcome = 'keys-reissued';
    } else {
      Logger.log('Demo data not loaded and no demo keys issued: this database has users or claims of its own (set DEMO_DATA=false to silence this)', 'Demo');
      return 'skipped';
    }
    const keys = await this.issueDemoKeys();
    const lines = keys.map(({ role, key }) => `  ${role.padEnd(10)} ${key}`);
    Logger.log(`Demo API keys (new at every start; send as "Authorization: Bearer <key>"):\n${lines.join('\n')}`, 'Demo');
    return outcome;
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
