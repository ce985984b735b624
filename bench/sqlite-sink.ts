import Database from 'better-sqlite3';
import { DataSink, Row, seconds, TABLES } from './data-sink';

const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A value as TypeORM stores it in SQLite: datetime as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC), booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && ISO_TIMESTAMP.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 23)}`;
  return value;
}

/**
 * SQLite (`npm run bench -- --sqlite`): the same rows into a migrated file through better-sqlite3,
 * one prepared INSERT per table and one transaction per batch, then the discrepancy flags and ANALYZE.
 */
export class SqliteSink implements DataSink {
  private readonly db: Database.Database;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly started = Date.now();

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
  }

  async open(): Promise<void> {
    for (const [table, columns] of Object.entries(TABLES)) {
      this.inserts.set(table, this.db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`));
    }
  }

  async write(table: string, rows: Row[]): Promise<void> {
    const insert = this.inserts.get(table) as Database.Statement;
    this.db.transaction(() => {
      for (const row of rows) insert.run(row.map(sqliteValue));
    })();
  }

  async finish(flagDiscrepanciesSql: string | null, log: (line: string) => void): Promise<void> {
    try {
      log(`rows written in ${seconds(this.started)} s`);
      if (flagDiscrepanciesSql) {
        const flagged = Date.now();
        this.db.exec(flagDiscrepanciesSql);
        log(`discrepancy flags in ${seconds(flagged)} s`);
      }
      this.db.exec('ANALYZE');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  async abort(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
