import { FieldError } from '../common/errors';

/**
 * A stated reason for anonymity implies the grant ("spoke on condition of anonymity because ..."),
 * so a reason with the grant switched off contradicts itself; the grant alone is fine.
 */
export function anonymityProblems(granted: boolean | undefined, reason: string | null | undefined, field: string): FieldError[] {
  if (granted !== false || !reason) return [];
  return [{ field: field ? `${field}.anonymityGranted` : 'anonymityGranted', message: 'cannot be false when anonymityReason is given' }];
}
