import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSink, Row, seconds, TABLE_NAMES, TABLES } from './data-sink';

/** One value in COPY's text format. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string) : text;
}

/**
 * One table's rows, streamed through COPY FROM STDIN (pg-copy-streams) on its own connection for the
 * whole generation, so PostgreSQL parses one table while node generates the next rows. Foreign-key
 * triggers are off on these connections (session_replication_role = replica): the rows reference
 * rows another connection has not committed yet, and the generator makes them consistent itself.
 */
class TableCopy {
  private client: Client;
  private stream: ReturnType<typeof copyFrom>;
  rows = 0;

  constructor(private readonly url: string, private readonly table: string) {}

  async open(): Promise<void> {
    this.client = new Client({ connectionString: this.url });
    await this.client.connect();
    await this.client.query(`SET session_replication_role = replica`);
    this.stream = this.client.query(copyFrom(`COPY "${this.table}" (${TABLES[this.table].map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  }

  /** Writes the rows; waits only when PostgreSQL is behind (backpressure). */
  async write(rows: Row[]): Promise<void> {
    if (!rows.length) return;
    this.rows += rows.length;
    const text = rows.map((row) => row.map(copyValue).join('\t')).join('\n') + '\n';
    if (!this.stream.write(text)) await new Promise<void>((resolve, reject) => {
      this.stream.once('drain', resolve);
      this.stream.once('error', reject);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('finish', resolve);
      this.stream.once('error', reject);
      this.stream.end();
    });
    await this.client.end();
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await this.client?.end().catch(() => undefined);
  }
}

/**
 * The secondary indexes of the data set's tables (not those behind primary keys or constraints):
 * dropped before the load and built once after it, which is several times faster than keeping them
 * up to date row by row. Returns their definitions.
 */
async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [TABLE_NAMES],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "public"."${name}"`);
  return rows.map((r) => r.definition);
}

/**
 * PostgreSQL: a COPY stream per table, secondary indexes dropped for the load and built after it,
 * then the discrepancy flags and VACUUM ANALYZE.
 */
export class PostgresSink implements DataSink {
  private readonly client: Client;
  private readonly copies = new Map<string, TableCopy>();
  private indexes: string[] = [];
  private started = Date.now();

  constructor(private readonly url: string) {
    this.client = new Client({ connectionString: url });
  }

  async open(): Promise<void> {
    this.started = Date.now();
    await this.client.connect();
    this.indexes = await dropSecondaryIndexes(this.client);
    for (const table of TABLE_NAMES) this.copies.set(table, new TableCopy(this.url, table));
    await Promise.all([...this.copies.values()].map((c) => c.open()));
  }

  write(table: string, rows: Row[]): Promise<void> {
    return (this.copies.get(table) as TableCopy).write(rows);
  }

  async finish(flagDiscrepanciesSql: string | null, log: (line: string) => void): Promise<void> {
    try {
      await Promise.all([...this.copies.values()].map((c) => c.close()));
      log(`rows copied in ${seconds(this.started)} s; building ${this.indexes.length} indexes`);
      const built = Date.now();
      await this.client.query(`SET maintenance_work_mem = '256MB'`);
      for (const definition of this.indexes) await this.client.query(definition);
      log(`indexes built in ${seconds(built)} s`);
      if (flagDiscrepanciesSql) {
        const flagged = Date.now();
        await this.client.query(flagDiscrepanciesSql);
        log(`discrepancy flags in ${seconds(flagged)} s`);
      }
      await this.client.query('VACUUM ANALYZE');
    } finally {
      await this.client.end();
    }
  }

  async abort(): Promise<void> {
    await Promise.all([...this.copies.values()].map((c) => c.abort()));
    await this.client.end().catch(() => undefined);
  }
}
