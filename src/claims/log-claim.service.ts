import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { ArticlesService } from '../articles/articles.service';
import { AttributionsService } from '../attributions/attributions.service';
import { assertCanAddTo } from '../access/edit-policy';
import { BadInputError } from '../common/errors';
import { lockedForUpdate } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { SourcesService } from '../sources/sources.service';
import { sourceNameKey } from '../sources/source-name';
import { Claim } from './claim.entity';
import { ClaimsService } from './claims.service';
import { LogClaimInput, SourceRefInput } from './dto/log-claim.input';

/**
 * What a reporter calls while reading: the claim, its quantities, each attribution with its
 * relay chain and conditions, the sources they name and the citing article, in one transaction.
 */
@Injectable()
export class LogClaimService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly articles: ArticlesService,
    private readonly attributions: AttributionsService,
  ) {}

  log(input: LogClaimInput, actor: Actor): Promise<Claim> {
    assertNoSelfRelay(input);
    return this.tx.run((manager) => this.logWith(manager, input, actor));
  }

  async logWith(manager: EntityManager, input: LogClaimInput, actor: Actor): Promise<Claim> {
    const claim = input.attachTo ? await this.attachTarget(manager, input.attachTo, actor) : await this.claims.createWith(manager, input, actor);
    const article = await this.articles.findOrCreate(manager, input.article, 'article', actor);
    for (const [i, a] of input.attributions.entries()) {
      const field = `attributions.${i}`;
      const speaker = await this.sources.resolveRef(manager, toRef(a.source), `${field}.source`, actor, article.id);
      const chain = [];
      for (const [j, hop] of (a.via ?? []).entries()) {
        const relay = await this.sources.resolveRef(manager, toRef(hop.source), `${field}.via.${j}.source`, actor, article.id);
        chain.push({ sourceId: relay.id, cue: hop.cue });
      }
      const attribution = await this.attributions.addWith(
        manager,
        { ...a, claimId: claim.id, sourceId: speaker.id, chain },
        actor,
        field,
      );
      // Every attribution logged from an article is cited in it, with or without the exact words.
      await this.attributions.citeWith(manager, attribution.id, article, a.quote ?? { quote: null }, `${field}.quote`, actor);
    }
    await this.attributions.claimsChanged(manager, [claim.id]);
    // Read back: the hooks above have just derived sourcing and discrepancy values in SQL.
    return this.claims.get(claim.id, manager);
  }

  /**
   * The recorded claim that `attachTo` names, if the actor may add to it (edit-policy.ts decides),
   * locked until the transaction ends: a merge or deletion of it waits for the attach, or, if it
   * came first, the attach finds the claim no longer live.
   */
  private async attachTarget(manager: EntityManager, id: string, actor: Actor): Promise<Claim> {
    const claim = await manager.findOne(Claim, { where: { id }, ...lockedForUpdate(manager) });
    if (!claim) throw BadInputError.field('attachTo', 'no live claim has this id');
    assertCanAddTo(actor, claim);
    return claim;
  }
}

/**
 * The fields a new source takes, under createSource's own rules (a reporter may record who an
 * anonymous source is, as with createSource; only editors may grade reliability). A source found
 * by id or name keeps what it has: logging is not the place to edit it.
 */
function toRef(ref: SourceRefInput) {
  const { id, name, kind, aliases, basedIn, affiliation, wikidataId, reliability, confidentialNote } = ref;
  return { id, name, kind, aliases, basedIn, affiliation, wikidataId, reliability, confidentialNote };
}

/** Caught before anything is written: a speaker named again as their own relay. */
function assertNoSelfRelay(input: LogClaimInput): void {
  const problems = input.attributions.flatMap((a, i) => {
    const speaker = a.source.id ?? (a.source.name ? sourceNameKey(a.source.name) : undefined);
    return (a.via ?? []).flatMap((hop, j) => {
      const relay = hop.source.id ?? (hop.source.name ? sourceNameKey(hop.source.name) : undefined);
      return speaker !== undefined && relay === speaker
        ? [{ field: `attributions.${i}.via.${j}.source`, message: 'the speaker cannot be their own intermediary' }]
        : [];
    });
  });
  if (problems.length) throw new BadInputError(problems);
}
