import { Role } from '../core/role';

/** Queries limited to some roles; every other query is open to any valid key. */
const QUERY_RULES: Record<string, Role[]> = {
  history: [Role.EDITOR, Role.ADMIN],
  auditEvents: [Role.EDITOR, Role.ADMIN],
  users: [Role.ADMIN],
  people: [Role.EDITOR, Role.ADMIN],
};

const EVERY_ROLE = Object.values(Role);

/** The roles that may use a query field. */
export function rolesForQuery(fieldName: string): Role[] {
  return QUERY_RULES[fieldName] ?? EVERY_ROLE;
}
