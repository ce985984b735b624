import { registerEnumType } from '@nestjs/graphql';

/** What a user may do; see src/access/mutation-rules.ts for the rule of every mutation. */
export enum Role {
  REPORTER = 'REPORTER',
  EDITOR = 'EDITOR',
  RESEARCHER = 'RESEARCHER',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'REPORTER logs and edits own unverified work; EDITOR edits anything and decides status; RESEARCHER reads and exports; ADMIN also manages users and keys.',
});

/** Roles that see everything, including deleted rows, history and confidential notes. */
export const EDITORIAL_ROLES = [Role.EDITOR, Role.ADMIN];

/** Roles that check claims: whom an editor may assign a claim to (Claim.assignedTo), and who reads the assignments. */
export const CHECKING_ROLES = [Role.REPORTER, ...EDITORIAL_ROLES];

export function isEditorial(role: Role): boolean {
  return EDITORIAL_ROLES.includes(role);
}
