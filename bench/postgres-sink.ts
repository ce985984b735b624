import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { columnsOf, DataSink, isFamily, Row, rowCount, RowFamily, Rows, seconds, TABLE_NAMES } from './data-sink';
import { dropSchemaForLoad, LoadSchema, restoreSchema } from './postgres-schema';

/** Characters of COPY text sent to PostgreSQL at once. */
const COPY_CHUNK = 1 << 18;

/** One value in COPY's text format. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string) : text;
}

/** A row's values as COPY text, each followed by a tab (columns in the row's own key order). */
function copyFields(row: Row): string {
  let text = '';
  for (const column in row) text += `${copyValue(row[column])}\t`;
  return text;
}

/** Rows as COPY text: a tab between values, a newline after each row. */
export function copyText(rows: Rows): string {
  let text = '';
  for (const item of rows) {
    if (isFamily(item)) {
      const common = `${copyFields(item.common).slice(0, -1)}\n`;
      for (const each of item.each) text += copyFields(each) + common;
    } else {
      text += `${copyFields(item).slice(0, -1)}\n`;
    }
  }
  return text;
}

/**
 * One table's rows, streamed through COPY FROM STDIN (pg-copy-streams) on its own connection for the whole
 * generation, so PostgreSQL parses one table while node generates the next rows. The table is truncated in
 * the COPY's transaction so that COPY ... FREEZE writes its rows frozen and all-visible: no VACUUM has to
 * rewrite every page afterwards. Opened at the first rows, whose keys are the column list.
 */
class TableCopy {
  private client: Client | null = null;
  private stream: ReturnType<typeof copyFrom> | null = null;
  private columns: string[] = [];
  private text = '';
  rows = 0;

  constructor(
    private readonly url: string,
    private readonly table: string,
  ) {}

  private async open(first: Row | RowFamily): Promise<ReturnType<typeof copyFrom>> {
    this.columns = columnsOf(this.table, first);
    this.client = new Client({ connectionString: this.url });
    await this.client.connect();
    await this.client.query(`BEGIN`);
    await this.client.query(`TRUNCATE "${this.table}"`);
    this.stream = this.client.query(copyFrom(`COPY "${this.table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FREEZE)`));
    return this.stream;
  }

  /**
   * Adds the rows; sends the table's text once it holds COPY_CHUNK characters (the generator's batches are small, and
   * PostgreSQL spent twice the CPU on COPY when each arrived as its own message), waiting only when PostgreSQL is behind.
   */
  async write(rows: Rows): Promise<void> {
    if (!rows.length) return;
    const stream = this.stream ?? (await this.open(rows[0]));
    columnsOf(this.table, rows[0], this.columns);
    this.rows += rowCount(rows);
    this.text += copyText(rows);
    if (this.text.length < COPY_CHUNK) return;
    const text = this.text;
    this.text = '';
    if (!stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => reject(error);
        stream.once('error', fail);
        stream.once('drain', () => {
          stream.off('error', fail);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    const { client, stream } = this;
    if (!client || !stream) return;
    await new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      if (this.text) stream.write(this.text);
      stream.end();
    });
    await client.query('COMMIT');
    await client.end();
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await this.client?.end().catch(() => undefined);
  }
}

/**
 * PostgreSQL: the tables' indexes, primary keys and foreign keys dropped for the load (postgres-schema.ts), a
 * COPY ... FREEZE stream per table, then the schema restored (indexes built two at a time) and ANALYZE.
 */
export class PostgresSink implements DataSink {
  private readonly client: Client;
  private readonly copies = new Map<string, TableCopy>();
  private schema: LoadSchema | null = null;
  private started = Date.now();

  constructor(private readonly url: string) {
    this.client = new Client({ connectionString: url });
  }

  async open(): Promise<void> {
    this.started = Date.now();
    await this.client.connect();
    this.schema = await dropSchemaForLoad(this.client, TABLE_NAMES);
    for (const table of TABLE_NAMES) this.copies.set(table, new TableCopy(this.url, table));
  }

  write(table: string, rows: Rows): Promise<void> {
    return (this.copies.get(table) as TableCopy).write(rows);
  }

  async finish(log: (line: string) => void): Promise<void> {
    try {
      await Promise.all([...this.copies.values()].map((c) => c.close()));
      log(`rows copied in ${seconds(this.started)} s`);
      const rows = Object.fromEntries([...this.copies].map(([table, copy]) => [table, copy.rows]));
      await restoreSchema(this.url, this.schema as LoadSchema, rows, log);
      const analyzed = Date.now();
      await this.client.query('VACUUM ANALYZE');
      log(`VACUUM ANALYZE in ${seconds(analyzed)} s`);
    } finally {
      await this.client.end();
    }
  }

  async abort(): Promise<void> {
    await Promise.all([...this.copies.values()].map((c) => c.abort()));
    await this.client.end().catch(() => undefined);
  }
}
