import { ApiKey } from './access/api-key.entity';
import { FigureSpan } from './claims/analysis/figure-span.entity';
import { ClaimSource } from './claims/analysis/claim-source.entity';
import { User } from './access/user.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { Article } from './articles/article.entity';
import { Attribution } from './attributions/attribution.entity';
import { Citation } from './attributions/citation.entity';
import { RelayHop } from './attributions/relay-hop.entity';
import { ClaimQuantity } from './claims/claim-quantity.entity';
import { ClaimStatusChange } from './claims/claim-status-change.entity';
import { Claim } from './claims/claim.entity';
import { ClaimMerge } from './claims/merging/claim-merge.entity';
import { WireLink } from './articles/wire-link.entity';
import { QuantityVariable } from './claims/variables/quantity-variable.entity';
import { ReliabilityChange } from './sources/reliability-change.entity';
import { SourceAlias } from './sources/source-alias.entity';
import { Source } from './sources/source.entity';

/** Every entity, for the data source (data-source-options.ts). At the root: it names every domain's entities, and database/ sits below them. */
export const ENTITIES = [
  Source,
  SourceAlias,
  ReliabilityChange,
  Article,
  Claim,
  ClaimQuantity,
  FigureSpan,
  ClaimStatusChange,
  ClaimMerge,
  WireLink,
  QuantityVariable,
  Attribution,
  RelayHop,
  Citation,
  ClaimSource,
  User,
  ApiKey,
  AuditEvent,
];
