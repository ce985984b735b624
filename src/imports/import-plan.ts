import { ImportProblem } from './import-errors';
import { CLAIM_COLUMNS, ImportRow } from './import-row';

/** One claim of the file: its first row carries the claim, every row with a source adds an attribution. */
export interface PlannedClaim {
  key: string;
  first: ImportRow;
  rows: ImportRow[];
}

/**
 * Groups rows by claim_id in file order. Rows of one claim must agree on the claim's own
 * columns; otherwise the file says two different things about one claim and we refuse it.
 */
export function planImport(rows: ImportRow[]): { claims: PlannedClaim[]; problems: ImportProblem[] } {
  const claims = new Map<string, PlannedClaim>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const planned = claims.get(row.claimKey);
    if (!planned) {
      claims.set(row.claimKey, { key: row.claimKey, first: row, rows: [row] });
      continue;
    }
    const differing = CLAIM_COLUMNS.find((c) => planned.first.claimColumns[c] !== row.claimColumns[c]);
    if (differing) {
      problems.push({ line: row.line, field: differing, message: `differs from line ${planned.first.line}, another row of claim ${row.claimKey}` });
      continue;
    }
    planned.rows.push(row);
  }
  return { claims: [...claims.values()], problems };
}
