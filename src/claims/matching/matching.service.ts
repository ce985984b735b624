import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../access/actor';
import { isEditorial } from '../../access/role';
import { Attribution } from '../../attributions/attribution.entity';
import { RelayHop } from '../../attributions/relay-hop.entity';
import { BadInputError, ForbiddenError } from '../../common/errors';
import { TextSearch, textSearchFor } from '../../database/text-search';
import { SourcesService } from '../../sources/sources.service';
import { ClaimQuantity } from '../claim-quantity.entity';
import { Claim } from '../claim.entity';
import { ClaimsService } from '../claims.service';
import { ClaimDraftInput, MAX_MATCHES } from './dto/similar-claims.args';
import { MatchClaim } from './match-claim';
import { MatchResult, MatchTier, scoreMatch } from './match-score';
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
    const [subject] = await this.load(manager, [claim]);
    return this.rank(subject, options, manager);
  }

  private async forClaim(id: string, actor: Actor, manager: EntityManager): Promise<MatchClaim> {
    const claim = await this.claims.get(id, manager, actor);
    const [subject] = await this.load(manager, [claim]);
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
    const rows = await manager.find(Claim, { where: { id: In(ids) }, withDeleted: !!options.includeDeleted });
    const candidates = await this.load(manager, rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lowest = options.tier ?? MatchTier.POSSIBLE;
    return candidates
      .map((c) => ({ claim: byId.get(c.id!)!, ...scoreMatch(subject, c) }))
      .filter((m): m is ClaimMatch => m.tier === MatchTier.LIKELY || (m.tier === MatchTier.POSSIBLE && lowest === MatchTier.POSSIBLE))
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? 1 : -1))
      .slice(0, Math.min(options.first ?? 5, MAX_MATCHES));
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
        .where('q.variable IN (:...variables)', { variables })
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

  /** Claims as matching compares them: with figures and the ids of their live speakers and relays. */
  private async load(manager: EntityManager, claims: Claim[]): Promise<MatchClaim[]> {
    const ids = claims.map((c) => c.id);
    if (!ids.length) return [];
    const quantities = await manager.find(ClaimQuantity, { where: { claimId: In(ids) } });
    const speakers = await manager
      .createQueryBuilder(Attribution, 'a')
      .leftJoin(RelayHop, 'h', 'h.attribution_id = a.id')
      .select('a.claim_id', 'claimId')
      .addSelect('a.source_id', 'sourceId')
      .addSelect('h.source_id', 'relayId')
      .where('a.claim_id IN (:...ids)', { ids })
      .getRawMany<{ claimId: string; sourceId: string; relayId: string | null }>();
    return claims.map((c) => ({
      id: c.id,
      statement: c.statement,
      place: c.place,
      eventTime: c.eventTime,
      quantities: quantities.filter((q) => q.claimId === c.id).map((q) => ({ variable: q.variable, value: num(q.value), lower: num(q.lower), upper: num(q.upper) })),
      speakers: [...new Set(speakers.filter((s) => s.claimId === c.id).flatMap((s) => (s.relayId ? [s.sourceId, s.relayId] : [s.sourceId])))],
      createdAt: c.createdAt,
    }));
  }
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
