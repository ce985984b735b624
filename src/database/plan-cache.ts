/** Lookups of one kind of plan since start. */
export interface PlanKindStats {
  kind: string;
  hits: number;
  misses: number;
}

/** What the cache holds and has done, for the metrics endpoint (observability/metrics.ts). */
export interface PlanCacheStats {
  size: number;
  capacity: number;
  evictions: number;
  kinds: PlanKindStats[];
}

/** The plans of one kind, under keys of that kind's own. */
export interface PlanKind<T> {
  /** The plan under `key`, built by `build` (and kept) on first use. */
  get(key: string, build: () => T): T;
}

/**
 * Every compiled read plan of the process, in one cache bounded by entries (PLAN_CACHE_SIZE, config/settings.ts),
 * least recently used dropped first: the direct path's plans per query document (direct-reads/) and Apollo's
 * compiled claim and attribution trees per field of a parsed query (tree-plans.ts). A desk sends a handful of queries
 * all day, each compiled once and then found by one lookup; a flood of one-off texts only pushes out plans nobody
 * uses. A plan is kept for as long as it is in the cache, whatever it holds (a parsed document, SQL text, the
 * statement around it), so nothing else in the read path caches per query.
 */
export class PlanCache {
  // A Map iterates in insertion order: a hit is moved to the end, so the first entry is the least recently used.
  private readonly entries = new Map<string, unknown>();
  private readonly kinds = new Map<string, PlanKindStats>();
  private evictions = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`A plan cache needs room for at least one plan, not ${capacity}`);
  }

  /** The plans of kind `name` (a metrics label). Each kind is declared once, so no two callers share its keys. */
  kind<T>(name: string): PlanKind<T> {
    if (this.kinds.has(name)) throw new Error(`Plan kind ${name} declared twice`);
    const stats: PlanKindStats = { kind: name, hits: 0, misses: 0 };
    this.kinds.set(name, stats);
    // A key no other kind can have: kind names hold no newline.
    const prefix = `${name}\n`;
    return { get: (key, build) => this.get(prefix + key, stats, build) as T };
  }

  stats(): PlanCacheStats {
    return { size: this.entries.size, capacity: this.capacity, evictions: this.evictions, kinds: [...this.kinds.values()].map((k) => ({ ...k })) };
  }

  private get(key: string, stats: PlanKindStats, build: () => unknown): unknown {
    const found = this.entries.get(key);
    if (found !== undefined) {
      stats.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    stats.misses += 1;
    const plan = build();
    this.entries.set(key, plan);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
      this.evictions += 1;
    }
    return plan;
  }
}
