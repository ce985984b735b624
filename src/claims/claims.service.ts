import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { BadInputError, FieldError, NotFoundError } from '../common/errors';
import { Page, PageArgs, decodeCursor, pageSize, toPage } from '../common/pagination';
import { pickDefined, versionedUpdate } from '../common/versioned-update';
import { TextSearch, textSearchFor } from '../database/text-search';
import { TransactionRunner } from '../database/transaction-runner';
import { ClaimQuantity } from './claim-quantity.entity';
import { applyClaimFilter } from './claim-filter';
import { ClaimSort } from './claim.enums';
import { Claim } from './claim.entity';
import { ClaimFieldsInput, CreateClaimInput } from './dto/claim-fields.input';
import { ClaimFilterInput } from './dto/claim-filter.input';
import { QuantityInput } from './dto/quantity.input';
import { UpdateClaimInput } from './dto/update-claim.input';
import { quantityProblems } from './quantity';

@Injectable()
export class ClaimsService {
  private readonly textSearch: TextSearch;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {
    this.textSearch = textSearchFor(dataSource.options.type);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Claim> {
    const claim = await manager.findOne(Claim, { where: { id } });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  findByIds(ids: readonly string[]): Promise<Claim[]> {
    return this.dataSource.manager.find(Claim, { where: { id: In([...ids]) }, withDeleted: true });
  }

  quantitiesByClaimIds(ids: readonly string[]): Promise<ClaimQuantity[]> {
    return this.dataSource.manager.find(ClaimQuantity, { where: { claimId: In([...ids]) }, order: { position: 'ASC' } });
  }

  /** `count: false` skips the COUNT query (totalCount is then 0): on a large filtered table it costs more than the page. */
  async list(args: PageArgs, filter: ClaimFilterInput = {}, sort: ClaimSort = ClaimSort.NEWEST, { count = true } = {}): Promise<Page<Claim>> {
    const size = pageSize(args.first);
    const qb = applyClaimFilter(this.dataSource.manager.createQueryBuilder(Claim, 'c'), filter, this.textSearch);
    const totalCount = count ? await qb.clone().getCount() : 0;
    if (sort === ClaimSort.EVENT_TIME) {
      if (args.after) {
        const [startMs, id] = decodeCursor(args.after, 2);
        if (startMs === null) qb.andWhere('c.event_time_start IS NULL AND c.id < :cid', { cid: id });
        else {
          qb.andWhere('(c.event_time_start < :cstart OR (c.event_time_start = :cstart AND c.id < :cid) OR c.event_time_start IS NULL)', {
            cstart: new Date(Number(startMs)),
            cid: id,
          });
        }
      }
      qb.orderBy('CASE WHEN c.event_time_start IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('c.event_time_start', 'DESC')
        .addOrderBy('c.id', 'DESC');
      const rows = await qb.take(size + 1).getMany();
      return toPage(rows, size, totalCount, (c) => [c.eventTime.start ? c.eventTime.start.getTime() : null, c.id]);
    }
    if (args.after) {
      const [id] = decodeCursor(args.after, 1);
      qb.andWhere('c.id < :cid', { cid: id });
    }
    const rows = await qb.orderBy('c.id', 'DESC').take(size + 1).getMany();
    return toPage(rows, size, totalCount, (c) => [c.id]);
  }

  create(input: CreateClaimInput, actorId: string | null = null): Promise<Claim> {
    return this.tx.run((manager) => this.createWith(manager, input, actorId));
  }

  async createWith(manager: EntityManager, input: CreateClaimInput, actorId: string | null, field = ''): Promise<Claim> {
    assertQuantities(input.quantities ?? [], field);
    const claim = manager.create(Claim, {
      statement: input.statement,
      hedge: input.hedge ?? null,
      tags: dedupe(input.tags ?? []),
      place: placeColumns(input),
      eventTime: eventTimeColumns(input),
      createdBy: actorId,
    });
    await manager.save(claim);
    await this.replaceQuantities(manager, claim.id, input.quantities ?? []);
    return claim;
  }

  update(input: UpdateClaimInput): Promise<Claim> {
    return this.tx.run(async (manager) => {
      if (input.quantities) assertQuantities(input.quantities, '');
      const patch: Partial<Claim> = pickDefined({
        statement: input.statement,
        hedge: input.hedge,
        tags: input.tags ? dedupe(input.tags) : undefined,
        place: input.place !== undefined ? placeColumns(input) : undefined,
        eventTime: input.eventTime !== undefined ? eventTimeColumns(input) : undefined,
      });
      const { after } = await versionedUpdate(manager, Claim, 'Claim', input.id, input.version, patch);
      if (input.quantities) await this.replaceQuantities(manager, input.id, input.quantities);
      return after;
    });
  }

  private async replaceQuantities(manager: EntityManager, claimId: string, quantities: QuantityInput[]): Promise<void> {
    await manager.delete(ClaimQuantity, { claimId });
    if (!quantities.length) return;
    await manager.insert(
      ClaimQuantity,
      quantities.map((q, position) =>
        manager.create(ClaimQuantity, {
          claimId,
          position,
          variable: q.variable,
          value: q.value ?? null,
          lower: q.lower ?? null,
          lowerInclusive: q.lowerInclusive ?? true,
          upper: q.upper ?? null,
          upperInclusive: q.upperInclusive ?? true,
          approximate: q.approximate ?? false,
          qualifier: q.qualifier ?? null,
          unit: q.unit ?? null,
          currency: q.currency ?? null,
        }),
      ),
    );
  }
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
