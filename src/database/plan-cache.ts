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
  private readonly kinds = new Map<string, { stats: PlanKindStats; plans: Map<string, Entry> }>();
  private size = 0;
  private evictions = 0;
  /** Counts lookups: each entry holds the count at its last use. */
  private clock = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`A plan cache needs room for at least one plan, not ${capacity}`);
  }

  /** The plans of kind `name` (a metrics label). Each kind is declared once, so no two callers share its keys. */
  kind<T>(name: string): PlanKind<T> {
    if (this.kinds.has(name)) throw new Error(`Plan kind ${name} declared twice`);
    const kind = { stats: { kind: name, hits: 0, misses: 0 }, plans: new Map<string, Entry>() };
    this.kinds.set(name, kind);
    return { get: (key, build) => this.get(kind.plans, kind.stats, key, build) as T };
  }

  stats(): PlanCacheStats {
    return { size: this.size, capacity: this.capacity, evictions: this.evictions, kinds: [...this.kinds.values()].map((k) => ({ ...k.stats })) };
  }

  private get(plans: Map<string, Entry>, stats: PlanKindStats, key: string, build: () => unknown): unknown {
    // A hit, the hot path, is one Map lookup and two additions: no entry moves.
    const found = plans.get(key);
    if (found !== undefined) {
      stats.hits += 1;
      found.used = ++this.clock;
      return found.plan;
    }
    stats.misses += 1;
    const plan = build();
    if (this.size >= this.capacity) this.evictLeastRecentlyUsed();
    plans.set(key, { plan, used: ++this.clock });
    this.size += 1;
    return plan;
  }

  /** Only after a miss, which has just compiled a plan: a scan of the entries costs less than that compile. */
  private evictLeastRecentlyUsed(): void {
    let oldest: { plans: Map<string, Entry>; key: string; used: number } | null = null;
    for (const { plans } of this.kinds.values()) {
      for (const [key, entry] of plans) if (!oldest || entry.used < oldest.used) oldest = { plans, key, used: entry.used };
    }
    if (!oldest) return;
    oldest.plans.delete(oldest.key);
    this.size -= 1;
    this.evictions += 1;
  }
}

interface Entry {
  plan: unknown;
  used: number;
}
