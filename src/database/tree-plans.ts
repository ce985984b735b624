import { FieldNode, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo, getNamedType } from 'graphql';
import { PlanCache, PlanKind } from './plan-cache';

/**
 * Apollo's compiled trees for one field (a root's, or a relation's), in the plan cache under the field's nodes in
 * their parsed query: Apollo keeps parsed queries across requests, so a query the desk sends all day is compiled once,
 * and each request finds its plan with one lookup.
 */
export class TreePlans<P> {
  private readonly plans: PlanKind<P>;

  constructor(
    cache: PlanCache,
    kind: string,
    private readonly build: (info: GraphQLResolveInfo) => P,
  ) {
    this.plans = cache.kind(kind);
  }

  for(info: GraphQLResolveInfo): P {
    // By all the field's nodes, not the first alone: one field node can be merged with different siblings (a fragment
    // used in two places, two operations in one document), and each merge selects differently.
    return this.plans.get(info.fieldNodes.map(nodeId).join(' '), () => this.build(info));
  }
}

/** The object type a field shows, through lists and non-nulls. */
export function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType {
  const named = getNamedType(type);
  if (!(named instanceof GraphQLObjectType)) throw new Error(`A tree is read for an object type, not ${named.name}`);
  return named;
}

const nodeIds = new WeakMap<FieldNode, number>();
let nextNodeId = 0;

/**
 * A number for each field node of a parsed document, for as long as the document lives: a plan's key. A plan whose
 * document Apollo has dropped is never asked for again, and leaves the cache as others come in.
 */
function nodeId(node: FieldNode): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextNodeId++));
  return id;
}
