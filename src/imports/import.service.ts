import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { canDecideStatus } from '../access/edit-policy';
import { ClaimStatus } from '../claims/claim-status';
import { Brackets, EntityManager } from 'typeorm';
import { Article } from '../articles/article.entity';
import { ArticlesService } from '../articles/articles.service';
import { canonicalizeUrl } from '../articles/canonical-url';
import { CreateArticleInput } from '../articles/dto/article-fields.input';
import { AttributionsService } from '../attributions/attributions.service';
import { Claim } from '../claims/claim.entity';
import { ClaimMatchingService } from '../claims/matching/matching.service';
import { MatchTier } from '../claims/matching/match-score';
import { ClaimsService } from '../claims/claims.service';
import { SourceRefInput } from '../claims/dto/log-claim.input';
import { DomainError } from '../common/errors';
import { TransactionRunner } from '../database/transaction-runner';
import { SourceKind } from '../sources/source-kind';
import { sourceNameKey } from '../sources/source-name';
import { Source } from '../sources/source.entity';
import { SourcesService } from '../sources/sources.service';
import { ImportProblem, ImportRejectedError } from './import-errors';
import { ImportFormat, parseImportFile } from './import-parsers';
import { PlannedClaim, planImport } from './import-plan';
import { ImportRow, readImportRow } from './import-row';
import { isUUID as isUuid } from 'class-validator';

export interface ImportOptions {
  format: ImportFormat;
  dryRun?: boolean;
  /** Who is importing: recorded as creator and in the audit history. */
  actor: Actor;
  /** Called after each claim is written, with the number of rows done so far. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Told when every row is written and the derived values (sourcing, discrepancies) of the new claims are worked out. */
  onDeriving?: (claims: number) => void;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  claims: number;
  claimsCreated: number;
  /** Claims whose claim_id was imported before (or is a claim of this database): left as they are. */
  claimsUnchanged: number;
  attributionsCreated: number;
  /**
   * New claims that likely record a claim already there (or another of the file's): LIKELY tier,
   * best first. Checked for the first MATCHED_IMPORT_CLAIMS new claims of a file.
   */
  possibleDuplicates: ImportDuplicate[];
}

export interface ImportDuplicate {
  line: number;
  claimId: string;
  externalId: string;
  matches: Array<{ claimId: string; score: number; tier: string }>;
}

/** How many of a file's new claims are matched against the database: each costs a few queries. */
export const MATCHED_IMPORT_CLAIMS = 200;

/** Thrown inside the transaction to undo a dry run's writes once they have been checked. */
class DryRunRollback extends Error {}

/**
 * Rows validated, and claims written, between two turns of the event loop: an import of 10,000 rows
 * is seconds of synchronous work on SQLite, and readers must keep being answered meanwhile (on a
 * connection of their own, database/sqlite-reads.ts). Measured with `npm run bench:import-reads`.
 */
const VALIDATE_CHUNK = 200;
const WRITE_CHUNK = 20;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Ids per lookup query: well under both databases' bound-parameter limits. */
const LOOKUP_CHUNK = 500;

/** An import that creates this many claims tells the planner the tables' new sizes once it has committed. */
const STATISTICS_AFTER_CLAIMS = 500;
const IMPORTED_TABLES = ['claim', 'claim_quantity', 'attribution', 'relay_hop', 'citation', 'article', 'source', 'source_alias', 'audit_event'] as const;

/**
 * Imports files in the export's own layout. Every row is read and validated first; any problem
 * refuses the whole file. Then everything is written in one transaction, through the same
 * services logClaim uses (so sources and articles are matched, not duplicated). A dry run does
 * the writes too, to find the problems only the database can see, and rolls them back.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly articles: ArticlesService,
    private readonly attributions: AttributionsService,
    private readonly matching: ClaimMatchingService,
  ) {}

  async run(text: string, options: ImportOptions): Promise<ImportReport> {
    const { claims, rows } = await this.validate(text, options.format);
    const report: ImportReport = { dryRun: !!options.dryRun, rows, claims: claims.length, claimsCreated: 0, claimsUnchanged: 0, attributionsCreated: 0, possibleDuplicates: [] };
    try {
      await this.tx.run(async (manager) => {
        // A transaction retried after losing a race to a concurrent import counts afresh.
        Object.assign(report, { claimsCreated: 0, claimsUnchanged: 0, attributionsCreated: 0, possibleDuplicates: [] });
        await this.write(manager, claims, report, options.actor, (done) => options.onProgress?.(done, rows), options.onDeriving);
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (!report.dryRun && report.claimsCreated >= STATISTICS_AFTER_CLAIMS) await this.tx.refreshStatistics(IMPORTED_TABLES);
    return report;
  }

  /** Reads every row and reports every problem at once, so a newsroom fixes a file in one pass. */
  private async validate(text: string, format: ImportFormat): Promise<{ claims: PlannedClaim[]; rows: number }> {
    const parsed = parseImportFile(text, format);
    const problems: ImportProblem[] = [...parsed.problems];
    const rows: ImportRow[] = [];
    for (const [i, record] of parsed.records.entries()) {
      if (i % VALIDATE_CHUNK === VALIDATE_CHUNK - 1) await yieldToEventLoop();
      const { row, problems: rowProblems } = readImportRow(record, format);
      problems.push(...rowProblems);
      if (row) rows.push(row);
    }
    const plan = planImport(rows);
    problems.push(...plan.problems);
    if (!problems.length && !parsed.records.length) problems.push({ line: 1, field: '', message: 'the file has no rows' });
    if (problems.length) throw new ImportRejectedError(problems.sort((a, b) => a.line - b.line));
    return { claims: plan.claims, rows: parsed.records.length };
  }

  private async write(
    manager: EntityManager,
    planned: PlannedClaim[],
    report: ImportReport,
    actor: Actor,
    progress: (done: number) => void,
    deriving?: (claims: number) => void,
  ): Promise<void> {
    const existing = await this.existingKeys(manager, planned.map((c) => c.key));
    assertMayDecideStatuses(actor, planned.filter((c) => !existing.has(c.key)));
    const cache = new ResolveCache();
    const created: string[] = [];
    const createdItems: PlannedClaim[] = [];
    let done = 0;
    for (const [i, item] of planned.entries()) {
      if (i % WRITE_CHUNK === WRITE_CHUNK - 1) await yieldToEventLoop();
      if (existing.has(item.key)) {
        report.claimsUnchanged += 1;
      } else {
        created.push(await this.writeClaim(manager, item, cache, report, actor));
        createdItems.push(item);
        report.claimsCreated += 1;
      }
      done += item.rows.length;
      progress(done);
    }
    deriving?.(created.length);
    await this.attributions.claimsChanged(manager, created);
    await this.claims.notifyFiguresChanged(manager, created.map((claimId) => ({ claimId, before: null })));
    report.possibleDuplicates = await this.duplicates(manager, created.slice(0, MATCHED_IMPORT_CLAIMS), createdItems, actor);
  }

  /** The likely matches of each new claim, found as similarClaims finds them, inside the import's transaction. */
  private async duplicates(manager: EntityManager, ids: string[], items: PlannedClaim[], actor: Actor): Promise<ImportDuplicate[]> {
    const found: ImportDuplicate[] = [];
    for (const [i, claimId] of ids.entries()) {
      const matches = await this.matching.similar({ claimId, tier: MatchTier.LIKELY, first: 3 }, actor, manager);
      if (matches.length) {
        found.push({ line: items[i].first.line, claimId, externalId: items[i].key, matches: matches.map((m) => ({ claimId: m.claim.id, score: m.score, tier: m.tier })) });
      }
    }
    return found;
  }

  private async writeClaim(manager: EntityManager, item: PlannedClaim, cache: ResolveCache, report: ImportReport, actor: Actor): Promise<string> {
    let row = item.first;
    try {
      const claim = await this.claims.createWith(manager, row.claim, actor, '', { externalId: item.key, status: row.status, ...(row.createdAt ? { createdAt: row.createdAt } : {}) });
      for (row of item.rows) {
        const a = row.attribution;
        if (!a) continue;
        const article = row.article ? await cache.article(row.article, () => this.articles.findOrCreate(manager, row.article as CreateArticleInput, 'article', actor)) : null;
        const speaker = await this.resolve(manager, cache, a.source, row.sourceIds.speaker, 'source_name', article, actor);
        const chain = [];
        for (const [i, hop] of (a.via ?? []).entries()) {
          chain.push({ sourceId: (await this.resolve(manager, cache, hop.source, row.sourceIds.hops[i] ?? null, 'relay_chain', article, actor)).id, cue: hop.cue ?? null });
        }
        const attribution = await this.attributions.addWith(manager, { ...a, claimId: claim.id, sourceId: speaker.id, chain }, actor, '');
        if (article) await this.attributions.citeWith(manager, attribution.id, article, a.quote ?? { quote: null }, 'quote', actor);
        report.attributionsCreated += 1;
      }
      return claim.id;
    } catch (error) {
      // Errors only the database can find (e.g. a source id that does not exist) still name the row.
      if (error instanceof DomainError && !(error instanceof ImportRejectedError)) {
        const fields = (error.details.fields as Array<{ field: string; message: string }> | undefined) ?? [{ field: '', message: error.message }];
        throw new ImportRejectedError(fields.map((f) => ({ line: row.line, field: f.field, message: f.message })));
      }
      throw error;
    }
  }

  /**
   * A source the file gives an id for is matched by that id first: rows naming one id are one source
   * (an anonymous official quoted in several rows stays one person), a live source of this database
   * with that id is that source, and a new one is created under the file's id when it is free and in
   * our form, so that a re-export joins back to the original. Otherwise, by name as logClaim does.
   */
  private resolve(
    manager: EntityManager,
    cache: ResolveCache,
    ref: SourceRefInput,
    fileId: string | null,
    field: string,
    article: Article | null,
    actor: Actor,
  ): Promise<Source> {
    if (!fileId) return this.resolveByName(manager, cache, ref, field, article, actor);
    return cache.source(`id:${fileId}`, async () => {
      const known = isUuid(fileId) ? await manager.findOne(Source, { where: { id: fileId }, withDeleted: true }) : null;
      if (known && !known.deletedAt) return known;
      if (ref.kind !== SourceKind.ANONYMOUS) {
        const [match] = await this.sources.findByNameOrAlias(ref.name as string, manager);
        if (match) return match;
      }
      return this.sources.createWith(manager, { ...ref, name: ref.name as string, kind: ref.kind ?? SourceKind.INDIVIDUAL }, actor, {
        afterLookup: true,
        id: known || !isUuid(fileId) ? undefined : fileId,
      });
    });
  }

  /** Named sources are matched once per import; an anonymous one only within its article, as in logClaim. */
  private resolveByName(manager: EntityManager, cache: ResolveCache, ref: SourceRefInput, field: string, article: Article | null, actor: Actor): Promise<Source> {
    const name = ref.name as string;
    const anonymous = ref.kind === SourceKind.ANONYMOUS;
    const key = anonymous ? (article ? `anon:${article.id}:${sourceNameKey(name)}` : null) : `named:${sourceNameKey(name)}`;
    const load = () => this.sources.resolveRef(manager, ref, field, actor, article?.id);
    return key ? cache.source(key, load) : load();
  }

  /** claim_ids already here, as an imported claim's external id or as one of our own claim ids (re-importing our own export). */
  private async existingKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
      const chunk = keys.slice(i, i + LOOKUP_CHUNK);
      const rows: Array<{ id: string; external_id: string | null }> = await manager
        .createQueryBuilder(Claim, 'c')
        .withDeleted()
        .select('c.id', 'id')
        .addSelect('c.external_id', 'external_id')
        .where(new Brackets((w) => w.where('c.external_id IN (:...chunk)', { chunk }).orWhere('c.id IN (:...chunk)', { chunk })))
        .getRawMany();
      for (const r of rows) {
        found.add(r.id);
        if (r.external_id) found.add(r.external_id);
      }
    }
    return found;
  }
}

/** Per-import memo of resolved sources and articles: a file names the same few hundred many times. */
class ResolveCache {
  private readonly sources = new Map<string, Source>();
  private readonly articles = new Map<string, Article>();

  async source(key: string, load: () => Promise<Source>): Promise<Source> {
    let found = this.sources.get(key);
    if (!found) this.sources.set(key, (found = await load()));
    return found;
  }

  async article(input: CreateArticleInput, load: () => Promise<Article>): Promise<Article> {
    const key = canonicalizeUrl(input.url);
    let found = this.articles.get(key);
    if (!found) this.articles.set(key, (found = await load()));
    return found;
  }
}

/**
 * The edit policy's status rule, applied to the claims an import would create: a status other than
 * UNVERIFIED is an editorial decision. Claims already imported are left as they are, so an exported
 * file can still be re-imported by anyone.
 */
function assertMayDecideStatuses(actor: Actor, created: PlannedClaim[]): void {
  if (canDecideStatus(actor)) return;
  const problems = created
    .filter((c) => c.first.status !== ClaimStatus.UNVERIFIED)
    .map((c) => ({ line: c.first.line, field: 'status', message: `only editors and admins can set the editorial status (${c.first.status}); leave it empty or UNVERIFIED` }));
  if (problems.length) throw new ImportRejectedError(problems, 'FORBIDDEN');
}
