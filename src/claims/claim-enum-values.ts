/**
 * A claim's editorial status, the precision of its time and place, and how it is sourced: the plain values, for code that must not load GraphQL (entities, exports, imports, the
 * demo story). claim.enums.ts registers them as GraphQL enums.
 */
export enum ClaimStatus {
  UNVERIFIED = 'UNVERIFIED',
  CORROBORATED = 'CORROBORATED',
  CONTESTED = 'CONTESTED',
  CONFIRMED = 'CONFIRMED',
  FALSE = 'FALSE',
  RETRACTED = 'RETRACTED',
}

/** How finely a place or a time is known; codes follow the spirit of UCDP's where_prec/date_prec. */
export enum TimePrecision {
  EXACT = 'EXACT',
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export enum PlacePrecision {
  EXACT = 'EXACT',
  NEAR = 'NEAR',
  ADMIN2 = 'ADMIN2',
  ADMIN1 = 'ADMIN1',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
}

/** How a claim is sourced, derived from its live attributions (claims/analysis/sourcing.ts, docs/sourcing-rules.md). */
export enum Sourcing {
  UNSOURCED = 'UNSOURCED',
  SINGLE_SOURCE = 'SINGLE_SOURCE',
  ANONYMOUS_ONLY = 'ANONYMOUS_ONLY',
  CORROBORATED = 'CORROBORATED',
  CONTESTED = 'CONTESTED',
}
