import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Piscina } from 'piscina';
import { RateLimitedError } from '../common/errors';
import { extractionThreads } from '../config/settings';
import { ExtractionOptions, Suggestion } from '../extraction';

/** Extractions waiting for a thread, beyond which a request is turned away rather than queued for minutes. */
const MAX_QUEUED = 64;

/**
 * Extraction (tens of milliseconds per article, more for long texts) runs on worker threads, so the
 * event loop that serves everyone else's reads is never blocked by it. Threads start on first use
 * and stop when idle, so a process that never suggests pays nothing.
 */
@Injectable()
export class ExtractionPool implements OnModuleDestroy {
  private readonly pool: Piscina;

  constructor() {
    // From TypeScript sources (tests, start:dev) the worker compiles its modules as it loads them.
    const fromSources = extname(__filename) === '.ts';
    this.pool = new Piscina({
      filename: join(__dirname, `extraction.worker${extname(__filename)}`),
      minThreads: 0,
      maxThreads: extractionThreads(),
      idleTimeout: 60_000,
      maxQueue: MAX_QUEUED,
      execArgv: fromSources ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
  }

  async extract(text: string, options: ExtractionOptions): Promise<Suggestion[]> {
    if (this.pool.queueSize >= MAX_QUEUED) throw new RateLimitedError('extraction queue', 1);
    return this.pool.run({ text, options }) as Promise<Suggestion[]>;
  }

  /** Extractions finished on the worker threads since start. */
  get completed(): number {
    return this.pool.completed;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
