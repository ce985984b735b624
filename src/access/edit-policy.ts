import { ForbiddenError } from '../common/errors';
import { Actor } from '../core/actor';
import { EDITORIAL_ROLES, Role, isEditorial } from '../core/role';

/**
 * The one edit policy, for every path that writes to a claim (its own mutations, child records,
 * imports, and whatever is added later):
 *
 * - editors and admins edit anything;
 * - a reporter edits only records they created, and only while the claim they belong to is still
 *   UNVERIFIED;
 * - adding to a claim (an attribution, a citation, or logClaim/acceptSuggestion with attachTo) is
 *   editing that claim;
 * - only editors and admins decide a claim's editorial status, whether through setClaimStatus or an
 *   import's status column.
 */
export function assertCanEdit(actor: Actor, record: { createdBy: string | null }, claimStatus?: string): void {
  const refusal = editRefusal(actor, record, claimStatus);
  if (refusal) throw new ForbiddenError(refusal);
}

/** The same rule as a yes or no, for the API's viewerCanEdit fields (the desk shows Edit only where it would be allowed). */
export function canEdit(actor: Actor, record: { createdBy?: string | null }, claimStatus?: string): boolean {
  return editRefusal(actor, { createdBy: record.createdBy ?? null }, claimStatus) === null;
}

function editRefusal(actor: Actor, record: { createdBy: string | null }, claimStatus?: string): string | null {
  if (isEditorial(actor.role)) return null;
  if (actor.role !== Role.REPORTER) return `The ${actor.role} role cannot change records`;
  if (record.createdBy !== actor.id) return 'Reporters can change only records they created';
  if (claimStatus !== undefined && claimStatus !== 'UNVERIFIED') return `The claim is ${claimStatus}: only editors can change it now`;
  return null;
}

/** Adding an attribution or a citation changes the claim's sourcing: allowed exactly when editing the claim is. */
export function assertCanAddTo(actor: Actor, claim: { createdBy: string | null; status: string }): void {
  if (isEditorial(actor.role)) return;
  if (actor.role === Role.REPORTER && claim.createdBy !== actor.id) {
    throw new ForbiddenError('Reporters can add attributions and citations only to claims they created; ask an editor');
  }
  assertCanEdit(actor, claim, claim.status);
}

/** Roles that decide editorial status (mutation-rules.ts gives setClaimStatus these roles). */
export const STATUS_DECIDERS: readonly Role[] = EDITORIAL_ROLES;

export function canDecideStatus(actor: Actor): boolean {
  return STATUS_DECIDERS.includes(actor.role);
}

export function assertEditorial(actor: Actor, what: string): void {
  if (!isEditorial(actor.role)) throw new ForbiddenError(`Only editors and admins can ${what}`);
}
