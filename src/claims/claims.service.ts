import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../core/actor';
import { assertCanEdit } from '../access/edit-policy';
import { AuditService } from '../audit/audit.service';
import { BadInputError, FieldError, ForbiddenError, NotFoundError } from '../common/errors';
import { isEditorial } from '../core/role';
import { RecordType } from '../common/record-type';
import { KeysetOrder, applyKeyset, declareOrder, keysetCondition, keysetOrderSql, keysetPage, pageWindow } from '../common/keyset';
import { Page, PageArgs } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { CompiledTree } from '../database/tree-compiler';
import { JsonSql, jsonSqlFor } from '../database/json-sql';
import { PlanCache, PlanKind } from '../database/plan-cache';
import { PreparedReads, preparedReadsFor } from '../database/prepared-reads';
import { TextSearch, textSearchFor } from '../database/text-search';
import { DomainEvents } from '../database/domain-events';
import { IdSetSql, idSetSqlFor } from '../database/id-set-sql';
import { TransactionRunner } from '../database/transaction-runner';
import { ClaimQuantity } from './claim-quantity.entity';
import { ClaimStatusChange } from './claim-status-change.entity';
import { SetClaimStatusInput } from './dto/set-claim-status.input';
import { applyClaimFilter, applyDeletedFilter, assertMaySeeDeleted, hasConditions, resolveClaimFilter } from './claim-filter';
import { ClaimSort, ClaimStatus, DeletedFilter } from './claim.enums';
import { Claim, auditedClaim } from './claim.entity';
import { ClaimModel } from './claim.model';
import { ClaimFieldsInput, CreateClaimInput } from './dto/claim-fields.input';
import { ClaimFilterInput } from './dto/claim-filter.input';
import { QuantityInput } from './dto/quantity.input';
import { UpdateClaimInput } from './dto/update-claim.input';
import { plainInputValues } from './claim-input-columns';
import { checkReferences } from './declared-references';
import { QuantityShape, quantityProblems } from './quantity';
import { completeRow, insertNew } from '../database/insert-new';
import { VariableRegistry } from './variables/variable-registry.service';

/** What a discrepancy depends on: a claim's quantities and event window. */
export interface Figures {
  quantities: Array<QuantityShape & { variable: string }>;
  eventTime: { start: Date | null; end: Date | null } | null;
}

/** A claim whose figures changed; `before` is null for a new (or restored) claim. */
export interface FiguresChange {
  claimId: string;
  before: Figures | null;
}

declare module '../database/domain-events' {
  interface DomainEventMap {
    /** Claims whose figures or event times changed (created, edited, deleted, restored, merged). */
    'claims.figuresChanged': FiguresChange[];
  }
}

/** A compiled claim tree with the statement that reads one live claim through it (singleTreeStatement). */
export interface SingleClaimTree extends CompiledTree {
  statement: string;
}

/** The claims list's two orders: newest first (ids are time-ordered), or by event time with undated claims last. */
const CLAIM_ORDERS: Record<ClaimSort, KeysetOrder> = {
  [ClaimSort.NEWEST]: declareOrder('claims.newest', [{ column: 'c.id', direction: 'DESC', part: 'id' }]),
  [ClaimSort.EVENT_TIME]: declareOrder('claims.event_time', [
    { column: 'c.event_time_start', direction: 'DESC', part: 'time', nullsLast: true },
    { column: 'c.id', direction: 'DESC', part: 'id' },
  ]),
};

/** The same keys as the page's outer query names them (listTreeTexts selects them from the filtered subquery). */
const PAGE_COLUMNS: Record<string, string> = { 'c.id': 'p.id', 'c.event_time_start': 'p.event_start' };

@Injectable()
export class ClaimsService {
  private readonly textSearch: TextSearch;
  private readonly idSet: IdSetSql;
  private readonly json: JsonSql;
  private readonly reads: PreparedReads;
  private readonly unfilteredPages: PlanKind<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly variables: VariableRegistry,
    private readonly events: DomainEvents,
    plans: PlanCache,
  ) {
    this.unfilteredPages = plans.kind('claims_page_query');
    this.textSearch = textSearchFor(dataSource.options.type);
    this.idSet = idSetSqlFor(dataSource.options.type);
    this.json = jsonSqlFor(dataSource.options.type);
    this.reads = preparedReadsFor(dataSource);
  }

  notifyFiguresChanged(manager: EntityManager, changes: FiguresChange[]): Promise<void> {
    return this.events.publish(manager, 'claims.figuresChanged', changes);
  }

  async figuresOf(manager: EntityManager, claim: Pick<Claim, 'id' | 'eventTime'>): Promise<Figures> {
    return { quantities: await manager.find(ClaimQuantity, { where: { claimId: claim.id } }), eventTime: claim.eventTime };
  }

  /** A live claim; `actor` (an editor) is told when the claim was deleted rather than never there. */
  async get(id: string, manager: EntityManager = this.dataSource.manager, actor?: Actor): Promise<Claim> {
    const claim = await manager.findOne(Claim, { where: { id } });
    if (!claim) throw await this.notFound(id, actor, manager);
    return claim;
  }

  private async notFound(id: string, actor: Actor | undefined, manager: EntityManager = this.dataSource.manager): Promise<NotFoundError> {
    if (actor && isEditorial(actor.role)) {
      const deleted = await manager.findOne(Claim, { where: { id }, withDeleted: true, select: { id: true, deletedAt: true } });
      if (deleted?.deletedAt) return new NotFoundError('Claim', id, deleted.deletedAt);
    }
    return new NotFoundError('Claim', id);
  }

  findByIds(ids: readonly string[]): Promise<Claim[]> {
    return this.dataSource.manager.find(Claim, { where: { id: In([...ids]) }, withDeleted: true });
  }

  quantitiesByClaimIds(ids: readonly string[]): Promise<ClaimQuantity[]> {
    return this.dataSource.manager.find(ClaimQuantity, { where: { claimId: In([...ids]) }, order: { position: 'ASC' } });
  }

  /** `count: false` skips the COUNT query (totalCount is then 0): on a large filtered table it costs more than the page. */
  /**
   * A page of claims, each read as a JSON tree (claim-tree.ts) in the same statement.
   * The page's ids are chosen in a subquery first, so the trees are built for those rows only,
   * whatever the sort.
   */
  async listTrees(
    args: PageArgs,
    filter: ClaimFilterInput,
    sort: ClaimSort = ClaimSort.NEWEST,
    actor: Actor | undefined,
    tree: CompiledTree,
    options: { count?: boolean } = {},
  ): Promise<Page<ClaimModel>> {
    const page = await this.listTreeTexts(args, filter, sort, actor, tree.sql, options);
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: JSON.parse(tree.finish(e.node)) as ClaimModel }));
    return { ...page, edges, nodes: edges.map((e) => e.node) };
  }

  /** A page of claims, each as the JSON text `tree` builds (claim-tree.ts, database/tree-compiler.ts). */
  async listTreeTexts(
    args: PageArgs,
    filter: ClaimFilterInput,
    sort: ClaimSort = ClaimSort.NEWEST,
    actor: Actor | undefined,
    tree: string,
    { count = true } = {},
  ): Promise<Page<string>> {
    const { query, parameters, window, keys, totalCount } = await this.pageQueryText(args, filter, sort, actor, count);
    // The page size as a parameter, not a literal, so that every `first` shares one prepared statement.
    const inner = `${query} LIMIT ${this.reads.placeholder(parameters.length + 1)}`;
    parameters.push(window.size + 1);
    const order = keysetOrderSql(keys, window.backward, (key) => PAGE_COLUMNS[key.column]);
    // A filtered list is planned for its values (which source, which status): a plan made once for any value
    // walks the wrong index for a frequent or a rare one. The unfiltered list keeps its prepared plan.
    const filtered = hasConditions(filter);
    const rows = await this.reads.run<{ id: string; event_start: string | null; tree: string }>(
      `SELECT p.id AS id, ${this.json.timestamp('p.event_start')} AS event_start, ${tree} AS tree FROM (${inner}) p JOIN claim c ON c.id = p.id ORDER BY ${order}`,
      parameters,
      { planPerRun: filtered },
    );
    const page = keysetPage(rows, window, totalCount, (r) => (sort === ClaimSort.EVENT_TIME ? [r.event_start ? Date.parse(r.event_start) : null, r.id] : [r.id]));
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: e.node.tree }));
    return { ...page, edges, nodes: edges.map((e) => e.node) };
  }

  /** One live claim as a JSON tree (claim-tree.ts). */
  async getTree(id: string, tree: SingleClaimTree, actor?: Actor): Promise<ClaimModel> {
    const text = await this.getTreeText(id, tree.statement);
    if (text === null) throw await this.notFound(id, actor);
    return JSON.parse(tree.finish(text)) as ClaimModel;
  }

  /**
   * The statement that reads one live claim as the JSON text `tree` (a compiled tree's SQL) builds: made once per
   * plan and kept in it (database/plan-cache.ts), so that each read does not build and hash a new text.
   */
  singleTreeStatement(tree: string): string {
    return `SELECT ${tree} AS tree FROM claim c WHERE c.id = ${this.reads.placeholder(1)} AND c.deleted_at IS NULL`;
  }

  /** One live claim as the JSON text of `statement` (singleTreeStatement), or null when there is none. */
  async getTreeText(id: string, statement: string): Promise<string | null> {
    const [row] = await this.reads.run<{ tree: string }>(statement, [id]);
    return row ? row.tree : null;
  }

  /**
   * How many claims the list holds. The unfiltered list of live claims (the desk's first page) is every claim less
   * the deleted ones: two index counts, where counting the live rows reads every one of them (0.2 s per 100,000
   * claims on SQLite). Otherwise COUNT(*) of the list's own query, which joins nothing, so no row is counted twice.
   */
  private async count(qb: SelectQueryBuilder<Claim>, filter: ClaimFilterInput): Promise<number> {
    if (!hasConditions(filter) && (!filter.deleted || filter.deleted === DeletedFilter.EXCLUDE)) return this.countLive();
    const row = await qb.clone().select('COUNT(*)', 'n').orderBy().getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** The SQL and parameters of the ids (and event starts) of a page of claims, before its LIMIT. */
  private async pageQueryText(args: PageArgs, filter: ClaimFilterInput, sort: ClaimSort, actor: Actor | undefined, count: boolean) {
    // The desk's and a script's plain list (no filter, live claims) differs from request to request only in its
    // shape: the sort, the direction and which cursor values are null. Its text is built once per shape, so that
    // each request is spared TypeORM's query building (a sixth of a page's CPU in the direct path).
    if (!hasConditions(filter) && !assertMaySeeDeleted(filter, actor)) {
      const order = CLAIM_ORDERS[sort];
      const window = pageWindow(args, order);
      const shape = `${sort} ${window.backward} ${window.cursor?.map((v) => v === null).join() ?? '-'}`;
      const named = this.unfilteredPages.get(shape, () => pageIdsQuery(applyKeyset(this.dataSource.manager.createQueryBuilder(Claim, 'c'), order.keys, window)).getQuery());
      const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(named, keysetCondition(order.keys, window)?.parameters ?? {});
      return { query, parameters, window, keys: order.keys, totalCount: count ? await this.countLive() : 0 };
    }
    const { qb, window, keys, totalCount } = await this.pageQuery(args, filter, sort, actor, count);
    const [query, parameters] = pageIdsQuery(qb).getQueryAndParameters();
    return { query, parameters, window, keys, totalCount };
  }

  private async countLive(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT (SELECT COUNT(*) FROM claim) - (SELECT COUNT(*) FROM claim WHERE deleted_at IS NOT NULL) AS n`);
    return Number(row.n);
  }

  /** The filtered, keyset-positioned and ordered query behind a page of claims, and its total if asked. */
  private async pageQuery(args: PageArgs, filter: ClaimFilterInput, sort: ClaimSort, actor: Actor | undefined, count: boolean) {
    const order = CLAIM_ORDERS[sort];
    const keys = order.keys;
    const window = pageWindow(args, order);
    const resolved = await resolveClaimFilter(this.dataSource.manager, filter, this.textSearch);
    const qb = applyClaimFilter(this.dataSource.manager.createQueryBuilder(Claim, 'c'), filter, this.textSearch, resolved, this.idSet);
    applyDeletedFilter(qb, filter, actor);
    const totalCount = count ? await this.count(qb, filter) : 0;
    applyKeyset(qb, keys, window);
    return { qb, window, keys, totalCount };
  }

  create(input: CreateClaimInput, actor: Actor): Promise<Claim> {
    return this.tx.run((manager) => this.createWith(manager, input, actor));
  }

  /** `imported` carries what only an import may set at creation: the source system's id, its editorial status and when it was first recorded. */
  async createWith(
    manager: EntityManager,
    input: CreateClaimInput,
    actor: Actor,
    field = '',
    imported: ImportedClaim | null = null,
  ): Promise<Claim> {
    assertQuantities(input.quantities ?? [], field);
    await checkReferences(manager, actor, [{ input, prefix: field ? `${field}.` : '' }]);
    const claim = newClaim(manager, input, actor, imported);
    await insertNew(manager, claim);
    const quantities = await this.insertQuantities(manager, claim.id, input.quantities ?? []);
    await this.audit.recordCreate(manager, actor, RecordType.CLAIM, auditedNewClaim(claim, quantities));
    // An import publishes the event once, for all its claims, when it has written them (imports/import.service.ts).
    if (input.quantities?.length && !imported) await this.notifyFiguresChanged(manager, [{ claimId: claim.id, before: null }]);
    return claim;
  }

  /** Each variable key as written mapped to the vocabulary's name for it (an alias to its variable), in one look-up. */
  async canonicalVariables(manager: EntityManager, keys: string[]): Promise<Map<string, string>> {
    return keys.length ? this.variables.canonical(manager, keys) : new Map();
  }

  update(input: UpdateClaimInput, actor: Actor): Promise<Claim> {
    return this.tx.run(async (manager) => {
      if (input.quantities) assertQuantities(input.quantities, '');
      const current = await this.get(input.id, manager, actor);
      assertCanEdit(actor, current, current.status);
      await checkReferences(manager, actor, [{ input }]);
      const quantitiesBefore = await this.quantityRows(manager, input.id);
      const patch: Partial<Claim> = pickDefined({
        ...plainInputValues(manager, input, 'patch'),
        tags: input.tags ? dedupe(input.tags) : undefined,
        place: input.place !== undefined ? placeColumns(input) : undefined,
        eventTime: input.eventTime !== undefined ? eventTimeColumns(input) : undefined,
      });
      const { before, after } = await versionedUpdate<Claim>(manager, Claim, 'Claim', input.id, input.version, patch);
      if (input.quantities) {
        await manager.delete(ClaimQuantity, { claimId: input.id });
        await this.insertQuantities(manager, input.id, input.quantities);
      }
      await this.audit.recordUpdate(
        manager,
        actor,
        RecordType.CLAIM,
        { ...before, quantities: quantitiesBefore },
        { ...after, quantities: await this.quantityRows(manager, input.id) },
      );
      if (input.quantities || input.eventTime !== undefined) {
        await this.notifyFiguresChanged(manager, [{ claimId: input.id, before: { quantities: quantitiesBefore, eventTime: current.eventTime } }]);
      }
      return after;
    });
  }

  /** The only way the editorial status changes; every change is kept with its reason. */
  setStatus(input: SetClaimStatusInput, actor: Actor): Promise<Claim> {
    return this.tx.run(async (manager) => {
      const current = await this.get(input.id, manager, actor);
      // A repeated status is no change: refused, so that version, history and audit only ever record real changes.
      if (current.status === input.status) {
        throw BadInputError.field('status', `the claim is already ${current.status}; nothing was changed (to record a new reason, change the status)`);
      }
      const last = await manager.findOne(ClaimStatusChange, { where: { claimId: input.id }, order: { changedAt: 'DESC', id: 'DESC' } });
      const { before, after } = await versionedUpdate<Claim>(manager, Claim, 'Claim', input.id, input.version, { status: input.status });
      await this.audit.recordUpdate(manager, actor, RecordType.CLAIM, { ...before, statusReason: last?.reason ?? null }, { ...after, statusReason: input.reason });
      await manager.insert(
        ClaimStatusChange,
        manager.create(ClaimStatusChange, { claimId: input.id, fromStatus: before.status, toStatus: after.status, reason: input.reason, actorId: actor.id }),
      );
      return after;
    });
  }

  statusHistory(claimIds: readonly string[]): Promise<ClaimStatusChange[]> {
    return this.dataSource.manager.find(ClaimStatusChange, { where: { claimId: In([...claimIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
  }

  private async quantityRows(manager: EntityManager, claimId: string): Promise<AuditedFigure[]> {
    return figuresOnly(await manager.find(ClaimQuantity, { where: { claimId }, order: { position: 'ASC' } }));
  }

  private async insertQuantities(manager: EntityManager, claimId: string, quantities: QuantityInput[]): Promise<ClaimQuantity[]> {
    if (!quantities.length) return [];
    // Written under the vocabulary's name: an alias becomes its variable, so discrepancies compare like with like.
    const rows = newQuantities(manager, claimId, quantities, await this.variables.canonical(manager, quantities.map((q) => q.variable)));
    await manager.insert(ClaimQuantity, rows);
    return rows;
  }
}

/** What only an import sets when it creates a claim: the source system's id, its editorial status and when it was first recorded. */
export interface ImportedClaim {
  externalId: string;
  status: ClaimStatus;
  createdAt?: Date;
}

/** A new claim in memory, its derived values at their defaults (the writer works them out). */
export function newClaim(manager: EntityManager, input: CreateClaimInput, actor: Actor, imported: ImportedClaim | null = null): Claim {
  return manager.create(Claim, {
    ...(imported ?? {}),
    ...plainInputValues(manager, input, 'create'),
    tags: dedupe(input.tags ?? []),
    place: placeColumns(input),
    eventTime: eventTimeColumns(input),
    createdBy: actor.id,
  });
}

/** Columns a quantity's input never sets. */
const NOT_FROM_QUANTITY_INPUT = new Set(['id', 'claimId', 'position', 'variable']);

/**
 * A claim's quantity rows in memory, under the vocabulary's names (`names`, from canonicalVariables).
 * Every column of ClaimQuantity the input carries is copied, so a field added to QuantityInput and
 * the entity under one name flows through without a mapping to extend; unset ones get their defaults.
 */
export function newQuantities(manager: EntityManager, claimId: string, quantities: QuantityInput[], names: Map<string, string>): ClaimQuantity[] {
  const columns = manager.connection.getMetadata(ClaimQuantity).columns.map((c) => c.propertyName).filter((name) => !NOT_FROM_QUANTITY_INPUT.has(name));
  return quantities.map((q, position) => {
    const given = q as unknown as Record<string, unknown>;
    const values: Record<string, unknown> = { claimId, position, variable: names.get(q.variable) ?? q.variable };
    for (const name of columns) if (given[name] !== undefined) values[name] = given[name];
    return completeRow(manager.connection.getMetadata(ClaimQuantity), manager.create(ClaimQuantity, values as Partial<ClaimQuantity>));
  });
}

/** A new claim as its CREATE event records it: typed-in columns and figures, no derived values. */
export function auditedNewClaim(claim: Claim, quantities: ClaimQuantity[]) {
  return { ...auditedClaim(claim), id: claim.id, quantities: figuresOnly(quantities) };
}

type AuditedFigure = Omit<ClaimQuantity, 'id' | 'claimId' | 'claim' | 'position'>;

/** Quantities as audited: the figures only, without row ids. */
function figuresOnly(rows: ClaimQuantity[]): AuditedFigure[] {
  return rows.map(({ id: _id, claimId: _claim, claim: _c, position: _p, ...figure }) => figure);
}

export function assertQuantities(quantities: QuantityInput[], field: string): void {
  const prefix = field ? `${field}.quantities` : 'quantities';
  const problems: FieldError[] = quantities.flatMap((q, i) => quantityProblems(q, `${prefix}.${i}`));
  if (problems.length) throw new BadInputError(problems);
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}

function placeColumns(input: ClaimFieldsInput): Claim['place'] {
  const p = input.place ?? {};
  return {
    name: p.name ?? null,
    adminArea: p.adminArea ?? null,
    country: p.country ?? null,
    latitude: p.latitude ?? null,
    longitude: p.longitude ?? null,
    precision: p.precision ?? null,
  };
}

function eventTimeColumns(input: ClaimFieldsInput): Claim['eventTime'] {
  const t = input.eventTime ?? {};
  return { start: t.start ?? null, end: t.end ?? t.start ?? null, precision: t.precision ?? null };
}

/** What a page's inner query selects: the ids, and the event starts an event-time cursor is made of. */
function pageIdsQuery(qb: SelectQueryBuilder<Claim>): SelectQueryBuilder<Claim> {
  return qb.select('c.id', 'id').addSelect('c.event_time_start', 'event_start');
}
