/**
 * What the server may write to its log about an unexpected error: the error's class, the
 * database's error code and message. No stack frames: they name the server's files and the
 * libraries' internals, which logs must not carry (the request log's id ties the line to its
 * request). Never the error's other properties:
 * a failed query carries its SQL parameters (the values written, confidential notes included) and
 * the driver's detail ("Key (name)=(...) already exists", "Failing row contains (...)"), and
 * printing the error object as Nest and util.inspect do would print all of them.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const driver = (error as { driverError?: { code?: unknown } }).driverError ?? error;
  const code = (driver as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${withoutValues(error.message)}`;
}

/**
 * Database messages name constraints and columns, and a few quote the offending value after a
 * colon (PostgreSQL's `invalid input syntax for type uuid: "..."`): that quoted tail is dropped.
 */
function withoutValues(message: string): string {
  return message.replace(/:\s*"[^]*"\s*$/, ': "(value not logged)"');
}
