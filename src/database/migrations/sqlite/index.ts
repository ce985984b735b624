import { Initial1795529985275 } from './1795529985275-Initial';
import { Analysis1795531020246 } from './1795531020246-Analysis';
import { Access1795531432801 } from './1795531432801-Access';
import { ClaimExternalId1795532496978 } from './1795532496978-ClaimExternalId';
import { ClaimUpdatedAtIndex1795540000000 } from './1795540000000-ClaimUpdatedAtIndex';
import { DiscrepancyFlag1795533725233 } from './1795533725233-DiscrepancyFlag';

/** Applied in this order. A newly generated migration must be added here. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795529985275, Analysis1795531020246, Access1795531432801, ClaimExternalId1795532496978, DiscrepancyFlag1795533725233, ClaimUpdatedAtIndex1795540000000];
