import { once } from 'node:events';
import { Writable } from 'node:stream';

/**
 * Writes export chunks to a stream without outrunning it: when the stream's buffer is full we
 * wait for 'drain', so memory stays flat however slow the reader. If the reader goes away
 * (client disconnect, closed file) `closed` turns true and the export loop stops querying.
 */
export class WritableSink {
  private gone = false;

  constructor(private readonly stream: Writable) {
    const stop = () => (this.gone = true);
    stream.once('close', stop);
    stream.once('error', stop);
  }

  get closed(): boolean {
    return this.gone || this.stream.destroyed;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (!chunk || this.closed) return;
    if (this.stream.write(chunk)) return;
    // 'close' as well as 'drain': a reader that disconnects mid-wait never drains.
    const ac = new AbortController();
    await Promise.race([once(this.stream, 'drain', { signal: ac.signal }), once(this.stream, 'close', { signal: ac.signal })]).catch(() => undefined);
    ac.abort();
  }

  end(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.stream.end(resolve));
  }
}
