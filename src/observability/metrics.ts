import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { PlanCache } from '../database/plan-cache';

/** Operation names are chosen by clients: past this many distinct ones, new names are counted as `other`. */
const MAX_OPERATION_LABELS = 200;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The Prometheus metrics of one application instance, in a registry of its own (tests run several
 * instances in one process). Served at /metrics by MetricsController.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'claimdesk_requests_total',
    help: 'Requests answered, by path (direct, apollo, http), operation name or route, and outcome code',
    labelNames: ['path', 'operation', 'outcome'],
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'claimdesk_request_duration_seconds',
    help: 'Time from the request to the end of its response, by path and operation',
    labelNames: ['path', 'operation'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'claimdesk_errors_total',
    help: 'Error codes sent to clients (a GraphQL response may carry several)',
    labelNames: ['code'],
    registers: [this.registry],
  });

  readonly directDeclines = new Counter({
    name: 'claimdesk_direct_declines_total',
    help: 'POST /graphql requests the direct read path passed on to Apollo, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  private countInFlight: () => number = () => 0;

  /** Read when scraped, from the request observer's own count, rather than moved twice per request. */
  readonly inFlight: Gauge = new Gauge({
    name: 'claimdesk_requests_in_flight',
    help: 'Requests received whose response has not closed yet',
    registers: [this.registry],
    collect: (): void => this.inFlight.set(this.countInFlight()),
  });

  /** Where the in-flight gauge reads its value (observability/request-observer.ts). */
  countRequestsInFlight(count: () => number): void {
    this.countInFlight = count;
  }

  readonly exportRows = new Counter({
    name: 'claimdesk_export_rows_total',
    help: 'Rows written by HTTP exports, by format',
    labelNames: ['format'],
    registers: [this.registry],
  });

  readonly importRows = new Counter({
    name: 'claimdesk_import_rows_total',
    help: 'Rows accepted by HTTP imports (mode: written or dry_run)',
    labelNames: ['mode'],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, plans: PlanCache) {
    collectDefaultMetrics({ register: this.registry, prefix: 'claimdesk_' });
    this.countPlans(plans);
    new Gauge({
      name: 'claimdesk_db_pool_connections',
      help: 'Database connections by state (total, idle, waiting clients, max); SQLite has one connection',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
        if (dataSource.options.type !== 'postgres' || !pool) {
          this.set({ state: 'total' }, dataSource.isInitialized ? 1 : 0);
          this.set({ state: 'max' }, 1);
          return;
        }
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
        this.set({ state: 'max' }, pool.options?.max ?? 10);
      },
    });
  }

  /**
   * The plan cache's figures, read from the cache when scraped (its lookups are counted there, one addition each, on
   * the hot path): entries and capacity, lookups by kind of plan and result, evictions.
   */
  private countPlans(plans: PlanCache): void {
    new Gauge({
      name: 'claimdesk_plan_cache_entries',
      help: 'Compiled read plans kept (database/plan-cache.ts), and the most it keeps (PLAN_CACHE_SIZE)',
      labelNames: ['of'],
      registers: [this.registry],
      collect() {
        const stats = plans.stats();
        this.set({ of: 'size' }, stats.size);
        this.set({ of: 'capacity' }, stats.capacity);
      },
    });
    new Counter({
      name: 'claimdesk_plan_cache_lookups_total',
      help: 'Lookups in the plan cache, by kind of plan (direct_document, claim_tree, claims_page_tree, claims_page_query, claims_filter, attribution_tree) and result (hit, miss: compiled)',
      labelNames: ['kind', 'result'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const kind of plans.stats().kinds) {
          this.inc({ kind: kind.kind, result: 'hit' }, kind.hits);
          this.inc({ kind: kind.kind, result: 'miss' }, kind.misses);
        }
      },
    });
    new Counter({
      name: 'claimdesk_plan_cache_evictions_total',
      help: 'Plans dropped from the plan cache, least recently used first, to stay within PLAN_CACHE_SIZE',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(plans.stats().evictions);
      },
    });
  }

  /** The operation label: a bounded set, so that clients cannot grow the series without limit. */
  operationLabel(operation: string | undefined): string {
    const name = operation || 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS || !/^[\w /.:-]{1,100}$/.test(name)) return 'other';
    this.operations.add(name);
    return name;
  }
}
