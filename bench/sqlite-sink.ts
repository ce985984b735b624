import Database from 'better-sqlite3';
import { columnsOf, DataSink, isFamily, Row, RowFamily, Rows, seconds, TABLE_NAMES } from './data-sink';

/** Rows per INSERT statement: one statement call binds many rows (10 columns x 64 rows stays far under SQLite's 32,766 parameters). */
const ROWS_PER_INSERT = 64;
/** Rows per transaction: bounds what a crash loses, while a commit is rare enough not to count. */
const ROWS_PER_TRANSACTION = 500_000;

/** A value as TypeORM stores it in SQLite: datetime as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC), booleans as 0/1. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  // An ISO timestamp ('2024-01-01T00:00:00.000Z'): the cheap checks first, most strings are not one.
  if (typeof value === 'string' && value.length === 24 && value.charCodeAt(10) === 84 && value.charCodeAt(23) === 90) {
    return `${value.slice(0, 10)} ${value.slice(11, 23)}`;
  }
  return value ?? null;
}

interface TableInsert {
  columns: string[];
  many: Database.Statement;
  one: Database.Statement;
}

/**
 * SQLite (`npm run bench -- --sqlite`): the same rows into a migrated file through better-sqlite3. For the load the
 * file has no journal and no fsync (a failed load leaves no marker, so the file is made again), the tables' own
 * indexes are dropped (their CREATE statements kept from sqlite_master) and built after the last row, rows go in
 * through multi-row INSERTs inside large transactions. Then ANALYZE, and the app's WAL journal.
 */
export class SqliteSink implements DataSink {
  private readonly db: Database.Database;
  private readonly inserts = new Map<string, TableInsert>();
  private indexes: string[] = [];
  private inTransaction = 0;
  private readonly started = Date.now();

  constructor(path: string) {
    this.db = new Database(path);
  }

  async open(): Promise<void> {
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144'); // 256 MB of page cache
    this.db.pragma('temp_store = MEMORY'); // the index builds' sorts
    const placeholders = TABLE_NAMES.map(() => '?').join(', ');
    // Automatic indexes (primary keys, UNIQUE columns) have no SQL and stay; the rows arrive in id order.
    const indexes = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`)
      .all(...TABLE_NAMES) as Array<{ name: string; sql: string }>;
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name}"`);
    this.indexes = indexes.map((i) => i.sql);
    this.db.exec('BEGIN');
  }

  private insertFor(table: string, first: Row | RowFamily): TableInsert {
    const known = this.inserts.get(table);
    if (known) return known;
    const columns = columnsOf(table, first);
    const values = `(${columns.map(() => '?').join(', ')})`;
    const into = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
    const insert = { columns, many: this.db.prepare(into + Array(ROWS_PER_INSERT).fill(values).join(', ')), one: this.db.prepare(into + values) };
    this.inserts.set(table, insert);
    return insert;
  }

  async write(table: string, items: Rows): Promise<void> {
    if (!items.length) return;
    const insert = this.insertFor(table, items[0]);
    columnsOf(table, items[0], insert.columns);
    const rows = items.some(isFamily) ? items.flatMap((item) => (isFamily(item) ? item.each.map((each) => ({ ...each, ...item.common })) : [item])) : (items as Row[]);
    const params: unknown[] = [];
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      params.length = 0;
      for (let r = i; r < i + ROWS_PER_INSERT; r++) for (const column in rows[r]) params.push(sqliteValue(rows[r][column]));
      insert.many.run(params);
    }
    for (; i < rows.length; i++) {
      params.length = 0;
      for (const column in rows[i]) params.push(sqliteValue(rows[i][column]));
      insert.one.run(params);
    }
    this.inTransaction += rows.length;
    if (this.inTransaction >= ROWS_PER_TRANSACTION) {
      this.db.exec('COMMIT; BEGIN');
      this.inTransaction = 0;
    }
  }

  async finish(log: (line: string) => void): Promise<void> {
    try {
      this.db.exec('COMMIT');
      log(`rows written in ${seconds(this.started)} s; building ${this.indexes.length} indexes`);
      const built = Date.now();
      for (const sql of this.indexes) this.db.exec(sql);
      log(`indexes built in ${seconds(built)} s`);
      const analyzed = Date.now();
      this.db.exec('ANALYZE');
      log(`ANALYZE in ${seconds(analyzed)} s`);
      this.db.pragma('journal_mode = WAL');
    } finally {
      this.db.close();
    }
  }

  async abort(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
