import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts SQL statements so tests and benchmarks can prove a page costs the same number
 * of queries whatever its size. Errors go to the Nest logger; queries are not printed.
 */
export class QueryCounter extends AbstractLogger {
  static count = 0;

  static reset(): void {
    QueryCounter.count = 0;
  }

  logQuery(): void {
    QueryCounter.count += 1;
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (level === 'error' || level === 'warn') NestLogger.warn(String(m.message), 'Database');
    }
  }
}
