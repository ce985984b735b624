import { STATUS_DECIDERS } from './edit-policy';
import { Role } from '../core/role';

const { REPORTER, EDITOR, ADMIN } = Role;
const WRITERS = [REPORTER, EDITOR, ADMIN];
const EDITORS = [EDITOR, ADMIN];

/**
 * Which roles may call each mutation. A mutation missing here is refused for everyone, and a
 * test fails until it has a rule. Row-level rules (a reporter edits only their own records
 * while the claim is unverified) are enforced by the services.
 */
export const MUTATION_RULES: Record<string, Role[]> = {
  createSource: WRITERS,
  updateSource: WRITERS,
  mergeSources: EDITORS,
  linkSources: EDITORS,
  unlinkSources: EDITORS,
  setSourceReliability: EDITORS,
  createArticle: WRITERS,
  updateArticle: WRITERS,
  createClaim: WRITERS,
  updateClaim: WRITERS,
  logClaim: WRITERS,
  setClaimStatus: [...STATUS_DECIDERS],
  mergeClaims: EDITORS,
  unmergeClaim: EDITORS,
  linkWireCopies: EDITORS,
  unlinkWireCopies: EDITORS,
  defineQuantityVariable: EDITORS,
  addAttribution: WRITERS,
  updateAttribution: WRITERS,
  removeAttribution: WRITERS,
  addCitation: WRITERS,
  acceptSuggestion: WRITERS,
  deleteRecord: WRITERS,
  restoreRecord: EDITORS,
  createUser: [ADMIN],
  updateUser: [ADMIN],
  createApiKey: [ADMIN],
  revokeApiKey: [ADMIN],
};
