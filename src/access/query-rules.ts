import { Role } from './role';

/** Queries limited to some roles; every other query is open to any valid key. */
export const QUERY_RULES: Record<string, Role[]> = {
  history: [Role.EDITOR, Role.ADMIN],
  auditEvents: [Role.EDITOR, Role.ADMIN],
  users: [Role.ADMIN],
};
