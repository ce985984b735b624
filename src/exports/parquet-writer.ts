import { ByteWriter, ParquetWriter, SchemaElement } from 'hyparquet-writer';
import { ColumnDef } from './export-columns';
import { ExportRow } from './export-rows';
import { WritableSink } from './writable-sink';

/**
 * Parquet for pandas, R, DuckDB and Arrow users, written with hyparquet-writer (pure JavaScript,
 * no native build) and typed from the same column declarations as the CSV and the data package:
 * text and enums UTF8, integers INT32, numbers DOUBLE, booleans BOOLEAN, times UTC-adjusted
 * TIMESTAMP(MILLIS), dates DATE, list columns JSON text. Rows are gathered into row groups of
 * ROW_GROUP_ROWS and each group is streamed to the sink as soon as it is encoded, so memory
 * holds one group, not the file. A file cut short has no footer and cannot be opened: never a
 * silently shorter table.
 */
export const ROW_GROUP_ROWS = 10_000;

function schemaElement(column: ColumnDef): SchemaElement {
  const repetition_type = column.required ? 'REQUIRED' : 'OPTIONAL';
  switch (column.type) {
    case 'integer':
      return { name: column.name, type: 'INT32', repetition_type };
    case 'number':
      return { name: column.name, type: 'DOUBLE', repetition_type };
    case 'boolean':
      return { name: column.name, type: 'BOOLEAN', repetition_type };
    case 'datetime':
      return {
        name: column.name,
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
        repetition_type,
      };
    case 'date':
      return { name: column.name, type: 'INT32', converted_type: 'DATE', repetition_type };
    case 'list':
      return { name: column.name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type };
    default:
      return { name: column.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
  }
}

/** Export rows hold times as ISO text (the CSV's form); Parquet takes Dates. */
function parquetValue(column: ColumnDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'datetime') return new Date(value as string);
  if (column.type === 'date') return new Date(`${value as string}T00:00:00.000Z`);
  return value;
}

/** hyparquet-writer's byte writer, emptied into the sink after each row group and at the end. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: WritableSink) {
    super(1 << 20);
  }

  async flush(): Promise<void> {
    if (!this.index) return;
    const bytes = Buffer.from(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    await this.sink.write(bytes);
  }

  finish(): Promise<void> {
    return this.flush();
  }
}

export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private pending: ExportRow[] = [];

  constructor(
    private readonly columns: readonly ColumnDef[],
    sink: WritableSink,
    createdBy: string,
  ) {
    const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map(schemaElement)];
    this.writer = new ParquetWriter({ writer: new SinkWriter(sink), schema, createdBy });
  }

  async add(rows: ExportRow[]): Promise<void> {
    for (const row of rows) this.pending.push(row);
    if (this.pending.length >= ROW_GROUP_ROWS) await this.writeGroup();
  }

  /** Writes the last group and the footer, with `metadata` as key-value pairs (the JSON Lines summary). */
  async end(metadata: Record<string, unknown>): Promise<void> {
    await this.writeGroup();
    this.writer.kvMetadata = Object.entries(metadata).map(([key, value]) => ({ key: `claimdesk.${key}`, value: typeof value === 'string' ? value : JSON.stringify(value) }));
    await this.writer.finish();
  }

  private async writeGroup(): Promise<void> {
    if (!this.pending.length) return;
    const rows = this.pending;
    this.pending = [];
    const columnData = this.columns.map((column) => ({ name: column.name, data: rows.map((row) => parquetValue(column, row[column.name])) }));
    await this.writer.write({ columnData, rowGroupSize: rows.length });
  }
}
