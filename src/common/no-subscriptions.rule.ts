import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * The schema has no Subscription type; graphql-js would only notice while executing and answer
 * INTERNAL_SERVER_ERROR. As a validation rule the operation is refused as GRAPHQL_VALIDATION_FAILED.
 */
export const NoSubscriptions: ValidationRule = (context: ValidationContext) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription' && !context.getSchema().getSubscriptionType()) {
      context.reportError(new GraphQLError('Subscriptions are not supported: send a query or a mutation', { nodes: node }));
    }
  },
});
