import { NotFoundError } from '../common/errors';
import { Actor } from '../core/actor';
import { isEditorial } from '../core/role';

/**
 * A record reached through another (an attribution's claim, a citation's article): a deleted one
 * is there for editors, who may restore it, and not found for everyone else. Lists beneath a
 * record leave deleted rows out for everyone (attributions.service.ts, the claim trees).
 */
export function readable<T extends { deletedAt?: Date | null }>(value: T | null, type: string, id: string, ctx: { actor: Actor }): T {
  if (value === null || (value.deletedAt && !isEditorial(ctx.actor.role))) throw new NotFoundError(type, id);
  return value;
}
