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
