import { Field, ID, InterfaceType } from '@nestjs/graphql';

const NODE_TYPE = Symbol('node type');

/** Marks a value returned as a Node with its GraphQL type, for the interface to resolve. */
export function asNode<T extends object>(type: string, value: T): T {
  Object.defineProperty(value, NODE_TYPE, { value: type, enumerable: false });
  return value;
}

/**
 * Relay's global object identification. Every id claimdesk issues is a UUID, unique across all
 * record types, so the id is already global: node(id:) finds the record without a type prefix, and
 * clients keep using the ids the rest of the API returns.
 */
@InterfaceType('Node', {
  description: 'A record that can be fetched again by its id alone, with node(id:).',
  resolveType: (value: object) => (value as Record<symbol, string>)[NODE_TYPE],
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Unique across every record type.' })
  id: string;
}
