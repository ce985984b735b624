import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../core/actor';
import { assertCanAddTo } from '../access/edit-policy';
import { ClaimSource } from './analysis/claim-source.entity';
import { flagClaims } from './analysis/figure-span-index';
import { FigureSpan } from './analysis/figure-span.entity';
import { FiledFigures, figureSpanInsertUnnest, figureSpanRows, planNewFigures } from './analysis/new-figures';
import { SourceFacts, claimSourcesOf, summarizeSourcing } from './analysis/sourcing';
import { Article } from '../articles/article.entity';
import { ArticlesService } from '../articles/articles.service';
import { wireCopyIds } from '../articles/wire-copies';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { Attribution } from '../attributions/attribution.entity';
import { AttributionsService, auditedChain, newAttribution, newCitation, newRelayHops, quoteProblems } from '../attributions/attributions.service';
import { Citation } from '../attributions/citation.entity';
import { RelayHop } from '../attributions/relay-hop.entity';
import { anonymityProblems } from '../attributions/anonymity-grant';
import { chainProblems, selfRelayProblems } from '../attributions/relay-chain';
import { BadInputError, DomainError, FieldError } from '../common/errors';
import { RecordType } from '../common/record-type';
import { BulkInserter, InsertSet, InsertStatementSet, bulkInserterFor } from '../database/bulk-insert';
import { lockedForUpdate } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { SourceAlias } from '../sources/source-alias.entity';
import { SourceMention } from '../sources/source-batch';
import { SourceKind } from '../sources/source-kind';
import { SourceRow } from '../sources/source-lookup';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';
import { ClaimQuantity } from './claim-quantity.entity';
import { AttributionToWrite, ClaimToWrite, logClaimFields } from './claim-batch';
import { Claim } from './claim.entity';
import { checkReferences } from './declared-references';
import { ClaimsService, assertQuantities, auditedNewClaim, newClaim, newQuantities } from './claims.service';
import { LogClaimInput, SourceRefInput } from './dto/log-claim.input';

/** New figures from which PostgreSQL expands their figure_span rows in SQL (figureSpans): an import's batch, not a logClaim. */
const SPANS_IN_SQL_FROM_FIGURES = 10;

/** Says which claim (and attribution) of a batch an error belongs to; an import turns it into a line number. */
export type BatchFail = (claim: number, attribution: number | null, error: DomainError) => Error;

/**
 * The one write orchestration behind logClaim, acceptSuggestion and imports: logClaim is a batch of
 * one. Set-based, so that its cost is a fixed number of statements per batch, whatever the batch's
 * size and the archive's:
 *
 * 1. validate in Node (figures, the self-relay rule on the names given);
 * 2. look up, once per batch, the claims attached to, the articles by canonical URL, the sources by
 *    id, by name or alias, and anonymous speakers in the batch's articles (sources/source-batch.ts),
 *    and the vocabulary of figures; what is missing is made in memory with its audit event;
 * 3. work out each new claim's sourcing in Node from the sources just resolved, with the same
 *    function the analysis module uses for recorded claims (analysis/sourcing.ts summarizeSourcing);
 * 4. insert everything in multi-row statements (database/bulk-insert.ts: one statement on PostgreSQL
 *    for a logClaim), with the audit events;
 * 5. before step 4, the new claims' discrepancy flags and figure_span rows (analysis/new-figures.ts: probes
 *    against the recorded figures, one statement per batch, and the batch's own pairs in Node), so they are
 *    inserted with the claims and nothing is read back; recorded claims the new figures contradict are flagged
 *    after it (figure-span-index.ts flagClaims), and attached claims' sourcing is refreshed through the hook
 *    (AttributionsService.claimsChanged).
 */
@Injectable()
export class LogClaimService {
  private readonly bulk: BulkInserter;
  private readonly postgres: boolean;

  constructor(
    dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly articles: ArticlesService,
    private readonly attributions: AttributionsService,
    private readonly audit: AuditService,
  ) {
    this.bulk = bulkInserterFor(dataSource.options.type);
    this.postgres = dataSource.options.type === 'postgres';
  }

  log(input: LogClaimInput, actor: Actor): Promise<Claim> {
    return this.tx.run((manager) => this.logWith(manager, input, actor));
  }

  async logWith(manager: EntityManager, input: LogClaimInput, actor: Actor): Promise<Claim> {
    const item: ClaimToWrite = {
      ...(input.attachTo ? { attachTo: input.attachTo } : { create: { input } }),
      attributions: input.attributions.map((a, i) => ({ input: { ...a, source: toRef(a.source), via: a.via?.map((h) => ({ ...h, source: toRef(h.source) })) }, article: input.article, fields: logClaimFields(i) })),
    };
    // The new claim's discrepancy flag is worked out before it is written, so the claim in memory is the row as stored.
    const { claims } = await this.write(manager, [item], actor);
    return input.attachTo ? this.claims.get(claims[0].id, manager) : claims[0];
  }

  /**
   * Writes a batch; see the class comment. Returns each item's claim (as built in memory, with its discrepancy flag,
   * or the claim attached to) and the number of attributions written. `fail` turns an error about one item into the
   * caller's error.
   */
  async write(
    manager: EntityManager,
    items: ClaimToWrite[],
    actor: Actor,
    fail: BatchFail = (_c, _a, error) => error,
  ): Promise<{ claims: Claim[]; attributions: number }> {
    const guard = <T>(claim: number, attribution: number | null, work: () => T): T => {
      try {
        return work();
      } catch (error) {
        throw error instanceof DomainError ? fail(claim, attribution, error) : error;
      }
    };
    items.forEach((item, i) =>
      item.attributions.forEach((a, j) =>
        guard(i, j, () => {
          const problems = selfRelayProblems(a.input.source, (a.input.via ?? []).map((h) => h.source), a.fields.relay);
          if (problems.length) throw new BadInputError(problems);
        }),
      ),
    );
    items.forEach((item, i) => item.create && guard(i, null, () => assertQuantities(item.create?.input.quantities ?? [], '')));
    const newInputs = items.flatMap((item, i) => (item.create ? [{ i, input: item.create.input }] : []));
    await checkReferences(manager, actor, newInputs, (k, error) => (error instanceof DomainError ? fail(newInputs[k].i, null, error) : error));
    const targets = await this.attachTargets(manager, items, actor, fail);

    // New claims first, so that their audit events come before those of what they cite.
    const variables = await this.claims.canonicalVariables(manager, items.flatMap((c) => (c.create?.input.quantities ?? []).map((q) => q.variable)));
    const events: AuditEvent[] = [];
    const quantities: ClaimQuantity[] = [];
    const claims = items.map((item) => {
      if (!item.create) return targets.get(item.attachTo as string) as Claim;
      const claim = newClaim(manager, item.create.input, actor, item.create.imported ?? null);
      const rows = newQuantities(manager, claim.id, item.create.input.quantities ?? [], variables);
      quantities.push(...rows);
      events.push(this.audit.createEvent(actor, RecordType.CLAIM, auditedNewClaim(claim, rows)));
      return claim;
    });

    const all = items.flatMap((item, i) => item.attributions.map((a, j) => ({ a, i, j })));
    const cited = all.filter((x) => x.a.article);
    const found = await this.articles.findOrPrepare(
      manager,
      cited.map((x) => ({ input: x.a.article as NonNullable<AttributionToWrite['article']>, field: x.a.fields.article })),
      actor,
      (k, error) => fail(cited[k].i, cited[k].j, error),
    );
    events.push(...found.events);
    const articleOf = new Map<AttributionToWrite, Article>(cited.map((x, k) => [x.a, found.articles[k]]));
    const copies = await this.wireCopies(manager, all.map((x) => x.a), articleOf, found.created);

    const mentions: SourceMention[] = [];
    const owners: Array<{ i: number; j: number }> = [];
    all.forEach(({ a, i, j }, group) => {
      const articleId = articleOf.get(a)?.id ?? null;
      mentions.push({ ref: a.input.source, field: a.fields.speaker, fileId: a.sourceIds?.speaker, articleId, group, speaks: !!articleId });
      (a.input.via ?? []).forEach((hop, h) => mentions.push({ ref: hop.source, field: a.fields.relay(h), fileId: a.sourceIds?.hops[h], articleId, group, speaks: false }));
      for (let n = 0; n < 1 + (a.input.via?.length ?? 0); n++) owners.push({ i, j });
    });
    const sources = await this.sources.findOrPrepare(manager, mentions, actor, {
      copies: copies.byArticle,
      newArticles: new Set(found.created.map((x) => x.id)),
      fail: (k, error) => fail(owners[k].i, owners[k].j, error),
    });
    events.push(...sources.events);

    const attributions: Attribution[] = [];
    const hops: RelayHop[] = [];
    const citations: Citation[] = [];
    const facts = new Map<string, Array<Parameters<typeof summarizeSourcing>[0][number]>>();
    let m = 0;
    for (const { a, i, j } of all) {
      const claim = claims[i];
      const speaker = sources.resolved[m++];
      const chain = (a.input.via ?? []).map((hop) => ({ source: sources.resolved[m++], cue: hop.cue ?? null }));
      guard(i, j, () => {
        const problems: FieldError[] = [
          ...chainProblems(speaker.id, chain.map((h) => h.source.id), a.fields.chain),
          ...anonymityProblems(a.input.anonymityGranted, a.input.anonymityReason, '').map((p) => ({ ...p, field: a.fields.anonymityGranted })),
        ];
        if (problems.length) throw new BadInputError(problems);
      });
      const { source: _s, via: _v, quote, ...fields } = a.input;
      const attribution = newAttribution(manager, { ...fields, claimId: claim.id, sourceId: speaker.id }, actor);
      const relay = newRelayHops(manager, attribution.id, chain.map((h) => ({ sourceId: h.source.id, cue: h.cue })));
      attributions.push(attribution);
      hops.push(...relay);
      events.push(this.audit.createEvent(actor, RecordType.ATTRIBUTION, { ...attribution, chain: auditedChain(relay) }));
      const article = articleOf.get(a);
      if (article) {
        // Every attribution logged from an article is cited in it, with or without the exact words.
        const words = quote ?? { quote: null };
        guard(i, j, () => {
          const problems = quoteProblems(article, words, a.fields.quote);
          if (problems.length) throw new BadInputError(problems.slice(0, 1));
        });
        const citation = newCitation(manager, attribution.id, article.id, words, actor);
        citations.push(citation);
        events.push(this.audit.createEvent(actor, RecordType.CITATION, citation));
      }
      const list = facts.get(claim.id) ?? [];
      list.push({ stance: attribution.stance, speaker: sourceFacts(speaker), chain: chain.map((h) => ({ source: sourceFacts(h.source), cue: h.cue })) });
      facts.set(claim.id, list);
    }
    const created = claims.filter((c, i) => items[i].create);
    for (const claim of created) Object.assign(claim, summarizeSourcing(facts.get(claim.id) ?? []));
    // The same derived rows refreshSourcing keeps for recorded claims (the filters' claim_source index).
    const claimSources = created.flatMap((claim) => claimSourcesOf(facts.get(claim.id) ?? []).map((s) => ({ claimId: claim.id, ...s })));
    const filed = await this.planFigures(manager, created, quantities);

    await this.bulk.insert(manager, [
      ...(copies.articlesWritten ? [] : [{ target: Article, rows: found.created }]),
      { target: Source, rows: sources.created },
      { target: SourceAlias, rows: sources.aliases },
      { target: Claim, rows: created },
      { target: ClaimQuantity, rows: quantities },
      this.figureSpans(filed),
      { target: Attribution, rows: attributions },
      { target: RelayHop, rows: hops },
      { target: Citation, rows: citations },
      { target: ClaimSource, rows: claimSources },
      { target: AuditEvent, rows: events },
    ] as Array<InsertSet | InsertStatementSet>);
    // Recorded claims gained attributions: their sourcing is worked out again from all of them, and their updated_at moves.
    if (targets.size) await this.attributions.claimsChanged(manager, [...targets.keys()]);
    if (filed) await flagClaims(manager, filed.contradicted);
    return { claims, attributions: attributions.length };
  }

  /**
   * The figure_span rows of the new figures: an import's batch on PostgreSQL expands them in SQL, from one entry per
   * figure and one per key of each window (about 20 rows a figure); logClaim's few keep their rows, and its statement.
   */
  private figureSpans(filed: FiledFigures | null): InsertSet | InsertStatementSet {
    if (this.postgres && filed && filed.figures.length >= SPANS_IN_SQL_FROM_FIGURES) return { statement: figureSpanInsertUnnest(filed.figures) };
    return { target: FigureSpan, rows: filed ? figureSpanRows(filed.figures) : [] };
  }

  /** The new claims' discrepancy flags, set on them in memory, and their figure_span rows (analysis/new-figures.ts). */
  private async planFigures(manager: EntityManager, created: Claim[], quantities: ClaimQuantity[]): Promise<FiledFigures | null> {
    if (!quantities.length) return null;
    const byClaim = new Map<string, ClaimQuantity[]>();
    for (const q of quantities) byClaim.set(q.claimId, [...(byClaim.get(q.claimId) ?? []), q]);
    const withFigures = created.filter((c) => byClaim.has(c.id));
    const filed = await planNewFigures(manager, withFigures.map((c) => ({ claimId: c.id, eventTime: c.eventTime ?? null, quantities: byClaim.get(c.id) ?? [] })));
    for (const claim of created) claim.hasDiscrepancy = filed.flagged.has(claim.id);
    return filed;
  }

  /**
   * The recorded claims of `attachTo`, in one look-up, if the actor may add to each (edit-policy.ts
   * decides), locked until the transaction ends: a merge or deletion of one waits for the attach,
   * or, if it came first, the attach finds the claim no longer live.
   */
  private async attachTargets(manager: EntityManager, items: ClaimToWrite[], actor: Actor, fail: BatchFail): Promise<Map<string, Claim>> {
    const ids = [...new Set(items.map((c) => c.attachTo).filter((id): id is string => !!id))].sort();
    const found = new Map(ids.length ? (await manager.find(Claim, { where: { id: In(ids) }, ...lockedForUpdate(manager) })).map((c) => [c.id, c]) : []);
    items.forEach((item, i) => {
      if (!item.attachTo) return;
      const claim = found.get(item.attachTo);
      try {
        if (!claim) throw BadInputError.field('attachTo', 'no live claim has this id');
        assertCanAddTo(actor, claim);
      } catch (error) {
        throw error instanceof DomainError ? fail(i, null, error) : error;
      }
    });
    return found;
  }

  /**
   * Copies of the same wire story count as one article for anonymous speakers (articles/wire-copies.ts).
   * Only articles with a wire agency can have copies; only then are the batch's new articles written
   * first, so that the copies among them are found too. Otherwise nothing is looked up.
   */
  private async wireCopies(manager: EntityManager, attributions: AttributionToWrite[], articleOf: Map<AttributionToWrite, Article>, created: Article[]) {
    const byArticle = new Map<string, string[]>();
    const agencies = new Set<Article>();
    for (const a of attributions) {
      const article = articleOf.get(a);
      const anonymous = [a.input.source, ...(a.input.via ?? []).map((h) => h.source)].some((s) => s.kind === SourceKind.ANONYMOUS);
      if (article?.wireAgency && anonymous) agencies.add(article);
    }
    if (!agencies.size) return { byArticle, articlesWritten: false };
    await this.bulk.insert(manager, [{ target: Article, rows: created }]);
    for (const article of agencies) byArticle.set(article.id, await wireCopyIds(manager, article.id));
    return { byArticle, articlesWritten: true };
  }
}

function sourceFacts(source: SourceRow): SourceFacts {
  return { id: source.id, name: source.name, anonymous: source.kind === SourceKind.ANONYMOUS, originGroupId: source.originGroupId ?? null };
}

/**
 * The fields a new source takes, under createSource's own rules (a reporter may record who an
 * anonymous source is, as with createSource; only editors may grade reliability). A source found
 * by id or name keeps what it has: logging is not the place to edit it.
 */
function toRef(ref: SourceRefInput): SourceRefInput {
  const { id, name, kind, aliases, basedIn, affiliation, wikidataId, reliability, confidentialNote } = ref;
  return { id, name, kind, aliases, basedIn, affiliation, wikidataId, reliability, confidentialNote };
}
