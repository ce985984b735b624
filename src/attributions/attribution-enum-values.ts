/**
 * An attribution's stance and mode: the plain values, for code that must not load GraphQL (entities, exports, imports, the
 * demo story). attribution.enums.ts registers them as GraphQL enums.
 */
export enum Stance {
  ASSERTS = 'ASSERTS',
  DENIES = 'DENIES',
  QUESTIONS = 'QUESTIONS',
}

export enum AttributionMode {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  PARAPHRASE = 'PARAPHRASE',
}
