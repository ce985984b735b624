import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from './actor';

/** The authenticated actor, as the AuthGuard found it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ actor: Actor }>().actor;
  return context.switchToHttp().getRequest<{ actorValue: Actor }>().actorValue;
});
