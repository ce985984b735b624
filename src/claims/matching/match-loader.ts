import { EntityManager } from 'typeorm';
import { Attribution } from '../../attributions/attribution.entity';
import { RelayHop } from '../../attributions/relay-hop.entity';
import { ClaimQuantity } from '../claim-quantity.entity';
import { Claim } from '../claim.entity';
import { MatchClaim } from './match-claim';

/** What matching reads of a claim's own row. */
export type MatchRow = Pick<Claim, 'id' | 'statement' | 'createdAt'> & { place: MatchClaim['place']; eventTime: MatchClaim['eventTime'] };

/** Ids per IN list: well under either database's parameter limit. */
const IDS_PER_STATEMENT = 1000;

/**
 * Claims as matching compares them: their figures and the ids of their live speakers and relays,
 * two statements per thousand claims. similarClaims and an import's possibleDuplicates both read through it.
 */
export async function loadMatchClaims(manager: EntityManager, claims: MatchRow[]): Promise<MatchClaim[]> {
  const loaded: MatchClaim[] = [];
  for (let i = 0; i < claims.length; i += IDS_PER_STATEMENT) loaded.push(...(await loadSome(manager, claims.slice(i, i + IDS_PER_STATEMENT))));
  return loaded;
}

async function loadSome(manager: EntityManager, claims: MatchRow[]): Promise<MatchClaim[]> {
  const ids = claims.map((c) => c.id);
  if (!ids.length) return [];
  const [quantities, speakers] = await Promise.all([
    manager
      .createQueryBuilder(ClaimQuantity, 'q')
      .select('q.claim_id', 'claimId')
      .addSelect('q.variable', 'variable')
      .addSelect('q.value', 'value')
      .addSelect('q.lower', 'lower')
      .addSelect('q.upper', 'upper')
      .where('q.claim_id IN (:...ids)', { ids })
      .orderBy('q.claim_id')
      .addOrderBy('q.position')
      .getRawMany<{ claimId: string; variable: string; value: number | string | null; lower: number | string | null; upper: number | string | null }>(),
    manager
      .createQueryBuilder(Attribution, 'a')
      .leftJoin(RelayHop, 'h', 'h.attribution_id = a.id')
      .select('a.claim_id', 'claimId')
      .addSelect('a.source_id', 'sourceId')
      .addSelect('h.source_id', 'relayId')
      .where('a.claim_id IN (:...ids)', { ids })
      .getRawMany<{ claimId: string; sourceId: string; relayId: string | null }>(),
  ]);
  const figures = groupBy(quantities, (q) => q.claimId);
  const spoken = groupBy(speakers, (s) => s.claimId);
  return claims.map((c) => ({
    id: c.id,
    statement: c.statement,
    place: c.place,
    eventTime: c.eventTime,
    quantities: (figures.get(c.id) ?? []).map((q) => ({ variable: q.variable, value: num(q.value), lower: num(q.lower), upper: num(q.upper) })),
    speakers: [...new Set((spoken.get(c.id) ?? []).flatMap((s) => (s.relayId ? [s.sourceId, s.relayId] : [s.sourceId])))],
    createdAt: c.createdAt,
  }));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
