import { Sourcing } from './claim-enum-values';
import { Claim } from './claim.entity';
import { ClaimModel } from './claim.model';

/** The API shows an absent place or time as null rather than an object of nulls. */
export function toClaimModel(claim: Claim): ClaimModel {
  const place = Object.values(claim.place ?? {}).some((v) => v !== null) ? claim.place : null;
  const eventTime = claim.eventTime?.start || claim.eventTime?.end ? claim.eventTime : null;
  return Object.assign(new ClaimModel(), {
    id: claim.id,
    statement: claim.statement,
    hedge: claim.hedge,
    tags: claim.tags,
    status: claim.status,
    place,
    eventTime,
    independentSourceCount: claim.independentSourceCount,
    denyingSourceCount: claim.denyingSourceCount,
    questioningSourceCount: claim.questioningSourceCount,
    sourcing: claim.sourcing as Sourcing,
    circular: claim.circular,
    hasDiscrepancy: claim.hasDiscrepancy,
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    deletedAt: claim.deletedAt,
    createdBy: claim.createdBy,
  });
}
