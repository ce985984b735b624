import { foldKey } from '../../common/text';

export { contentWords, textSimilarity } from '../../common/text-similarity';

const DENIAL = /\b(den(y|ies|ied|ial)|reject(s|ed)?|dismiss(es|ed)?|refut(e|es|ed)|false|never|not|no)\b/;

/** True when the statement reports a denial: "the ministry denied that ..." is not the claim it denies. */
export function isDenial(statement: string): boolean {
  return isDenialFolded(foldKey(statement));
}

/** "no fewer than 400", "not more than 20": bounds on a figure, not denials. */
const FIGURE_BOUND = /\b(no|not) (fewer|less|more) than\b/g;

/** isDenial of a statement already folded (foldKey or foldStatement: the cue words have no digits). */
export function isDenialFolded(folded: string): boolean {
  return DENIAL.test(folded.replace(FIGURE_BOUND, ''));
}
