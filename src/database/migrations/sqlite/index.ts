import { Initial1795529985275 } from './1795529985275-Initial';
import { Analysis1795531020246 } from './1795531020246-Analysis';
import { Access1795531432801 } from './1795531432801-Access';
import { ClaimExternalId1795532496978 } from './1795532496978-ClaimExternalId';
import { DiscrepancyFlag1795533725233 } from './1795533725233-DiscrepancyFlag';
import { LiveSourceName1795980565006 } from './1795980565006-LiveSourceName';
import { ClaimTextMatching1795983000000 } from './1795983000000-ClaimTextMatching';
import { ClaimMerge1795983025904 } from './1795983025904-ClaimMerge';
import { QuantityVariables1795983875823 } from './1795983875823-QuantityVariables';
import { ClaimUpdatedAtIndex1795990000000 } from './1795990000000-ClaimUpdatedAtIndex';
import { FilterColumns1795991775696 } from './1795991775696-FilterColumns';
import { FigureSpan1795991979472 } from './1795991979472-FigureSpan';
import { ClaimStatementTrigrams1795996100000 } from './1795996100000-ClaimStatementTrigrams';
import { AnonymityGrantVagueFigure1795995000000 } from './1795995000000-AnonymityGrantVagueFigure';
import { ClaimMatchingIndexes1795991000000 } from './1795991000000-ClaimMatchingIndexes';
import { WireLink1795992000000 } from './1795992000000-WireLink';
import { ClaimFtsVocab1795996000000 } from './1795996000000-ClaimFtsVocab';
import { ClaimSourceAnonymity1796013845853 } from './1796013845853-ClaimSourceAnonymity';
import { ClaimDeletedIndex1796020000000 } from './1796020000000-ClaimDeletedIndex';
import { FigureSpanKeyByClaim1796030799815 } from './1796030799815-FigureSpanKeyByClaim';

/** Applied in this order. A newly generated migration must be added here. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795529985275, Analysis1795531020246, Access1795531432801, ClaimExternalId1795532496978, DiscrepancyFlag1795533725233, LiveSourceName1795980565006, ClaimTextMatching1795983000000, ClaimMerge1795983025904, QuantityVariables1795983875823, ClaimUpdatedAtIndex1795990000000, ClaimMatchingIndexes1795991000000, FilterColumns1795991775696, FigureSpan1795991979472, WireLink1795992000000, AnonymityGrantVagueFigure1795995000000, ClaimFtsVocab1795996000000, ClaimStatementTrigrams1795996100000, ClaimSourceAnonymity1796013845853, ClaimDeletedIndex1796020000000, FigureSpanKeyByClaim1796030799815];
