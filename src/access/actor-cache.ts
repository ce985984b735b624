import { Actor } from '../core/actor';

/**
 * Actors of recently seen API keys, by key hash, so that a busy reader does not pay a database
 * round trip per request. Entries live `ttlMs`; the process that revokes a key, changes a role
 * or deletes a user clears the cache at once, and other processes see the change within `ttlMs`.
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; expires: number }>();
  /**
   * Bumped by clear(). A look-up that started before a clear may have read the old key or role;
   * `set` drops its result rather than put it back after the clear.
   */
  generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, now = Date.now()): Actor | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expires > now) return entry.actor;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, actor: Actor, readInGeneration: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || readInGeneration !== this.generation) return;
    // Keys are few; a full cache means something is cycling through keys, so start over.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { actor, expires: now + this.ttlMs });
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
