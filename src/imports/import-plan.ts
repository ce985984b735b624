import { createHash } from 'node:crypto';
import { ImportProblem } from './import-errors';
import { CLAIM_COLUMNS, ImportRow } from './import-row';

/** One claim of the file: its first row carries the claim, every row with a source adds an attribution. */
export interface PlannedClaim {
  key: string;
  first: ImportRow;
  rows: ImportRow[];
  /** Set for rows of a claim this import already wrote in an earlier batch: they are added to it. */
  attachTo?: string;
}

/**
 * A claim handed out in an earlier batch: where it started, a digest of its own columns, and its id if this import
 * created it (undefined while its batch is still being written: the import writes one batch while it reads the next).
 */
interface Settled {
  line: number;
  digest: string;
  claimId: string | null | undefined;
}

/**
 * Groups a streamed file's rows by claim_id, batch by batch. Rows of one claim must agree on the
 * claim's own columns; otherwise the file says two different things about one claim and we refuse
 * it. Within a batch the rows are compared column by column. A row whose claim went out in an
 * earlier batch (the file does not keep a claim's rows together) is compared by a digest of those
 * columns and added to the claim already written. So the plan holds one batch of rows (two while a batch
 * is written and the next read), plus about a hundred bytes per claim of the file (its key, first line,
 * digest and id), never the file.
 */
export class ImportPlan {
  private pending = new Map<string, PlannedClaim>();
  private late = new Map<string, PlannedClaim>();
  private settled = new Map<string, Settled>();

  /** Claims of the file so far. */
  get claims(): number {
    return this.settled.size + this.pending.size;
  }

  /** Pending claims; a batch is closed only between claims, so that a claim's adjacent rows stay together. */
  get size(): number {
    return this.pending.size;
  }

  startsNewClaim(row: ImportRow): boolean {
    return !this.pending.has(row.claimKey);
  }

  add(row: ImportRow): ImportProblem | null {
    const done = this.settled.get(row.claimKey);
    if (done) {
      if (digestOf(row) !== done.digest) {
        return { line: row.line, field: '', message: `the claim's own columns differ from line ${done.line}, another row of claim ${row.claimKey}` };
      }
      if (done.claimId === null) return null; // the claim was already here before the import: left as it is
      // A claim still being written gets its id when its batch is settled, before the next batch is taken.
      const planned = this.late.get(row.claimKey);
      if (planned) planned.rows.push(row);
      else this.late.set(row.claimKey, { key: row.claimKey, first: row, rows: [row], attachTo: done.claimId });
      return null;
    }
    const planned = this.pending.get(row.claimKey);
    if (!planned) {
      this.pending.set(row.claimKey, { key: row.claimKey, first: row, rows: [row] });
      return null;
    }
    const differing = differingColumn(planned.first, row);
    if (differing) return { line: row.line, field: differing, message: `differs from line ${planned.first.line}, another row of claim ${row.claimKey}` };
    planned.rows.push(row);
    return null;
  }

  /**
   * The batch's new claims and the rows to add to claims of earlier batches; `settle` must then say what became of
   * each new claim before the next batch is taken. Late rows of a claim that was left as it was are dropped here.
   */
  take(): { claims: PlannedClaim[]; late: PlannedClaim[] } {
    const late: PlannedClaim[] = [];
    for (const item of this.late.values()) {
      const claimId = this.settled.get(item.key)?.claimId;
      if (claimId === undefined) throw new Error(`claim ${item.key} was taken before its earlier batch was settled`);
      if (claimId !== null) late.push({ ...item, attachTo: claimId });
    }
    const batch = { claims: [...this.pending.values()], late };
    for (const item of batch.claims) this.settled.set(item.key, { line: item.first.line, digest: digestOf(item.first), claimId: undefined });
    this.pending = new Map();
    this.late = new Map();
    return batch;
  }

  /** The claim's id if this import created it, null if it was left as it was. */
  settle(item: PlannedClaim, claimId: string | null): void {
    (this.settled.get(item.key) as Settled).claimId = claimId;
  }
}

function digestOf(row: ImportRow): string {
  return createHash('sha1').update(row.claimCells).digest('base64');
}

/** The first claim column two rows give differently, if any: the cells are compared as text, and only told apart when they differ. */
function differingColumn(a: ImportRow, b: ImportRow): string | undefined {
  if (a.claimCells === b.claimCells) return undefined;
  const x = JSON.parse(a.claimCells) as unknown[];
  const y = JSON.parse(b.claimCells) as unknown[];
  return CLAIM_COLUMNS.find((_, i) => JSON.stringify(x[i]) !== JSON.stringify(y[i]));
}
