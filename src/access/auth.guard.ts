import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { RateLimits } from '../limits/rate-limits';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { AccessService } from './access.service';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { Actor } from '../core/actor';
import { bearerToken } from './api-keys';
import { MUTATION_RULES } from './mutation-rules';
import { rolesForQuery } from './query-rules';
import { Role } from '../core/role';

type Carrier = IncomingMessage & { actor?: Promise<Actor | null> };

/**
 * Every request needs a valid API key; what it may do depends on the key's role. GraphQL
 * mutations are checked against MUTATION_RULES (a mutation without a rule is refused),
 * queries against QUERY_RULES, HTTP routes against their @Roles metadata.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly access: AccessService,
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const ctx = gql.getContext<{ req: Carrier; actor?: Actor }>();
      const { parentType, fieldName } = gql.getInfo();
      const actor = await this.actorOf(ctx.req);
      ctx.actor = actor;
      const allowed = parentType.name === 'Mutation' ? (MUTATION_RULES[fieldName] ?? []) : rolesForQuery(fieldName);
      return this.check(actor, allowed, fieldName);
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<Carrier & { actorValue?: Actor; method: string; path: string }>();
    const actor = await this.actorOf(req);
    req.actorValue = actor;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? Object.values(Role);
    return this.check(actor, roles, `${req.method} ${req.path}`);
  }

  private check(actor: Actor, allowed: Role[], what: string): boolean {
    if (!allowed.includes(actor.role)) throw new ForbiddenError(`The ${actor.role} role may not use ${what}`);
    return true;
  }

  /** Looked up once per request, however many root fields it has. */
  private async actorOf(req: Carrier): Promise<Actor> {
    const actor = await actorOfRequest(req, this.access, this.limits);
    if (!actor) throw new UnauthenticatedError(whyUnauthenticated(req.headers.authorization));
    return actor;
  }
}

/** The request's actor, looked up once per request (by the guard, or by a plugin before it); null without a valid key. */
export function actorOfRequest(req: Carrier, access: AccessService, limits: RateLimits): Promise<Actor | null> {
  req.actor ??= (async () => {
    const token = bearerToken(req.headers.authorization);
    return token ? access.authenticate(token, limits.clientOf(req)) : null;
  })();
  return req.actor;
}

/** Says which of the three went wrong: no header, a header of the wrong shape, or a key we do not accept. */
function whyUnauthenticated(header: string | string[] | undefined): string {
  if (!header) return 'A valid API key is required: send the header Authorization: Bearer <key>';
  if (!bearerToken(header)) return 'The Authorization header must be "Bearer " followed by the key, e.g. Authorization: Bearer cdk_...';
  return 'This API key is not valid or has been revoked';
}
