import { Sourcing } from './claim-enum-values';
import { Claim } from './claim.entity';
import { ClaimModel } from './claim.model';

/**
 * A stored claim as the API's Claim type. Every column carries over under its own name, so a new column of the
 * entity reaches the model's field of the same name with no line here (test/read-parity.e2e-spec.ts compares this
 * path with the SQL paths field by field). Only what the API shows differently is set: an absent place or time is
 * null rather than an object of nulls.
 */
export function toClaimModel(claim: Claim): ClaimModel {
  const place = Object.values(claim.place ?? {}).some((v) => v !== null) ? claim.place : null;
  const eventTime = claim.eventTime?.start || claim.eventTime?.end ? claim.eventTime : null;
  return Object.assign(new ClaimModel(), claim, { place, eventTime, sourcing: claim.sourcing as Sourcing });
}
