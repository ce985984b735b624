import { foldKey } from '../../common/text';

export { contentWords, textSimilarity } from '../../common/text-similarity';

const DENIAL = /\b(den(y|ies|ied|ial)|reject(s|ed)?|dismiss(es|ed)?|refut(e|es|ed)|false|never|not|no)\b/;

/** True when the statement reports a denial: "the ministry denied that ..." is not the claim it denies. */
export function isDenial(statement: string): boolean {
  return DENIAL.test(foldKey(statement));
}
