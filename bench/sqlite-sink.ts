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
  /** The values of the rows not inserted yet (fewer than ROWS_PER_INSERT), row after row. */
  params: unknown[];
  rows: number;
}

/**
 * SQLite (`npm run bench -- --sqlite`): the same rows into a migrated file through better-sqlite3. For the load the
 * file has no journal and no fsync (a failed load leaves no marker, so the file is made again), the tables' own
 * indexes are dropped (their CREATE statements kept from sqlite_master) and built after the last row, rows go in
 * through multi-row INSERTs inside large transactions, foreign keys checked once at the end. Then ANALYZE, and the
 * app's WAL journal.
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
    // Rows are held back per table until a multi-row INSERT is full, so a child can arrive before its parent:
    // the foreign keys are checked once, after the load (finish), as the PostgreSQL sink checks them.
    this.db.pragma('foreign_keys = OFF');
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
    const insert = { columns, many: this.db.prepare(into + Array(ROWS_PER_INSERT).fill(values).join(', ')), one: this.db.prepare(into + values), params: [], rows: 0 };
    this.inserts.set(table, insert);
    return insert;
  }

  async write(table: string, items: Rows): Promise<void> {
    if (!items.length) return;
    const insert = this.insertFor(table, items[0]);
    columnsOf(table, items[0], insert.columns);
    const add = (row: Row) => {
      for (const column in row) insert.params.push(sqliteValue(row[column]));
    };
    for (const item of items) {
      for (const each of isFamily(item) ? item.each : [item]) {
        add(each);
        if (isFamily(item)) add(item.common);
        if (++insert.rows === ROWS_PER_INSERT) {
          insert.many.run(insert.params);
          insert.params.length = 0;
          insert.rows = 0;
        }
      }
      this.inTransaction += isFamily(item) ? item.each.length : 1;
    }
    if (this.inTransaction >= ROWS_PER_TRANSACTION) {
      this.db.exec('COMMIT; BEGIN');
      this.inTransaction = 0;
    }
  }

  /** The rows still held back, one INSERT each. */
  private insertRest(): void {
    for (const insert of this.inserts.values()) {
      const width = insert.columns.length;
      for (let r = 0; r < insert.rows; r++) insert.one.run(insert.params.slice(r * width, (r + 1) * width));
      insert.params.length = 0;
      insert.rows = 0;
    }
  }

  async finish(log: (line: string) => void): Promise<void> {
    try {
      this.insertRest();
      this.db.exec('COMMIT');
      log(`rows written in ${seconds(this.started)} s; building ${this.indexes.length} indexes`);
      const built = Date.now();
      for (const sql of this.indexes) this.db.exec(sql);
      log(`indexes built in ${seconds(built)} s`);
      const checked = Date.now();
      const broken = this.db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`the generated rows break ${broken.length} foreign keys, first: ${JSON.stringify(broken[0])}`);
      log(`foreign keys checked in ${seconds(checked)} s`);
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
