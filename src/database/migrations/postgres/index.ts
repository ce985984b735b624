import { Initial1795529987498 } from './1795529987498-Initial';
import { Analysis1795531026459 } from './1795531026459-Analysis';
import { Access1795531453492 } from './1795531453492-Access';
import { ClaimExternalId1795532507329 } from './1795532507329-ClaimExternalId';
import { ClaimUpdatedAtIndex1795540000001 } from './1795540000001-ClaimUpdatedAtIndex';
import { DiscrepancyFlag1795533731575 } from './1795533731575-DiscrepancyFlag';

/** Applied in this order. A newly generated migration must be added here. */
export const POSTGRES_MIGRATIONS: Function[] = [Initial1795529987498, Analysis1795531026459, Access1795531453492, ClaimExternalId1795532507329, DiscrepancyFlag1795533731575, ClaimUpdatedAtIndex1795540000001];
