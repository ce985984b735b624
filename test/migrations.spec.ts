import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { POSTGRES_MIGRATIONS } from '../src/database/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../src/database/migrations/sqlite';
import { dataSourceOptions } from '../src/data-source-options';
import { createTestDatabase, onPostgres } from './support/database';

const TABLES = ['article', 'attribution', 'citation', 'claim', 'claim_quantity', 'relay_hop', 'source', 'source_alias'];

async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = onPostgres
    ? await ds.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
    : await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).filter((n) => n !== 'migrations').sort();
}

describe('migrations', () => {
  it('are read from their folders: every migration file once, in timestamp order', () => {
    for (const [kind, loaded] of [['sqlite', SQLITE_MIGRATIONS], ['postgres', POSTGRES_MIGRATIONS]] as const) {
      const files = readdirSync(join(__dirname, '..', 'src', 'database', 'migrations', kind)).filter((f) => /^\d{13}-\w+\.ts$/.test(f)).sort();
      expect(files.length).toBeGreaterThan(15);
      const stamp = (name: string) => /(\d{13})/.exec(name)?.[1];
      expect(loaded.map((m) => `${stamp(m.name)}-${m.name.replace(/\d{13}$/, '')}.ts`)).toEqual(files);
    }
  });

  it('run from empty, leave nothing pending, and revert cleanly', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      expect(await tableNames(ds)).toEqual([]);
      const applied = await ds.runMigrations();
      expect(applied.length).toBe(ds.migrations.length);
      expect(await tableNames(ds)).toEqual(expect.arrayContaining(TABLES));
      expect(await ds.showMigrations()).toBe(false);
      // The entities and the migrated schema agree: nothing left for TypeORM to generate.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      expect(await tableNames(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('LiveSourceName migration on existing data', () => {
  it('gives the unique live name to the oldest live named source of each name; duplicates, deleted and anonymous ones stay NULL', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      await ds.runMigrations();
      // Back to just before LiveSourceName (and the migrations after it).
      const live = ds.migrations.findIndex((m) => m.name?.startsWith('LiveSourceName'));
      for (let i = live; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const now = new Date().toISOString();
      const insert = (id: string, kind: string, nameKey: string, deletedAt: string | null) =>
        ds.query(
          `INSERT INTO source (id, created_at, updated_at, version, deleted_at, kind, name, name_key) VALUES (${onPostgres ? '$1, $2, $2, 1, $3, $4, $5, $5' : '?, ?, ?, 1, ?, ?, ?, ?'})`,
          onPostgres ? [id, now, deletedAt, kind, nameKey] : [id, now, now, deletedAt, kind, nameKey, nameKey],
        );
      await insert('00000000-0000-7000-8000-000000000001', 'NGO', 'twin', null);
      await insert('00000000-0000-7000-8000-000000000002', 'NGO', 'twin', null); // a duplicate an earlier race left
      await insert('00000000-0000-7000-8000-000000000003', 'NGO', 'gone', now);
      await insert('00000000-0000-7000-8000-000000000004', 'ANONYMOUS', 'an official', null);
      await ds.runMigrations();
      const rows: Array<{ id: string; live_name_key: string | null }> = await ds.query(`SELECT id, live_name_key FROM source ORDER BY id`);
      expect(rows.map((r) => r.live_name_key)).toEqual(['twin', null, null, null]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('AnonymityGrantVagueFigure migration on existing data', () => {
  it('marks attributions that state a reason as granted anonymity; others and existing figures default to false', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      await ds.runMigrations();
      const at = ds.migrations.findIndex((m) => m.name?.startsWith('AnonymityGrantVagueFigure'));
      for (let i = at; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const now = new Date().toISOString();
      const p = (n: number) => (onPostgres ? `$${n}` : '?');
      await ds.query(`INSERT INTO source (id, created_at, updated_at, version, kind, name, name_key) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, 'ANONYMOUS', 'an official', 'an official')`, ['00000000-0000-7000-8000-0000000000a1', now, now]);
      await ds.query(`INSERT INTO claim (id, created_at, updated_at, version, statement, tags) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, 'S', '[]')`, ['00000000-0000-7000-8000-0000000000c1', now, now]);
      const attribution = (id: string, reason: string | null) =>
        ds.query(
          `INSERT INTO attribution (id, created_at, updated_at, version, claim_id, source_id, anonymity_reason, conditions) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, ${p(4)}, ${p(5)}, ${p(6)}, '[]')`,
          [id, now, now, '00000000-0000-7000-8000-0000000000c1', '00000000-0000-7000-8000-0000000000a1', reason],
        );
      await attribution('00000000-0000-7000-8000-000000000001', 'not authorized to speak');
      await attribution('00000000-0000-7000-8000-000000000002', null);
      await ds.query(`INSERT INTO claim_quantity (id, claim_id, position, variable, value) VALUES (${p(1)}, ${p(2)}, 0, 'killed', 3)`, ['00000000-0000-7000-8000-0000000000d1', '00000000-0000-7000-8000-0000000000c1']);
      await ds.runMigrations();
      const rows: Array<{ id: string; anonymity_granted: boolean | number }> = await ds.query(`SELECT id, anonymity_granted FROM attribution ORDER BY id`);
      expect(rows.map((r) => Boolean(r.anonymity_granted))).toEqual([true, false]);
      const [figure]: Array<{ vague: boolean | number }> = await ds.query(`SELECT vague FROM claim_quantity`);
      expect(Boolean(figure.vague)).toBe(false);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('ClaimSourceAnonymity migration on existing data', () => {
  it("copies each claim's speaker_anonymity onto its claim_source rows", async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.env));
    await ds.initialize();
    try {
      await ds.runMigrations();
      const at = ds.migrations.findIndex((m) => m.name?.startsWith('ClaimSourceAnonymity'));
      for (let i = at; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const now = new Date().toISOString();
      const p = (n: number) => (onPostgres ? `$${n}` : '?');
      const source = '00000000-0000-7000-8000-0000000000a1';
      await ds.query(`INSERT INTO source (id, created_at, updated_at, version, kind, name, name_key) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, 'MEDIA_OUTLET', 'CNN', 'cnn')`, [source, now, now]);
      const claim = async (id: string, anonymity: string) => {
        await ds.query(`INSERT INTO claim (id, created_at, updated_at, version, statement, tags, speaker_anonymity) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1, 'S', '[]', ${p(4)})`, [id, now, now, anonymity]);
        await ds.query(`INSERT INTO claim_source (source_id, claim_id, speaks, relays) VALUES (${p(1)}, ${p(2)}, ${onPostgres ? 'false, true' : '0, 1'})`, [source, id]);
      };
      await claim('00000000-0000-7000-8000-0000000000c1', 'ANONYMOUS_ONLY');
      await claim('00000000-0000-7000-8000-0000000000c2', 'MIXED');
      await ds.runMigrations();
      const rows: Array<{ speaker_anonymity: string }> = await ds.query(`SELECT speaker_anonymity FROM claim_source ORDER BY claim_id`);
      expect(rows.map((r) => r.speaker_anonymity)).toEqual(['ANONYMOUS_ONLY', 'MIXED']);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
