import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { BREAK, DocumentNode, visit } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { UnauthenticatedError } from '../common/errors';
import { RateLimits } from '../limits/rate-limits';
import { withStatus } from '../limits/query-limits.plugin';
import { AccessService } from './access.service';
import { actorOfRequest } from './auth.guard';

type Context = { req?: IncomingMessage };

/**
 * The schema is described only to holders of a valid key: introspection (`__schema`, `__type`)
 * is refused without one, and validation errors lose graphql-js's "Did you mean ...?" hints, which
 * would otherwise spell out field names to anyone who guesses.
 */
@Plugin()
export class SchemaExposurePlugin implements ApolloServerPlugin<Context> {
  constructor(
    private readonly access: AccessService,
    private readonly limits: RateLimits,
  ) {}

  async requestDidStart({ contextValue }: { contextValue: Context }): Promise<GraphQLRequestListener<Context>> {
    const authenticated = async () => !!contextValue.req && (await actorOfRequest(contextValue.req, this.access, this.limits)) !== null;
    return {
      async validationDidStart() {
        // Decided before validation, so the end hook needs no await.
        const hints = await authenticated();
        // Synchronous inside: Apollo does not wait for its end hooks before it sends the errors.
        return async (errors) => {
          if (hints) return;
          for (const error of errors ?? []) error.message = error.message.replace(/ ?Did you mean .+?\?$/s, '');
        };
      },
      async didResolveOperation({ document }) {
        if (introspects(document) && !(await authenticated())) throw withStatus(new UnauthenticatedError('Introspection needs a valid API key'));
      },
    };
  }
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
