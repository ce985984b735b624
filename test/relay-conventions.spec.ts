import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLField, GraphQLFieldMap, GraphQLObjectType, buildSchema, getNamedType, isObjectType } from 'graphql';
import { connectionArgs, connectionDefinitions, nodeDefinitions } from 'graphql-relay';

/**
 * claimdesk's schema against what Relay clients expect, taken from graphql-relay (the reference
 * implementation of the Relay server specifications): PageInfo, connection arguments, edges, and
 * Node with node(id:). The expected shapes are graphql-relay's own types, not a list kept here.
 */
describe('Relay conventions (schema.gql against graphql-relay)', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
  const shape = (fields: GraphQLFieldMap<unknown, unknown>) => Object.fromEntries(Object.values(fields).map((f) => [f.name, String(f.type)]));
  const argsOf = (field: GraphQLField<unknown, unknown>) => Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
  const connectionFields = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ owner: type.name, field, type: getNamedType(field.type) })))
    .filter(({ type }) => type.name.endsWith('Connection'));

  it('has the PageInfo that Relay reads, field for field', () => {
    const claim = schema.getType('Claim') as GraphQLObjectType;
    const relayPageInfo = getNamedType(connectionDefinitions({ nodeType: claim }).connectionType.getFields().pageInfo.type) as GraphQLObjectType;
    expect(shape((schema.getType('PageInfo') as GraphQLObjectType).getFields())).toEqual(shape(relayPageInfo.getFields()));
  });

  it('finds the connections it checks', () => {
    expect(connectionFields.map(({ owner, field }) => `${owner}.${field.name}`).sort()).toEqual(
      expect.arrayContaining(['Query.claims', 'Query.sources', 'Query.articles', 'Query.auditEvents', 'Query.history', 'Source.attributions']),
    );
  });

  it.each(['claims', 'sources', 'articles', 'auditEvents', 'history'])('Query.%s takes Relay\'s connection arguments, both ways', (name) => {
    const field = connectionFields.find((c) => c.owner === 'Query' && c.field.name === name)!.field;
    const relayArgs = Object.fromEntries(Object.entries(connectionArgs).map(([arg, config]) => [arg, String(config.type)]));
    expect(argsOf(field)).toEqual(expect.objectContaining(relayArgs));
  });

  it('gives every connection edges with a cursor and a node, and a PageInfo', () => {
    for (const { type } of connectionFields) {
      const connection = type as GraphQLObjectType;
      const nodeType = getNamedType(connection.getFields().nodes.type) as GraphQLObjectType;
      const relay = connectionDefinitions({ nodeType });
      const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
      const relayEdge = relay.edgeType.getFields();
      expect({ connection: connection.name, cursor: String(edge.getFields().cursor.type), node: getNamedType(edge.getFields().node.type).name }).toEqual({
        connection: connection.name,
        cursor: String(relayEdge.cursor.type),
        node: getNamedType(relayEdge.node.type).name,
      });
      expect(String(connection.getFields().pageInfo.type)).toBe(String(relay.connectionType.getFields().pageInfo.type));
    }
  });

  it('has the Node interface and the node(id:) field Relay refetches with', () => {
    const relay = nodeDefinitions(() => null);
    const node = schema.getQueryType()!.getFields().node;
    expect({ type: String(node.type), args: argsOf(node) }).toEqual({ type: String(relay.nodeField.type), args: Object.fromEntries(Object.entries(relay.nodeField.args!).map(([n, a]) => [n, String(a.type)])) });
    const iface = schema.getType('Node') as unknown as { getFields(): GraphQLFieldMap<unknown, unknown> };
    expect(shape(iface.getFields())).toEqual(shape(relay.nodeInterface.getFields()));
    expect(schema.getImplementations(schema.getType('Node') as never).objects.map((t) => t.name).sort()).toEqual(['Article', 'Attribution', 'Citation', 'Claim', 'Source']);
  });
});
