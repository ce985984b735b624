import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor } from '../core/actor';
import { canDecideStatus } from '../access/edit-policy';
import { AttributionFields, ClaimToWrite } from '../claims/claim-batch';
import { Claim } from '../claims/claim.entity';
import { ClaimStatus } from '../claims/claim-enum-values';
import { LogClaimService } from '../claims/log-claim.service';
import { likelyMatchesOfEach } from '../claims/matching/batch-matching';
import { DomainError } from '../common/errors';
import { refreshPlannerStatistics } from '../database/planner-statistics';
import { TextSearch, textSearchFor } from '../database/text-search';
import { TransactionRunner } from '../database/transaction-runner';
import { ImportProblem, ImportRejectedError } from './import-errors';
import { ImportFormat, ImportInput, UnreadableFileError, parseImportFile } from './import-parsers';
import { ImportPlan, PlannedClaim } from './import-plan';
import { newImportRowMemo, readImportRow } from './import-row';
import { ImportDuplicate, ImportReport } from './import-report';

export interface ImportOptions {
  format: ImportFormat;
  dryRun?: boolean;
  /** Who is importing: recorded as creator and in the audit history. */
  actor: Actor;
  /** Called after each batch is written, with the number of rows read so far (the file's length is not known in advance). */
  onProgress?: (rowsDone: number) => void;
  /** Told when every row is written, with its derived values (sourcing and discrepancy flags are worked out batch by batch). */
  onDeriving?: (claims: number) => void;
  /** Told when the statistics are refreshed and the new claims are being matched for possibleDuplicates. */
  onMatching?: () => void;
}

/** How many of a file's new claims are matched against the database (claims/matching/batch-matching.ts: a few statements per hundred). */
export const MATCHED_IMPORT_CLAIMS = 200;

/** Thrown inside the transaction to undo a dry run's writes once they have been checked. */
class DryRunRollback extends Error {}

/**
 * Rows validated between two turns of the event loop: an import of 10,000 rows is seconds of
 * synchronous work on SQLite, and readers must keep being answered meanwhile (on a connection of
 * their own, database/sqlite-reads.ts). Measured with `npm run bench:import-reads`.
 */
const VALIDATE_CHUNK = 200;

/**
 * Claims written per batch of the write orchestration (claims/log-claim.service.ts): each batch is
 * a few look-ups and multi-row INSERTs, so this bounds the memory of what is written at once and
 * the time between two turns of the event loop, at a cost per row that no longer depends on it.
 */
const CLAIMS_PER_BATCH = 250;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Ids per lookup query: well under both databases' bound-parameter limits. */
const LOOKUP_CHUNK = 500;

/** An import that creates this many claims tells the planner the tables' new sizes once it has committed. */
const STATISTICS_AFTER_CLAIMS = 500;
/**
 * The tables an import writes and its own later statements read (the figures' probes, the look-ups of each batch, the
 * matching's candidates and claims): their statistics are refreshed inside its transaction as it grows.
 */
const READ_BACK_TABLES = ['claim', 'claim_quantity', 'figure_span', 'attribution', 'relay_hop', 'citation', 'article', 'source', 'source_alias'] as const;
/**
 * The tables it only writes (the audit events, a fifth of its rows, and the claims' source index): refreshed once,
 * after the commit, for the reads that follow it (an export).
 */
const WRITTEN_ONLY_TABLES = ['audit_event', 'claim_source'] as const;

/**
 * Imports files in the export's own layout. Every row is read and validated first; any problem
 * refuses the whole file. Then everything is written in one transaction, in batches, by the write
 * orchestration logClaim uses (claims/log-claim.service.ts), so sources and articles are matched,
 * not duplicated, and the sequence and its rules exist once. A dry run does the writes too, to find
 * the problems only the database can see, and rolls them back.
 */
@Injectable()
export class ImportService {
  private readonly textSearch: TextSearch;

  constructor(
    dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly logClaims: LogClaimService,
  ) {
    this.textSearch = textSearchFor(dataSource.options.type);
  }

  async run(input: ImportInput, options: ImportOptions): Promise<ImportReport> {
    const report: ImportReport = { dryRun: !!options.dryRun, rows: 0, claims: 0, claimsCreated: 0, claimsUnchanged: 0, attributionsCreated: 0, possibleDuplicates: [] };
    let readBackCurrent = false;
    try {
      await this.tx.run(async (manager) => {
        // A transaction retried after losing a race to a concurrent import reads the file again and counts afresh.
        Object.assign(report, { rows: 0, claims: 0, claimsCreated: 0, claimsUnchanged: 0, attributionsCreated: 0, possibleDuplicates: [] });
        readBackCurrent = await this.importWith(manager, input, report, options);
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    // Statistics taken inside the transaction after its last write are committed with it: those tables are not sampled again.
    if (!report.dryRun && report.claimsCreated >= STATISTICS_AFTER_CLAIMS) await this.tx.refreshStatistics(readBackCurrent ? WRITTEN_ONLY_TABLES : [...READ_BACK_TABLES, ...WRITTEN_ONLY_TABLES]);
    return report;
  }

  /**
   * Reads, validates and writes the file batch by batch, so that memory follows the batch, not the
   * file. Every row is still validated before the import ends and every problem is reported at once,
   * so a newsroom fixes a file in one pass: after the first problem nothing more is written, and the
   * transaction (which may already hold earlier batches) is rolled back by the refusal. Says whether the statistics of
   * READ_BACK_TABLES were refreshed after the last write.
   */
  private async importWith(manager: EntityManager, input: ImportInput, report: ImportReport, options: ImportOptions): Promise<boolean> {
    const problems: ImportProblem[] = [];
    const forbidden: ImportProblem[] = [];
    const plan = new ImportPlan();
    const memo = newImportRowMemo();
    const matched: Array<{ claim: Claim; item: PlannedClaim }> = [];
    let sinceStatistics = 0;
    let writtenSinceStatistics = false;
    let atStatistics = 0;
    // Each batch's discrepancy probes and look-ups read what the earlier batches wrote, in this transaction: planned on
    // the tables' sizes of before a large import, PostgreSQL nests loops over "one" claim that are hundreds
    // (docs/exports.md). So the statistics are refreshed as the import's claims double (500, 1,000, 2,000, ...): a
    // few ANALYZEs, each sampling a bounded number of rows.
    const refreshStatistics = async (doubled: boolean) => {
      if (sinceStatistics < (doubled ? Math.max(STATISTICS_AFTER_CLAIMS, atStatistics) : STATISTICS_AFTER_CLAIMS)) return;
      await refreshPlannerStatistics(manager, READ_BACK_TABLES);
      atStatistics += sinceStatistics;
      sinceStatistics = 0;
      writtenSinceStatistics = false;
    };

    // One batch is written while the next is read and validated: the database's work and Node's overlap. A batch
    // is taken only once the one before it is settled, so its look-ups see what that one wrote.
    let writing: Promise<void> = Promise.resolve();
    const write = async (claims: PlannedClaim[], late: PlannedClaim[]) => {
      const existing = await this.existingKeys(manager, claims.map((c) => c.key));
      const fresh = claims.filter((item) => !existing.has(item.key));
      forbidden.push(...statusProblems(options.actor, fresh));
      report.claimsUnchanged += claims.length - fresh.length;
      for (const item of claims) if (existing.has(item.key)) plan.settle(item, null);
      if (problems.length || forbidden.length) {
        for (const item of fresh) plan.settle(item, null);
        return;
      }
      const items = [...fresh, ...late];
      // The figures' flags are worked out before each batch is written, against what is recorded (earlier batches
      // included) and within the batch, so the claims and their figure_span rows are inserted as they stay.
      const written = await this.logClaims.write(manager, items.map(toClaimToWrite), options.actor, (c, a, error) => rowError(items[c], a, error));
      fresh.forEach((item, i) => {
        plan.settle(item, written.claims[i].id);
        if (matched.length < MATCHED_IMPORT_CLAIMS) matched.push({ claim: written.claims[i], item });
      });
      report.claimsCreated += fresh.length;
      sinceStatistics += fresh.length;
      writtenSinceStatistics = true;
      report.attributionsCreated += written.attributions;
      await refreshStatistics(true);
    };
    /** Starts writing the rows planned so far; `rowsRead` is told to onProgress once they are written. */
    const flush = async (rowsRead?: number) => {
      await writing;
      const { claims, late } = plan.take();
      if (!claims.length && !late.length) return;
      writing = write(claims, late).then(() => {
        if (rowsRead !== undefined) options.onProgress?.(rowsRead);
      });
      // Its failure is met by the next flush, which awaits it; until then it must not count as unhandled.
      writing.catch(() => undefined);
      await yieldToEventLoop();
    };

    try {
      for await (const item of parseImportFile(input, options.format)) {
        if ('problem' in item) {
          problems.push(item.problem);
          continue;
        }
        report.rows += 1;
        if (report.rows % VALIDATE_CHUNK === 0) await yieldToEventLoop();
        const { row, problems: rowProblems } = readImportRow(item.record, options.format, memo);
        problems.push(...rowProblems);
        if (!row) continue;
        if (plan.size >= CLAIMS_PER_BATCH && plan.startsNewClaim(row)) await flush(report.rows - 1);
        const problem = plan.add(row);
        if (problem) problems.push(problem);
      }
    } catch (error) {
      // The batch being written ends before the transaction is rolled back; a refusal of the file wins over its error.
      await writing.catch(() => undefined);
      if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.problem]);
      throw error;
    }
    await flush();
    await writing;
    options.onProgress?.(report.rows);
    report.claims = plan.claims;
    if (!problems.length && !report.rows) problems.push({ line: 1, field: '', message: 'the file has no rows' });
    if (problems.length) throw new ImportRejectedError(problems.sort((a, b) => a.line - b.line));
    if (forbidden.length) throw new ImportRejectedError(forbidden, 'FORBIDDEN');

    options.onDeriving?.(report.claimsCreated);
    // The matching reads what was just written, in this transaction (see refreshStatistics): 500 new claims are enough.
    await refreshStatistics(false);
    options.onMatching?.();
    report.possibleDuplicates = await this.duplicates(manager, matched);
    return !writtenSinceStatistics;
  }

  /** The likely matches of each new claim, as similarClaims finds them, for all of them at once, inside the import's transaction. */
  private async duplicates(manager: EntityManager, created: Array<{ claim: Claim; item: PlannedClaim }>): Promise<ImportDuplicate[]> {
    // The claims as just written are the subjects: no need to read them back.
    const matches = await likelyMatchesOfEach(manager, this.textSearch, created.map((c) => c.claim), 3);
    return created.flatMap(({ claim, item }, i) =>
      matches[i].length
        ? [{ line: item.first.line, claimId: claim.id, externalId: item.key, matches: matches[i].map((m) => ({ claimId: m.claim.id, score: m.score, tier: m.tier })) }]
        : [],
    );
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

/** A planned claim as the write orchestration takes it: the claim from its first row (or the claim written before), one attribution per row with a source. */
function toClaimToWrite(item: PlannedClaim): ClaimToWrite {
  const { first } = item;
  return {
    ...(item.attachTo
      ? { attachTo: item.attachTo }
      : { create: { input: first.claim, imported: { externalId: item.key, status: first.status, ...(first.createdAt ? { createdAt: first.createdAt } : {}) } } }),
    line: first.line,
    attributions: item.rows.flatMap((row) =>
      row.attribution ? [{ input: row.attribution, article: row.article, sourceIds: row.sourceIds, fields: ROW_FIELDS, line: row.line }] : [],
    ),
  };
}

/** Where errors only the database can find point in the file's columns. */
const ROW_FIELDS: AttributionFields = { article: 'article', speaker: 'source_name', relay: () => 'relay_chain', chain: 'relay_chain', quote: 'quote', anonymityGranted: 'anonymity_granted' };

/** Errors only the database can find (e.g. an article deleted here) still name the row. */
function rowError(item: PlannedClaim, attribution: number | null, error: DomainError): Error {
  if (error instanceof ImportRejectedError) return error;
  const rows = item.rows.filter((r) => r.attribution);
  const line = attribution === null ? item.first.line : rows[attribution]?.line ?? item.first.line;
  const fields = (error.details.fields as Array<{ field: string; message: string }> | undefined) ?? [{ field: '', message: error.message }];
  return new ImportRejectedError(fields.map((f) => ({ line, field: f.field, message: f.message })));
}

/**
 * The edit policy's status rule, applied to the claims an import would create: a status other than
 * UNVERIFIED is an editorial decision. Claims already imported are left as they are, so an exported
 * file can still be re-imported by anyone.
 */
function statusProblems(actor: Actor, created: PlannedClaim[]): ImportProblem[] {
  if (canDecideStatus(actor)) return [];
  return created
    .filter((c) => c.first.status !== ClaimStatus.UNVERIFIED)
    .map((c) => ({ line: c.first.line, field: 'status', message: `only editors and admins can set the editorial status (${c.first.status}); leave it empty or UNVERIFIED` }));
}
