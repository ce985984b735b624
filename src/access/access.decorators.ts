import { SetMetadata } from '@nestjs/common';
import { Role } from '../core/role';

export const ROLES_KEY = 'claimdesk:roles';
export const PUBLIC_KEY = 'claimdesk:public';

/** For HTTP controllers: which roles may call the route (GraphQL uses mutation-rules.ts). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a key, such as documentation. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
