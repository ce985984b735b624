import { EntityManager, In } from 'typeorm';
import { ClaimSource } from './claim-source.entity';
import { AttributionFacts, claimSourcesOf } from './sourcing';

/** Rows per INSERT: 5 parameters each, well under either database's parameter limit. */
const ROWS_PER_INSERT = 200;
/** Claims per DELETE. */
const CLAIMS_PER_DELETE = 500;

/**
 * Rewrites the claim_source rows of these claims from their live attributions: one DELETE and one
 * INSERT for a claim or a few hundred (the rows are few per claim, so rewriting beats comparing).
 */
export async function replaceClaimSources(manager: EntityManager, byClaim: ReadonlyMap<string, AttributionFacts[]>): Promise<void> {
  const claimIds = [...byClaim.keys()];
  for (let i = 0; i < claimIds.length; i += CLAIMS_PER_DELETE) {
    await manager.delete(ClaimSource, { claimId: In(claimIds.slice(i, i + CLAIMS_PER_DELETE)) });
  }
  const rows = [...byClaim].flatMap(([claimId, attributions]) => claimSourcesOf(attributions).map((s) => ({ claimId, ...s })));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await manager.insert(ClaimSource, rows.slice(i, i + ROWS_PER_INSERT));
  }
}
