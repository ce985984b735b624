/** Whether a failed statement broke a unique index: PostgreSQL's SQLSTATE 23505, or SQLite's extended code. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
