/** A small seeded PRNG (mulberry32) and helpers, so every run generates the same data set. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Skewed towards the start of the list: a few items are picked very often, like real sources. */
  skewed<T>(items: readonly T[], power = 2.5): T {
    return items[Math.floor(Math.pow(this.next(), power) * items.length)];
  }

  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return out.slice(0, digits);
  }
}

/**
 * UUIDv7 strings from a monotonic clock: 48-bit milliseconds, then a 12-bit sequence in the
 * rand_a field, so ids sort in creation order exactly as the app's `uuid` v7 ids do.
 */
export class IdClock {
  private ms: number;
  private seq = 0;
  /** The id's first 15 characters for `prefixMs`: a new one only when the clock moves. */
  private prefix = '';
  private prefixMs = NaN;

  constructor(
    startMs: number,
    private readonly prng: Prng,
  ) {
    this.ms = startMs;
  }

  /** Moves the clock on by `ms` milliseconds (0 keeps it, and the sequence orders ids within it). */
  advance(ms: number): void {
    if (ms > 0) {
      this.ms += ms;
      this.seq = 0;
    }
  }

  /** The clock's time in ms since the epoch. */
  time(): number {
    return this.ms;
  }

  id(): string {
    if (this.seq > 0xfff) this.advance(1);
    if (this.prefixMs !== this.ms) {
      const ms = this.ms.toString(16).padStart(12, '0');
      this.prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
      this.prefixMs = this.ms;
    }
    const seq = (this.seq++).toString(16).padStart(3, '0');
    const variant = (8 + Math.floor(this.prng.next() * 4)).toString(16);
    return `${this.prefix}${seq}-${variant}${this.prng.hex(3)}-${this.prng.hex(12)}`;
  }
}
