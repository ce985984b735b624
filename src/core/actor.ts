import { Role } from './role';

/** Who is acting: the user behind the API key, or the system itself (demo loader, CLI). */
export interface Actor {
  id: string | null;
  name: string;
  role: Role;
  /** The API key the request came with (its id, for logs); absent for the system. */
  keyId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: Role.ADMIN };
