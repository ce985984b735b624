import { Role } from './role';

/** Who is acting: the user behind the API key, or the system itself (demo loader, CLI). */
export interface Actor {
  id: string | null;
  name: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: Role.ADMIN };
