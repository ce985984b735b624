import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../core/actor';
import { isEditorial } from '../../core/role';
import { BadInputError, ForbiddenError } from '../../common/errors';
import { TextSearch, textSearchFor } from '../../database/text-search';
import { SourcesService } from '../../sources/sources.service';
import { ClaimQuantity } from '../claim-quantity.entity';
import { Claim } from '../claim.entity';
import { ClaimsService } from '../claims.service';
import { ClaimDraftInput, MAX_MATCHES } from './dto/similar-claims.args';
import { MatchClaim } from './match-claim';
import { MatchRow, loadMatchClaims } from './match-loader';
import { MATCH_THRESHOLDS, MatchResult, MatchTier, canReach, prepareClaim, scorePrepared } from './match-score';
import { contentWords } from './text-similarity';

export interface ClaimMatch extends MatchResult {
  claim: Claim;
  tier: MatchTier;
}

export interface MatchOptions {
  first?: number;
  tier?: MatchTier;
  includeDeleted?: boolean;
}

/** How many candidates each way of finding them contributes before scoring. */
const CANDIDATES_PER_WAY = 50;
const DAY_MS = 86_400_000;
/** Figure and place candidates come from event times within this many days of the claim's window. */
const WINDOW_DAYS = 2;

/**
 * "Is this already recorded?": candidates found three ways (the database's text search, the same
 * variable in a nearby window, the same place in a nearby window), then scored and tiered by
 * match-score.ts. Deleted claims are never candidates unless an editor asks for them.
 */
@Injectable()
export class ClaimMatchingService {
  private readonly textSearch: TextSearch;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
  ) {
    this.textSearch = textSearchFor(dataSource.options.type);
  }

  async similar(args: { claimId?: string; draft?: ClaimDraftInput } & MatchOptions, actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<ClaimMatch[]> {
    if (!!args.claimId === !!args.draft) throw BadInputError.field(args.claimId ? 'draft' : 'claimId', 'give either claimId or draft, not both or neither');
    if (args.includeDeleted && !isEditorial(actor.role)) throw new ForbiddenError('Only editors and admins can match against deleted claims');
    const subject = args.claimId ? await this.forClaim(args.claimId, actor, manager) : await this.forDraft(args.draft!, manager);
    return this.rank(subject, args, manager);
  }

  /** The candidates for a recorded claim (also what possibleDuplicates shows after logging). */
  async similarToClaim(claim: Claim, options: MatchOptions, manager: EntityManager = this.dataSource.manager): Promise<ClaimMatch[]> {
    const [subject] = await loadMatchClaims(manager, [claim]);
    return this.rank(subject, options, manager);
  }

  private async forClaim(id: string, actor: Actor, manager: EntityManager): Promise<MatchClaim> {
    const claim = await this.claims.get(id, manager, actor);
    const [subject] = await loadMatchClaims(manager, [claim]);
    return subject;
  }

  private async forDraft(draft: ClaimDraftInput, manager: EntityManager): Promise<MatchClaim> {
    const named = await Promise.all((draft.sourceNames ?? []).map((name) => this.sources.findByNameOrAlias(name, manager)));
    return {
      id: null,
      statement: draft.statement,
      place: draft.place ? { name: draft.place.name ?? null, country: draft.place.country ?? null } : null,
      eventTime: draft.eventTime ? { start: draft.eventTime.start ?? null, end: draft.eventTime.end ?? draft.eventTime.start ?? null, precision: draft.eventTime.precision ?? null } : null,
      quantities: (draft.quantities ?? []).map((q) => ({ variable: q.variable, value: q.value ?? null, lower: q.lower ?? null, upper: q.upper ?? null })),
      speakers: [...new Set([...(draft.sourceIds ?? []), ...named.flat().map((s) => s.id)])],
      createdAt: new Date(),
    };
  }

  private async rank(subject: MatchClaim, options: MatchOptions, manager: EntityManager): Promise<ClaimMatch[]> {
    const ids = (await this.candidateIds(subject, manager)).filter((id) => id !== subject.id);
    if (!ids.length) return [];
    // Candidates are scored from the columns scoring reads; whole claims are loaded only for the few returned.
    const candidates = await loadMatchClaims(manager, await this.matchRows(manager, ids, !!options.includeDeleted));
    const lowest = options.tier ?? MatchTier.POSSIBLE;
    const prepared = prepareClaim(subject);
    const floor = lowest === MatchTier.LIKELY ? MATCH_THRESHOLDS.likely : MATCH_THRESHOLDS.possible;
    const kept = candidates
      .filter((c) => canReach(subject, c, floor))
      .map((c) => ({ id: c.id!, ...scorePrepared(prepared, prepareClaim(c)) }))
      .filter((m) => m.tier === MatchTier.LIKELY || (m.tier === MatchTier.POSSIBLE && lowest === MatchTier.POSSIBLE))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1))
      .slice(0, Math.min(options.first ?? 5, MAX_MATCHES));
    if (!kept.length) return [];
    const rows = await manager.find(Claim, { where: { id: In(kept.map((m) => m.id)) }, withDeleted: !!options.includeDeleted });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A claim deleted between the two reads is left out rather than shown.
    return kept.filter((m) => byId.has(m.id)).map(({ id, ...m }) => ({ claim: byId.get(id)!, ...(m as MatchResult & { tier: MatchTier }) }));
  }

  /** The columns of these claims that scoring reads (live ones only unless asked), as the driver hydrates them. */
  private async matchRows(manager: EntityManager, ids: string[], includeDeleted: boolean): Promise<MatchRow[]> {
    const qb = manager
      .createQueryBuilder(Claim, 'c')
      .select('c.id', 'id')
      .addSelect('c.statement', 'statement')
      .addSelect('c.place_name', 'placeName')
      .addSelect('c.place_country', 'placeCountry')
      .addSelect('c.event_time_start', 'start')
      .addSelect('c.event_time_end', 'end')
      .addSelect('c.event_time_precision', 'precision')
      .addSelect('c.created_at', 'createdAt')
      .where('c.id IN (:...ids)', { ids });
    if (includeDeleted) qb.withDeleted();
    const raw = await qb.getRawMany<Record<'id' | 'statement' | 'placeName' | 'placeCountry' | 'start' | 'end' | 'precision' | 'createdAt', unknown>>();
    const { driver } = manager.connection;
    const meta = manager.connection.getMetadata(Claim);
    const hydrate = (value: unknown, path: string) => (value === null ? null : (driver.prepareHydratedValue(value, meta.findColumnWithPropertyPath(path)!) as Date));
    return raw.map((r) => ({
      id: r.id as string,
      statement: r.statement as string,
      place: { name: r.placeName as string | null, country: r.placeCountry as string | null },
      eventTime: { start: hydrate(r.start, 'eventTime.start'), end: hydrate(r.end, 'eventTime.end'), precision: r.precision as string | null },
      createdAt: hydrate(r.createdAt, 'createdAt')!,
    }));
  }

  private async candidateIds(subject: MatchClaim, manager: EntityManager): Promise<string[]> {
    // The three ways are independent queries: sent together, PostgreSQL's pool answers them on separate connections.
    const ways: Array<Promise<string[]>> = [this.textSearch.similarClaimIds(manager, contentWords(subject.statement), CANDIDATES_PER_WAY)];
    const start = subject.eventTime?.start ? new Date(subject.eventTime.start).getTime() : null;
    const end = subject.eventTime?.end ? new Date(subject.eventTime.end).getTime() : start;
    const near = start !== null ? { from: new Date(start - WINDOW_DAYS * DAY_MS), to: new Date(end! + WINDOW_DAYS * DAY_MS) } : null;
    const variables = [...new Set(subject.quantities.map((q) => q.variable))];
    if (variables.length) {
      const anchors = subject.quantities.map((q) => q.value ?? q.lower ?? q.upper).filter((v): v is number => v !== null);
      const qb = manager
        .createQueryBuilder(ClaimQuantity, 'q')
        .innerJoin(Claim, 'c', 'c.id = q.claim_id')
        .select('q.claim_id', 'id')
        // `|| ''` keeps SQLite from starting at the variable's index (a sixth of the table at 100k claims, 40 ms)
        // when its sampled statistics misjudge it: the window is always the narrower start. PostgreSQL plans alike either way.
        .where(`(q.variable || '') IN (:...variables)`, { variables })
        .limit(CANDIDATES_PER_WAY);
      // The closest figures first (then the newest claims): a bare LIMIT would keep an arbitrary 50 of a busy window.
      if (anchors.length) qb.addSelect('min(abs(coalesce(q.value, q.lower, q.upper, 0) - :anchor))', 'gap').setParameter('anchor', anchors[0]).groupBy('q.claim_id').orderBy('gap', 'ASC');
      else qb.groupBy('q.claim_id');
      qb.addOrderBy('q.claim_id', 'DESC');
      if (near) qb.andWhere('c.event_time_start BETWEEN :from AND :to', near);
      ways.push(qb.getRawMany<{ id: string }>().then((rows) => rows.map((r) => r.id)));
    }
    if (near && subject.place?.name) {
      const place = manager
        .createQueryBuilder(Claim, 'c')
        .withDeleted()
        .select('c.id', 'id')
        .where('c.event_time_start BETWEEN :from AND :to', near)
        // lower(place_name), event_time_start is indexed (migration ClaimMatchingIndexes).
        .andWhere('lower(c.place_name) = lower(:place)', { place: subject.place.name })
        .limit(CANDIDATES_PER_WAY)
        .getRawMany<{ id: string }>();
      ways.push(place.then((rows) => rows.map((r) => r.id)));
    }
    return [...new Set((await Promise.all(ways)).flat())];
  }

}
