import { graphql } from './graphql';

/** The signed-in key lives in sessionStorage only: it is gone when the tab closes. */
const KEY = 'claimdesk.key';

export type Role = 'ADMIN' | 'EDITOR' | 'REPORTER' | 'RESEARCHER';
export interface Viewer {
  id: string | null;
  name: string;
  role: Role;
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

export const MeQuery = graphql(`query Me { me { id name role } }`);

/** What each role may do on the desk; the server enforces the same rules, this only shapes the screens. */
export const can = {
  log: (r: Role) => r !== 'RESEARCHER',
  edit: (r: Role) => r === 'EDITOR' || r === 'ADMIN',
  /** Who works on which claim (Claim.assignedTo) stays in the newsroom: the API gives researchers null. */
  seeAssignments: (r: Role) => r !== 'RESEARCHER',
  history: (r: Role) => r === 'EDITOR' || r === 'ADMIN',
  import: (r: Role) => r !== 'RESEARCHER',
  admin: (r: Role) => r === 'ADMIN',
};

export const HOME: Record<Role, string> = { REPORTER: '/log', EDITOR: '/claims', RESEARCHER: '/export', ADMIN: '/admin' };
