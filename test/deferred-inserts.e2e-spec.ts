import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../src/core/actor';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { AuditService } from '../src/audit/audit.service';
import { TransactionRunner } from '../src/database/transaction-runner';
import { TestApp, startTestApp } from './support/app';

/** Audit events are queued and written in one INSERT as their transaction commits; never without it. */
describe('inserts at commit', () => {
  let t: TestApp;
  let audit: AuditService;
  let tx: TransactionRunner;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    [audit, tx, ds] = [t.app.get(AuditService), t.app.get(TransactionRunner), t.app.get(DataSource)];
  });
  afterAll(() => t.close());

  const events = (entityId: string) => ds.manager.find(AuditEvent, { where: { entityId }, order: { id: 'ASC' } });

  it('writes a transaction\'s events, in order, only as it commits', async () => {
    await tx.run(async (manager) => {
      for (let i = 0; i < 3; i++) await audit.record(manager, SYSTEM_ACTOR, 'UPDATE', 'Claim', 'claim-committed', [{ field: 'n', before: null, after: String(i) }]);
      // Not yet visible inside the transaction either: nothing was sent.
      expect(await manager.count(AuditEvent, { where: { entityId: 'claim-committed' } })).toBe(0);
    });
    const written = await events('claim-committed');
    expect(written.map((e) => e.changes[0].after)).toEqual(['0', '1', '2']);
  });

  it('writes nothing when the transaction fails', async () => {
    await expect(
      tx.run(async (manager) => {
        await audit.record(manager, SYSTEM_ACTOR, 'UPDATE', 'Claim', 'claim-rolled-back', []);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await events('claim-rolled-back')).toHaveLength(0);
  });

  it('writes at once outside a transaction', async () => {
    await audit.record(ds.manager, SYSTEM_ACTOR, 'UPDATE', 'Claim', 'claim-direct', []);
    expect(await events('claim-direct')).toHaveLength(1);
  });
});
