import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = GraphQLResolveInfo['fragments'];

/**
 * Whether the client asked for `name` directly under the current field (through fragments too).
 * Lets a resolver skip work nobody reads, such as counting a whole filtered table for `totalCount`.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return subfieldsOf(info.fieldNodes, info.fragments, 'name').has(name);
}

/**
 * The fields selected under `nodes`, as graphql-js collects them for an object type: keyed by response key (alias, or
 * name) or, with `by: 'name'`, by field name, in the order first seen, each with every node that selects it, fragments
 * and inline fragments merged in place (each named fragment once).
 *
 * Unlike graphql-js's collectSubfields it needs neither the schema nor the variables:
 * - a fragment's type condition is not checked. Below an object type every fragment that validates applies (it is on
 *   that type, or on an interface or union that holds it), and the callers only collect below object types.
 * - @skip and @include are not evaluated: a skipped field is collected anyway, so a plan made once serves every value
 *   of the variables (graphql-js leaves the field out of the response). The direct path, which writes the response
 *   itself, declines documents with directives before collecting anything.
 */
export function subfieldsOf(nodes: readonly FieldNode[], fragments: Fragments, by: 'response' | 'name' = 'response'): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === 'Field') {
        const key = by === 'name' ? s.name.value : (s.alias ?? s.name).value;
        const list = out.get(key);
        if (list) list.push(s);
        else out.set(key, [s]);
      } else if (s.kind === 'InlineFragment') {
        collect(s.selectionSet);
      } else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = fragments[s.name.value];
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) if (node.selectionSet) collect(node.selectionSet);
  return out;
}
