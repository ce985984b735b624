import { Initial1795529987498 } from './1795529987498-Initial';
import { Analysis1795531026459 } from './1795531026459-Analysis';
import { Access1795531453492 } from './1795531453492-Access';
import { ClaimExternalId1795532507329 } from './1795532507329-ClaimExternalId';
import { DiscrepancyFlag1795533731575 } from './1795533731575-DiscrepancyFlag';
import { LiveSourceName1795980580256 } from './1795980580256-LiveSourceName';
import { ClaimTextMatching1795983000000 } from './1795983000000-ClaimTextMatching';
import { ClaimMerge1795983034744 } from './1795983034744-ClaimMerge';
import { QuantityVariables1795983888612 } from './1795983888612-QuantityVariables';
import { ClaimUpdatedAtIndex1795990000001 } from './1795990000001-ClaimUpdatedAtIndex';
import { FilterColumns1795991709824 } from './1795991709824-FilterColumns';
import { FigureSpan1795992011544 } from './1795992011544-FigureSpan';
import { ClaimStatementTrigrams1795996100000 } from './1795996100000-ClaimStatementTrigrams';
import { AnonymityGrantVagueFigure1795995000001 } from './1795995000001-AnonymityGrantVagueFigure';
import { ClaimMatchingIndexes1795991000000 } from './1795991000000-ClaimMatchingIndexes';
import { WireLink1795992000000 } from './1795992000000-WireLink';
import { ClaimSourceAnonymity1796013863439 } from './1796013863439-ClaimSourceAnonymity';
import { ClaimDeletedIndex1796020000000 } from './1796020000000-ClaimDeletedIndex';
import { FigureSpanKeyByClaim1796030933582 } from './1796030933582-FigureSpanKeyByClaim';

/** Applied in this order. A newly generated migration must be added here. */
export const POSTGRES_MIGRATIONS: Function[] = [Initial1795529987498, Analysis1795531026459, Access1795531453492, ClaimExternalId1795532507329, DiscrepancyFlag1795533731575, LiveSourceName1795980580256, ClaimTextMatching1795983000000, ClaimMerge1795983034744, QuantityVariables1795983888612, ClaimUpdatedAtIndex1795990000001, ClaimMatchingIndexes1795991000000, FilterColumns1795991709824, WireLink1795992000000, FigureSpan1795992011544, AnonymityGrantVagueFigure1795995000001, ClaimStatementTrigrams1795996100000, ClaimSourceAnonymity1796013863439, ClaimDeletedIndex1796020000000, FigureSpanKeyByClaim1796030933582];
