import { LoggerService } from '@nestjs/common';

/**
 * Commands write their data (an export) to stdout, so every message the application logs goes to stderr:
 * Nest's console logger prints warnings to stdout, where one line would corrupt a piped CSV.
 */
export const stderrLogger: LoggerService = {
  log: () => undefined,
  error: (message: unknown, ...rest: unknown[]) => write('ERROR', message, rest),
  warn: (message: unknown, ...rest: unknown[]) => write('WARN', message, rest),
};

function write(level: string, message: unknown, rest: unknown[]): void {
  const context = rest.filter((part): part is string => typeof part === 'string' && !part.includes('\n')).pop();
  process.stderr.write(`${level}${context ? ` [${context}]` : ''} ${String(message)}\n`);
}
