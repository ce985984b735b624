import { ForbiddenError } from '../common/errors';
import { Actor } from './actor';
import { Role, isEditorial } from './role';

/**
 * Row-level rule behind the role rules: editors and admins edit anything; a reporter edits only
 * records they created, and only while the claim they belong to is still UNVERIFIED.
 */
export function assertCanEdit(actor: Actor, record: { createdBy: string | null }, claimStatus?: string): void {
  if (isEditorial(actor.role)) return;
  if (actor.role !== Role.REPORTER) throw new ForbiddenError(`The ${actor.role} role cannot change records`);
  if (record.createdBy !== actor.id) throw new ForbiddenError('Reporters can change only records they created');
  if (claimStatus !== undefined && claimStatus !== 'UNVERIFIED') {
    throw new ForbiddenError(`The claim is ${claimStatus}: only editors can change it now`);
  }
}

export function assertEditorial(actor: Actor, what: string): void {
  if (!isEditorial(actor.role)) throw new ForbiddenError(`Only editors and admins can ${what}`);
}
