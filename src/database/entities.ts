import { Article } from '../articles/article.entity';
import { Attribution } from '../attributions/attribution.entity';
import { Citation } from '../attributions/citation.entity';
import { RelayHop } from '../attributions/relay-hop.entity';
import { ClaimQuantity } from '../claims/claim-quantity.entity';
import { Claim } from '../claims/claim.entity';
import { SourceAlias } from '../sources/source-alias.entity';
import { Source } from '../sources/source.entity';

export const ENTITIES = [Source, SourceAlias, Article, Claim, ClaimQuantity, Attribution, RelayHop, Citation];
