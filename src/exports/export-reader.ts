import { applyKeyset, declareOrder } from '../common/keyset';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../core/actor';
import { applyClaimFilter, applyDeletedFilter } from '../claims/claim-filter';
import { Claim } from '../claims/claim.entity';
import { ClaimFilterInput } from '../claims/dto/claim-filter.input';
import { QuantityVariable } from '../claims/variables/quantity-variable.entity';
import { TextSearch, textSearchFor } from '../database/text-search';
import { PLAIN_CLAIM_COLUMNS, ColumnType } from './export-columns';
import { AttributionRecord, ClaimBundle, ClaimRecord, QuantityRecord, RelayLink, UcdpCategories } from './export-rows';

type Raw = Record<string, any>;

/** Claims per query: large enough that per-query latency is amortised, small enough that a batch is a few MB. */
export const EXPORT_BATCH_CLAIMS = 250;

/** Claim id order, oldest first: the order the export files are written in, with the same pager as the API's lists. */
const EXPORT_ORDER = declareOrder('exports.claims', [{ column: 'c.id', direction: 'ASC', part: 'id' }]);

/**
 * Reads the filtered claim set in keyset pages ordered by claim id, and everything a row
 * needs for a page in four queries (claims, quantities, attributions with source and first
 * citation, relay hops), whatever the page size: no per-row queries. Raw SQL rather than
 * entity hydration, because hydration dominates the cost at a million rows. The claim query's
 * select list is the plain claim columns of export-columns.ts (`from`), built once.
 */
@Injectable()
export class ExportReader {
  private readonly textSearch: TextSearch;
  private readonly claimSelects: readonly ClaimSelect[];

  constructor(private readonly dataSource: DataSource) {
    this.textSearch = textSearchFor(dataSource.options.type);
    this.claimSelects = claimSelects(dataSource);
  }

  /** The vocabulary of figures' UCDP category for each variable name and alias (a small table, read once per export). */
  async ucdpCategories(): Promise<UcdpCategories> {
    const categories = new Map<string, string | null>();
    for (const v of await this.dataSource.manager.find(QuantityVariable)) {
      for (const key of [v.name, ...v.aliases]) categories.set(key, v.ucdp);
    }
    return categories;
  }

  async countClaims(filter: ClaimFilterInput, actor?: Actor): Promise<number> {
    return this.filtered(filter, actor).getCount();
  }

  /** The claim set: the claims filter, and deleted claims only for those who may see them. */
  private filtered(filter: ClaimFilterInput, actor: Actor | undefined) {
    return applyDeletedFilter(applyClaimFilter(this.dataSource.manager.createQueryBuilder(Claim, 'c'), filter, this.textSearch), filter, actor);
  }

  /** Yields one batch at a time; the caller stops the loop by not asking for the next. */
  async *batches(filter: ClaimFilterInput, actor?: Actor, size = EXPORT_BATCH_CLAIMS): AsyncGenerator<ClaimBundle[]> {
    let next = this.batch(filter, actor, null, size);
    for (;;) {
      const { claims, bundles } = await next;
      if (!claims.length) return;
      const more = claims.length === size;
      // Read the next batch while this one is rendered and written, so the database and Node work at
      // the same time. If the reader stops early, the prefetch is dropped without an unhandled rejection.
      if (more) {
        next = this.batch(filter, actor, claims[claims.length - 1].claim_id, size);
        next.catch(() => undefined);
      }
      yield bundles;
      if (!more) return;
    }
  }

  private async batch(filter: ClaimFilterInput, actor: Actor | undefined, after: string | null, size: number): Promise<{ claims: ClaimRecord[]; bundles: ClaimBundle[] }> {
    const claims = await this.claimPage(filter, actor, after, size);
    return { claims, bundles: claims.length ? await this.bundles(claims) : [] };
  }

  /** One page of claims: the plain claim columns exactly as export-columns.ts declares them, and nothing else of the claim. */
  private async claimPage(filter: ClaimFilterInput, actor: Actor | undefined, after: string | null, size: number): Promise<ClaimRecord[]> {
    const qb = this.filtered(filter, actor);
    this.claimSelects.forEach(({ sql, name }, i) => (i === 0 ? qb.select(sql, name) : qb.addSelect(sql, name)));
    const rows: Raw[] = await applyKeyset(qb, EXPORT_ORDER.keys, { size, backward: false, cursor: after === null ? null : [after], order: EXPORT_ORDER.name })
      .limit(size)
      .getRawMany();
    return rows.map((r) => {
      const claim: Raw = {};
      for (const { name, decode } of this.claimSelects) claim[name] = decode(r[name]);
      return claim as ClaimRecord;
    });
  }

  private async bundles(claims: ClaimRecord[]): Promise<ClaimBundle[]> {
    const ids = claims.map((c) => c.claim_id);
    const [quantities, attributions, hops] = await Promise.all([this.quantities(ids), this.attributions(ids), this.hops(ids)]);
    const chains = new Map<string, RelayLink[]>();
    for (const h of hops) {
      const chain = chains.get(h.attribution_id) ?? [];
      chain.push({ source_id: h.source_id, name: h.name, kind: h.kind, cue: h.cue ?? null });
      chains.set(h.attribution_id, chain);
    }
    const byClaim = new Map<string, ClaimBundle>(claims.map((claim) => [claim.claim_id, { claim, quantities: [], attributions: [] }]));
    for (const q of quantities) byClaim.get(q.claim_id)?.quantities.push(toQuantity(q));
    for (const a of attributions) byClaim.get(a.claim_id)?.attributions.push(toAttribution(a, chains.get(a.id) ?? []));
    return [...byClaim.values()];
  }

  private quantities(ids: string[]): Promise<Raw[]> {
    return this.dataSource
      .createQueryBuilder()
      .select(['q.claim_id AS claim_id', 'q.variable AS variable', 'q.value AS value', 'q.lower AS lower', 'q.lower_inclusive AS lower_inclusive'])
      .addSelect(['q.upper AS upper', 'q.upper_inclusive AS upper_inclusive', 'q.approximate AS approximate', 'q.qualifier AS qualifier', 'q.unit AS unit', 'q.currency AS currency', 'q.vague AS vague'])
      .from('claim_quantity', 'q')
      .where('q.claim_id IN (:...ids)', { ids })
      .orderBy('q.claim_id', 'ASC')
      .addOrderBy('q.position', 'ASC')
      .getRawMany();
  }

  /** The first live citation (lowest id, i.e. earliest recorded) in a live article names the article of the row. */
  private attributions(ids: string[]): Promise<Raw[]> {
    return this.dataSource
      .createQueryBuilder()
      .select(['a.id AS id', 'a.claim_id AS claim_id', 'a.source_id AS source_id', 'a.stance AS stance', 'a.cue AS cue', 'a.mode AS mode'])
      .addSelect(['a.said_at AS said_at', 'a.credibility AS credibility', 'a.anonymity_granted AS anonymity_granted', 'a.anonymity_reason AS anonymity_reason', 'a.relationship AS relationship'])
      .addSelect(['a.conditions AS conditions', 's.name AS source_name', 's.kind AS source_kind', 's.reliability AS source_reliability'])
      .addSelect(['ci.quote AS quote', 'ar.canonical_url AS article_url', 'ar.headline AS article_headline', 'ar.publisher AS article_publisher'])
      .addSelect('ar.published_at', 'article_published_at')
      .from('attribution', 'a')
      .innerJoin('source', 's', 's.id = a.source_id')
      .leftJoin(
        'citation',
        'ci',
        'ci.id = (SELECT MIN(c2.id) FROM citation c2 WHERE c2.attribution_id = a.id AND c2.deleted_at IS NULL ' +
          'AND EXISTS (SELECT 1 FROM article ad WHERE ad.id = c2.article_id AND ad.deleted_at IS NULL))',
      )
      .leftJoin('article', 'ar', 'ar.id = ci.article_id')
      .where('a.claim_id IN (:...ids)', { ids })
      .andWhere('a.deleted_at IS NULL')
      .orderBy('a.claim_id', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany();
  }

  private hops(ids: string[]): Promise<Raw[]> {
    return this.dataSource
      .createQueryBuilder()
      .select(['h.attribution_id AS attribution_id', 'h.source_id AS source_id', 's.name AS name', 's.kind AS kind', 'h.cue AS cue'])
      .from('relay_hop', 'h')
      .innerJoin('attribution', 'a', 'a.id = h.attribution_id')
      .innerJoin('source', 's', 's.id = h.source_id')
      .where('a.claim_id IN (:...ids)', { ids })
      .andWhere('a.deleted_at IS NULL')
      .orderBy('h.attribution_id', 'ASC')
      .addOrderBy('h.position', 'ASC')
      .getRawMany();
  }
}

/** A plain claim column as the claim query selects it: its SQL, its alias (the column's name) and its export form. */
interface ClaimSelect {
  sql: string;
  name: string;
  decode: (v: unknown) => unknown;
}

/**
 * The claim query's select list, from the plain claim columns' `from`. An entity property is read from its column as
 * TypeORM maps it; a property the entity does not have throws here, when the module starts, not at the first export.
 */
export function claimSelects(dataSource: DataSource, columns: typeof PLAIN_CLAIM_COLUMNS = PLAIN_CLAIM_COLUMNS): ClaimSelect[] {
  const metadata = dataSource.getMetadata(Claim);
  return columns.map((c) => {
    if ('sql' in c.from) return { sql: c.from.sql, name: c.name, decode: DECODE[c.type] };
    const column = metadata.findColumnWithPropertyPath(c.from.claim);
    if (!column) throw new Error(`export column ${c.name}: the Claim entity has no property ${c.from.claim}`);
    return { sql: `c.${dataSource.driver.escape(column.databaseName)}`, name: c.name, decode: DECODE[c.type] };
  });
}

/** A claim value as either driver returns it, in the export form of its column's type: what JSONL writes and CSV renders. */
const DECODE: Record<ColumnType, (v: unknown) => unknown> = {
  text: (v) => v ?? null,
  enum: (v) => v ?? null,
  integer: (v) => (v === null || v === undefined ? null : Number(v)),
  number: num,
  boolean: (v) => (v === null || v === undefined ? null : bool(v)),
  datetime: (v) => date(v)?.toISOString() ?? null,
  date: (v) => date(v)?.toISOString().slice(0, 10) ?? null,
  list: parseJsonList,
};

function toQuantity(q: Raw): QuantityRecord {
  return {
    variable: q.variable,
    value: num(q.value),
    lower: num(q.lower),
    lowerInclusive: bool(q.lower_inclusive),
    upper: num(q.upper),
    upperInclusive: bool(q.upper_inclusive),
    approximate: bool(q.approximate),
    qualifier: q.qualifier,
    unit: q.unit,
    currency: q.currency,
    vague: bool(q.vague),
  };
}

function toAttribution(a: Raw, chain: RelayLink[]): AttributionRecord {
  return {
    id: a.id,
    sourceId: a.source_id,
    sourceName: a.source_name,
    sourceKind: a.source_kind,
    sourceReliability: a.source_reliability,
    stance: a.stance,
    cue: a.cue,
    mode: a.mode,
    saidAt: date(a.said_at),
    credibility: a.credibility === null || a.credibility === undefined ? null : Number(a.credibility),
    anonymityGranted: bool(a.anonymity_granted),
    anonymityReason: a.anonymity_reason,
    relationship: a.relationship,
    conditions: parseJsonList(a.conditions),
    chain,
    quote: a.quote,
    articleUrl: a.article_url,
    articleHeadline: a.article_headline,
    articlePublisher: a.article_publisher,
    articlePublishedAt: date(a.article_published_at),
  };
}

/** PostgreSQL returns NUMERIC as a string and SQLite as a number; both become numbers. */
function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** SQLite stores booleans as 0/1. */
function bool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't';
}

/** PostgreSQL returns Dates; SQLite returns TypeORM's UTC text "YYYY-MM-DD HH:MM:SS.SSS". */
export function date(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const text = String(v).replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

function parseJsonList(v: unknown): string[] {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string' || !v) return [];
  return JSON.parse(v) as string[];
}
