export enum Stance {
  ASSERTS = 'ASSERTS',
  DENIES = 'DENIES',
  QUESTIONS = 'QUESTIONS',
}

export enum AttributionMode {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  PARAPHRASE = 'PARAPHRASE',
}
