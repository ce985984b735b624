import { SingleBar } from 'cli-progress';

/** A progress bar with rows per second on a terminal; nothing when output is piped or logged. */
export class Progress {
  private readonly bar: SingleBar | null;
  private readonly started = Date.now();

  constructor(total: number, unit: string) {
    this.bar = process.stderr.isTTY
      ? new SingleBar({ format: `{bar} {percentage}% | {value}/{total} ${unit} | {rate} rows/s | {eta_formatted} left`, stream: process.stderr, hideCursor: true })
      : null;
    this.bar?.start(total, 0, { rate: 0 });
  }

  update(value: number, rows: number): void {
    this.bar?.update(value, { rate: this.rate(rows) });
  }

  stop(): void {
    this.bar?.stop();
  }

  rate(rows: number): number {
    return Math.round(rows / Math.max((Date.now() - this.started) / 1000, 0.001));
  }

  seconds(): string {
    return ((Date.now() - this.started) / 1000).toFixed(1);
  }
}
