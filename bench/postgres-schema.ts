import { Client } from 'pg';
import { seconds } from './data-sink';

/**
 * The loaded tables' indexes and constraints, taken off for the bulk load and put back after it. Building an
 * index once from sorted rows is several times cheaper than keeping it up to date row by row (claim_source's
 * primary key, led by a source id, would take each row at a random place); and without foreign keys each table
 * can be truncated in its own COPY's transaction, which COPY ... FREEZE needs.
 */
export interface LoadSchema {
  /** ALTER TABLE ... ADD CONSTRAINT for primary keys and unique constraints, by table. */
  keys: Array<{ table: string; sql: string }>;
  /** CREATE INDEX statements of the other indexes, by table. */
  indexes: Array<{ table: string; sql: string }>;
  /** ALTER TABLE ... ADD CONSTRAINT for foreign keys from or to the loaded tables. */
  foreignKeys: string[];
}

/** Indexes built at once, each on its own connection: the machine's two cores. */
const BUILDERS = 2;
/** Per builder: the sorts of the largest indexes (figure_span's, 31M rows at scale 40) spill to disk less. */
const MAINTENANCE_WORK_MEM = '1GB';

export async function dropSchemaForLoad(client: Client, tables: string[]): Promise<LoadSchema> {
  const addConstraint = `format('ALTER TABLE %I ADD CONSTRAINT %I %s', k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid))`;
  const { rows: foreign } = await client.query<{ name: string; table: string; sql: string }>(
    `SELECT k.conname AS name, k.conrelid::regclass::text AS table, ${addConstraint} AS sql FROM pg_constraint k
      WHERE k.contype = 'f' AND (k.conrelid::regclass::text = ANY($1) OR k.confrelid::regclass::text = ANY($1))`,
    [tables],
  );
  const { rows: keys } = await client.query<{ name: string; table: string; sql: string }>(
    `SELECT k.conname AS name, k.conrelid::regclass::text AS table, ${addConstraint} AS sql FROM pg_constraint k
      WHERE k.contype IN ('p', 'u') AND k.conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; table: string; sql: string }>(
    `SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS sql FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [tables],
  );
  for (const k of foreign) await client.query(`ALTER TABLE "${k.table}" DROP CONSTRAINT "${k.name}"`);
  for (const k of keys) await client.query(`ALTER TABLE "${k.table}" DROP CONSTRAINT "${k.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "public"."${i.name}"`);
  return { keys, indexes, foreignKeys: foreign.map((k) => k.sql) };
}

/**
 * Keys and indexes first, the largest tables' first, `BUILDERS` at a time; then the foreign keys, each checked
 * by one join (ALTER TABLE ADD FOREIGN KEY), also `BUILDERS` at a time.
 */
export async function restoreSchema(url: string, schema: LoadSchema, rows: Record<string, number>, log: (line: string) => void): Promise<void> {
  const built = Date.now();
  const statements = [...schema.keys, ...schema.indexes].sort((a, b) => (rows[b.table] ?? 0) - (rows[a.table] ?? 0)).map((s) => s.sql);
  const builds = await runConcurrently(url, statements);
  log(`${schema.keys.length} keys and ${schema.indexes.length} indexes built in ${seconds(built)} s, ${BUILDERS} at a time; slowest: ${slowest(builds)}`);
  const checked = Date.now();
  const checks = await runConcurrently(url, schema.foreignKeys);
  log(`${schema.foreignKeys.length} foreign keys added and checked in ${seconds(checked)} s; slowest: ${slowest(checks)}`);
}

/** Runs the statements on `BUILDERS` connections; returns each statement's seconds, slowest first. */
async function runConcurrently(url: string, statements: string[]): Promise<Array<{ sql: string; seconds: number }>> {
  const queue = [...statements];
  const timings: Array<{ sql: string; seconds: number }> = [];
  const worker = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      // The builders already use both cores: a parallel build would only queue behind the other builder.
      await client.query(`SET max_parallel_maintenance_workers = 0`);
      await client.query(`SET work_mem = '256MB'`);
      for (let sql = queue.shift(); sql !== undefined; sql = queue.shift()) {
        const started = Date.now();
        await client.query(sql);
        timings.push({ sql, seconds: (Date.now() - started) / 1000 });
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: Math.min(BUILDERS, statements.length) }, worker));
  return timings.sort((a, b) => b.seconds - a.seconds);
}

/** The slowest statements, short: where a scale run's index time goes. */
function slowest(timings: Array<{ sql: string; seconds: number }>): string {
  const name = (sql: string) => {
    const index = sql.match(/INDEX "?(\w+)"? ON (?:public\.)?"?(\w+)"?/);
    const constraint = sql.match(/ALTER TABLE "?(\w+)"? ADD CONSTRAINT "?(\w+)"?/);
    return index ? `${index[1]} on ${index[2]}` : constraint ? `${constraint[2]} on ${constraint[1]}` : sql.slice(0, 40);
  };
  return timings.slice(0, 5).map((t) => `${name(t.sql)} ${t.seconds.toFixed(1)} s`).join(', ');
}
