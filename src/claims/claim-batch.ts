import { CreateArticleInput } from '../articles/dto/article-fields.input';
import { ImportedClaim } from './claims.service';
import { CreateClaimInput } from './dto/claim-fields.input';
import { LogAttributionInput } from './dto/log-claim.input';

/**
 * What logClaim, acceptSuggestion and imports hand to the one write orchestration
 * (LogClaimService.write): claims, each new or attached to a recorded one, with their attributions.
 */
export interface ClaimToWrite {
  /** A new claim, with what only an import sets. */
  create?: { input: CreateClaimInput; imported?: ImportedClaim };
  /** Or the recorded claim the attributions are added to (logClaim's attachTo, under the edit policy). */
  attachTo?: string;
  attributions: AttributionToWrite[];
  /** Where an error about the claim itself points (an import's line). */
  line?: number;
}

export interface AttributionToWrite {
  /** The attribution's fields, its speaker, relays and quote, as logClaim takes them. */
  input: LogAttributionInput;
  /** The article it is cited in (found by canonical URL or created); none for an import row without one. */
  article: CreateArticleInput | null;
  /** An import's source ids in the file's system, for the speaker and each relay. */
  sourceIds?: { speaker: string | null; hops: Array<string | null> };
  /** Where errors point: logClaim's `attributions.0.source`, an import's `source_name`. */
  fields: AttributionFields;
  line?: number;
}

export interface AttributionFields {
  article: string;
  speaker: string;
  relay: (hop: number) => string;
  chain: string;
  quote: string;
  anonymityGranted: string;
}

/** logClaim's field names for attribution `i`. */
export function logClaimFields(i: number): AttributionFields {
  const field = `attributions.${i}`;
  return { article: 'article', speaker: `${field}.source`, relay: (j) => `${field}.via.${j}.source`, chain: `${field}.chain`, quote: `${field}.quote`, anonymityGranted: `${field}.anonymityGranted` };
}
