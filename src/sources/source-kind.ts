/** Stored as varchar (portable); exposed as GraphQL enums. */
export enum SourceKind {
  ARMED_GROUP = 'ARMED_GROUP',
  MILITARY = 'MILITARY',
  GOVERNMENT = 'GOVERNMENT',
  MONITORING_GROUP = 'MONITORING_GROUP',
  ACTIVIST_COLLECTIVE = 'ACTIVIST_COLLECTIVE',
  MEDIA_OUTLET = 'MEDIA_OUTLET',
  NEWS_AGENCY = 'NEWS_AGENCY',
  NGO = 'NGO',
  INDIVIDUAL = 'INDIVIDUAL',
  ANONYMOUS = 'ANONYMOUS',
}

/** Admiralty (NATO) source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export enum Reliability {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
}

/** Whether a source of this kind is known only by a description (Source.anonymous). */
export function isAnonymousKind(kind: string): boolean {
  return kind === SourceKind.ANONYMOUS;
}

/** isAnonymousKind in SQL, over the source row aliased `at`, for the trees that write Source.anonymous in SQL. */
export function anonymousSql(at: string): string {
  return `(${at}.kind = '${SourceKind.ANONYMOUS}')`;
}
