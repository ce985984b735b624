import { DataSource } from 'typeorm';
import { DemoService } from '../src/demo/demo.service';
import { DEMO_CLAIMS } from '../src/demo/demo-story';
import { TestApp, startTestApp } from './support/app';

async function counts(t: TestApp): Promise<{ claims: number; users: number; liveKeys: number }> {
  const ds = t.app.get(DataSource);
  const one = async (sql: string) => Number((await ds.query(sql))[0].n);
  return {
    claims: await one('SELECT COUNT(*) AS n FROM claim'),
    users: await one('SELECT COUNT(*) AS n FROM app_user'),
    liveKeys: await one('SELECT COUNT(*) AS n FROM api_key WHERE revoked_at IS NULL'),
  };
}

describe('demo data', () => {
  it('stays out of a database that has a real user and no claims (create-admin, then npm start)', async () => {
    const t = await startTestApp(); // its admin is a real user
    try {
      const before = await counts(t);
      expect(before.claims).toBe(0);
      expect(await t.app.get(DemoService).start()).toBe('skipped');
      expect(await counts(t)).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('loads into an empty database, reissues demo keys while only demo users exist, and stops once a real user exists', async () => {
    const t = await startTestApp({ DEMO_DATA: 'true' });
    try {
      const ds = t.app.get(DataSource);
      const demo = t.app.get(DemoService);
      const loaded = await counts(t);
      expect(loaded.claims).toBe(DEMO_CLAIMS.length);
      expect(loaded.users).toBe(5); // four demo users, then the test's own admin

      // The test's admin is the "real user created later": no more demo keys, nothing loaded again.
      expect(await demo.start()).toBe('skipped');
      expect(await counts(t)).toEqual(loaded);

      // Without it, the database is a demo database again: fresh keys replace the old ones.
      await ds.query(`DELETE FROM api_key WHERE user_id IN (SELECT id FROM app_user WHERE email IS NULL OR email NOT LIKE 'demo-%')`);
      await ds.query(`DELETE FROM app_user WHERE email IS NULL OR email NOT LIKE 'demo-%'`);
      const demoOnly = await counts(t);
      expect(await demo.start()).toBe('keys-reissued');
      expect(await counts(t)).toEqual(demoOnly);
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM api_key'))[0].n)).toBe(8);
    } finally {
      await t.close();
    }
  });
});
