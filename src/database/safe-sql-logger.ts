import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { describeError } from '../common/error-log';

/**
 * TypeORM's logger for every data source (app, CLI, tests): SQL text only, never its parameter
 * values, and failed queries as describeError tells them. Parameters are the values written:
 * statements, names, confidential notes. TypeORM's own loggers print them with every query and
 * every failure, so none of those is used.
 */
export class SafeSqlLogger extends AbstractLogger {
  constructor(private readonly printQueries = false) {
    super(printQueries ? 'all' : ['error', 'warn']);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    for (const m of Array.isArray(message) ? message : [message]) {
      if (m.type === 'query' && !this.printQueries) continue;
      const body: unknown = m.message;
      const text = body instanceof Error ? describeError(body) : String(body);
      const line = m.prefix ? `${m.prefix}: ${text}` : text;
      if (level === 'error' || level === 'warn') NestLogger.warn(line, 'Database');
      else NestLogger.log(line, 'Database');
    }
  }
}
