/**
 * What the server may write to its log about an unexpected error: the error's class, the
 * database's error code and message, and the stack frames. Never the error's other properties:
 * a failed query carries its SQL parameters (the values written, confidential notes included) and
 * the driver's detail ("Key (name)=(...) already exists", "Failing row contains (...)"), and
 * printing the error object as Nest and util.inspect do would print all of them.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const driver = (error as { driverError?: { code?: unknown } }).driverError ?? error;
  const code = (driver as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${withoutValues(error.message)}`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join('\n');
}

/**
 * Database messages name constraints and columns, and a few quote the offending value after a
 * colon (PostgreSQL's `invalid input syntax for type uuid: "..."`): that quoted tail is dropped.
 */
function withoutValues(message: string): string {
  return message.replace(/:\s*"[^]*"\s*$/, ': "(value not logged)"');
}
