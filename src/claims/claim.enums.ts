import { registerEnumType } from '@nestjs/graphql';
import { ClaimStatus, PlacePrecision, TimePrecision } from './claim-enum-values';

registerEnumType(ClaimStatus, { name: 'ClaimStatus', description: 'Editorial status; changes only through setClaimStatus.' });
registerEnumType(TimePrecision, { name: 'TimePrecision' });
registerEnumType(PlacePrecision, { name: 'PlacePrecision', description: 'How precisely the place is known: EXACT, NEAR, ADMIN2, ADMIN1, COUNTRY, REGION.' });

export enum ClaimSort {
  NEWEST = 'NEWEST',
  EVENT_TIME = 'EVENT_TIME',
}
registerEnumType(ClaimSort, { name: 'ClaimSort', description: 'NEWEST: most recently logged first. EVENT_TIME: latest event first, undated last.' });

export enum AnonymityFilter {
  ANONYMOUS_ONLY = 'ANONYMOUS_ONLY',
  NAMED_ONLY = 'NAMED_ONLY',
}
registerEnumType(AnonymityFilter, {
  name: 'AnonymityFilter',
  description: 'ANONYMOUS_ONLY: every attributed speaker is anonymous. NAMED_ONLY: none is.',
});

export enum DeletedFilter {
  EXCLUDE = 'EXCLUDE',
  INCLUDE = 'INCLUDE',
  ONLY = 'ONLY',
}
registerEnumType(DeletedFilter, { name: 'DeletedFilter', description: 'Whether deleted records are listed: EXCLUDE (default), INCLUDE or ONLY.' });

export { ClaimStatus, PlacePrecision, TimePrecision };
