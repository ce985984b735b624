import { Initial1795529987498 } from './1795529987498-Initial';
import { ClaimExternalId1795530841978 } from './1795530841978-ClaimExternalId';

/** Applied in this order. A newly generated migration must be added here. */
export const POSTGRES_MIGRATIONS: Function[] = [Initial1795529987498, ClaimExternalId1795530841978];
