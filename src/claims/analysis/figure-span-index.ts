import { EntityManager, In } from 'typeorm';
import { Claim } from '../claim.entity';
import { contradictingPairsSql, hasContradictionSql } from './discrepancy-sql';
import { FigureSpan } from './figure-span.entity';
import { spanKeys, storedRange } from './figure-spans';

/** Claims handled per statement: bounds each statement's parameters on both databases. */
const CHUNK = 500;
/** Span rows per INSERT: 11 parameters each, well under SQLite's limit. */
const INSERT_ROWS = 1000;

/**
 * Keeps `has_discrepancy` and `figure_span` right after these claims' figures, event times or liveness changed.
 * Each step is a few statements per chunk of claims whose cost follows the rows of the claims involved and the
 * contradictions found, never the number of figures on their variables.
 *
 * `edited`: the claims had figures filed before (an edit, a deletion, a merge): the claims that contradicted
 * what they were filed under are re-checked, since their only contradiction may be gone.
 */
export async function refreshDiscrepancyFlags(manager: EntityManager, claimIds: readonly string[], edited: boolean): Promise<void> {
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    // Between chunks of a large import, readers are answered (on SQLite from their own connection, database/sqlite-reads.ts).
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const ids = claimIds.slice(i, i + CHUNK);
    const inIds = new Set(ids);
    const others = (rows: Array<{ theirs: string }>) => [...new Set(rows.map((r) => r.theirs))].filter((id) => !inIds.has(id));

    // Flagged claims the old rows contradicted, matched by day on the tree (the windows may have been edited).
    const recheck = edited ? others(await run(manager, `SELECT DISTINCT p.theirs FROM (${contradictingPairsSql(true, false)}) p`, { ids })) : [];
    if (edited) await manager.delete(FigureSpan, { claimId: In(ids) });
    await fileSpans(manager, ids);

    // Each claim's own flag, flipped only where it is wrong, so updated_at moves only with a change.
    await run(manager, `UPDATE claim SET has_discrepancy = NOT has_discrepancy, updated_at = :now WHERE id IN (:...ids) AND has_discrepancy <> (${hasContradictionSql('claim.id')})`, { ids, now: new Date() });
    // The rows carry their claim's flag, so that the claims still to flag are found without passing the flagged ones.
    // They were filed as flagged (most figures on a busy variable are), so only an unflagged claim's rows change here:
    // on PostgreSQL an updated row leaves a dead index entry behind, which the unflagged probes would have to pass.
    await forChunks(ids, (chunk) =>
      run(manager, `UPDATE figure_span SET flagged = :off WHERE claim_id IN (:...chunk) AND claim_id IN (SELECT c.id FROM claim c WHERE c.id IN (:...chunk) AND c.has_discrepancy = :off)`, { chunk, off: false }),
    );
    // Claims not flagged yet that these contradict: only unflagged rows are read.
    const newlyFlagged = others(await run(manager, `SELECT DISTINCT p.theirs FROM (${contradictingPairsSql(false)}) p`, { ids }));
    await flagClaimsOnly(manager, newlyFlagged);
    await forChunks(recheck, (chunk) =>
      run(manager, `UPDATE claim SET has_discrepancy = :off, updated_at = :now WHERE id IN (:...chunk) AND has_discrepancy = :on AND NOT ${hasContradictionSql('claim.id')}`, {
        chunk,
        on: true,
        off: false,
        now: new Date(),
      }),
    );
    await syncSpanFlags(manager, [...newlyFlagged, ...recheck]);
  }
}

/** Flags these live claims, which new figures contradict, and their figure_span rows; each that was not flagged yet has its updated_at moved. */
export async function flagClaims(manager: EntityManager, claimIds: string[]): Promise<void> {
  await flagClaimsOnly(manager, claimIds);
  await syncSpanFlags(manager, claimIds);
}

async function flagClaimsOnly(manager: EntityManager, claimIds: string[]): Promise<void> {
  await forChunks(claimIds, (chunk) =>
    run(manager, `UPDATE claim SET has_discrepancy = :on, updated_at = :now WHERE id IN (:...chunk) AND has_discrepancy = :off`, { chunk, on: true, off: false, now: new Date() }),
  );
}

/** Files the figures of the live claims among `ids` (whose rows are gone or never were), as flagged until worked out. */
async function fileSpans(manager: EntityManager, ids: string[]): Promise<void> {
  // Only the columns filing reads: the FigureSpan migration calls this before later migrations add columns to these tables.
  const claims = await manager.find(Claim, {
    where: { id: In(ids) },
    relations: { quantities: true },
    select: {
      id: true,
      eventTime: { start: true, end: true },
      quantities: { id: true, variable: true, value: true, lower: true, lowerInclusive: true, upper: true, upperInclusive: true, approximate: true },
    },
  });
  const rows: Array<Partial<FigureSpan>> = [];
  for (const claim of claims) {
    const keys = spanKeys(claim.eventTime?.start ? claim.eventTime : null);
    for (const q of claim.quantities ?? []) {
      const range = storedRange(q);
      for (const key of keys) rows.push({ quantityId: q.id, claimId: claim.id, variable: q.variable, ...key, ...range, flagged: true });
    }
  }
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await manager.createQueryBuilder().insert().into(FigureSpan).values(rows.slice(i, i + INSERT_ROWS)).updateEntity(false).execute();
  }
}

async function syncSpanFlags(manager: EntityManager, claimIds: string[]): Promise<void> {
  await forChunks(claimIds, (chunk) =>
    run(manager, `UPDATE figure_span SET flagged = (SELECT c.has_discrepancy FROM claim c WHERE c.id = figure_span.claim_id) WHERE claim_id IN (:...chunk) AND flagged <> (SELECT c.has_discrepancy FROM claim c WHERE c.id = figure_span.claim_id)`, { chunk }),
  );
}

async function forChunks(ids: string[], work: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await work(ids.slice(i, i + CHUNK));
}

/** Raw SQL with named parameters, `:...list` expanded, on either database. */
function run<T = any>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, parameters] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query(query, parameters);
}

/**
 * Files every live claim's figures afresh, flags as stored: for a database whose figures were written
 * without the rows (the FigureSpan migration, or data loaded behind the app's back as the benchmark does).
 */
export async function fileAllSpans(manager: EntityManager): Promise<void> {
  await manager.createQueryBuilder().delete().from(FigureSpan).execute();
  for (let after = ''; ; ) {
    const page: Array<{ claim_id: string }> = await run(manager, `SELECT DISTINCT claim_id FROM claim_quantity WHERE claim_id > :after ORDER BY claim_id LIMIT ${CHUNK}`, { after });
    if (!page.length) break;
    await fileSpans(manager, page.map((r) => r.claim_id));
    after = page[page.length - 1].claim_id;
  }
  await run(manager, `UPDATE figure_span SET flagged = (SELECT c.has_discrepancy FROM claim c WHERE c.id = figure_span.claim_id)`, {});
}
