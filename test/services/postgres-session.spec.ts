import { onPostgres } from '../support/database';
import { TestServices, startServices } from '../support/services';

/**
 * The sessions the app opens on PostgreSQL run without JIT (src/data-source-options.ts): a list page's generic plan
 * cannot see its page size, and at a few million claims compiling it took 250 times as long as running it.
 */
describe('the database session (services)', () => {
  let s: TestServices;
  beforeAll(async () => (s = await startServices()));
  afterAll(() => s.close());

  it(onPostgres ? 'runs every pooled PostgreSQL connection with jit off' : 'has no JIT to turn off on SQLite', async () => {
    if (!onPostgres) {
      expect(s.db.options.type).toBe('better-sqlite3');
      return;
    }
    // Several connections at once, so that the check is not of one lucky connection.
    const settings = await Promise.all(Array.from({ length: 4 }, () => s.db.transaction((m) => m.query(`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`))));
    expect(settings.map((rows) => rows[0].jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
