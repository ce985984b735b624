/**
 * Hashes of API keys that this process authenticated recently: over its failed-authentication
 * budget, an address may still send these (a shared newsroom office should not be locked out by
 * one script with a wrong key), while any other key is refused without a database look-up.
 * Bounded, least recently used first out; an entry only admits the request: the key is still
 * authenticated as usual, so a key revoked elsewhere costs one look-up and is then forgotten.
 */
export class KnownGoodKeys {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly hashes = new Map<string, true>();

  constructor(private readonly maxEntries: number) {}

  has(hash: string): boolean {
    if (!this.hashes.delete(hash)) return false;
    this.hashes.set(hash, true);
    return true;
  }

  remember(hash: string): void {
    if (this.maxEntries <= 0) return;
    this.hashes.delete(hash);
    this.hashes.set(hash, true);
    if (this.hashes.size > this.maxEntries) this.hashes.delete(this.hashes.keys().next().value as string);
  }

  forget(hash: string): void {
    this.hashes.delete(hash);
  }

  get size(): number {
    return this.hashes.size;
  }
}
