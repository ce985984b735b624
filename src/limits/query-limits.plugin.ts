import { ApolloServerPlugin, GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { DomainError } from '../common/errors';
import { toGraphQLError } from '../common/graphql-errors';
import { HTTP_STATUS } from '../common/http-errors';
import { QueryLimits } from './query-limits';

/**
 * The query limits on Apollo's path, once it has picked the operation and before anything executes.
 * The token limit is applied by Apollo's parser itself (parseOptions in app.module.ts; the refusal is
 * worded in common/graphql-errors.ts). The direct path applies the same QueryLimits.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  constructor(private readonly limits: QueryLimits) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const limits = this.limits;
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const refusal = limits.checkOperation(schema, document, operation, request.variables);
        if (refusal) throw withStatus(refusal);
      },
    };
  }
}

/** A domain error as Apollo sends it from a plugin hook, with the HTTP status the REST routes would give it. */
export function withStatus(error: DomainError, headers: Array<[string, string]> = []): GraphQLError {
  const graphql = toGraphQLError(error);
  return new GraphQLError(graphql.message, { extensions: { ...graphql.extensions, http: { status: HTTP_STATUS[error.code], headers: new HeaderMap(headers) } } });
}
