import { Injectable } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { logLevel } from '../config/settings';

interface LineSink {
  write(line: string): unknown;
}

/**
 * The service's structured log: one JSON object per line on stdout (request lines, shutdown steps,
 * aborted exports). Whatever is logged here is chosen field by field; nothing passes a request's
 * variables, body, SQL parameters or API key to it.
 */
@Injectable()
export class AppLog {
  /**
   * Asynchronous writes: under a flood a synchronous write per request line cost more than answering
   * the request (bench:flood); lines logged while a write is under way go out together in the next.
   * pino flushes the buffer synchronously on the process's 'exit', so a line logged just before the
   * process exits is not lost.
   */
  private sink: LineSink = pino.destination({ dest: 1, sync: false });
  readonly logger: Logger = pino(
    {
      level: logLevel(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => this.sink.write(line) },
  );

  /** Sends the lines elsewhere (tests read them). */
  writeTo(sink: LineSink): void {
    this.sink = sink;
  }
}
