import { Initial1795529985275 } from './1795529985275-Initial';
import { ClaimExternalId1795530836817 } from './1795530836817-ClaimExternalId';

/** Applied in this order. A newly generated migration must be added here. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795529985275, ClaimExternalId1795530836817];
