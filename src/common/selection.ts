import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client asked for `name` directly under the current field (through fragments too).
 * Lets a resolver skip work nobody reads, such as counting a whole filtered table for `totalCount`.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => inSelection(node.selectionSet, name, info));
}

function inSelection(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  if (!set) return false;
  return set.selections.some((s) => {
    if (s.kind === 'Field') return (s as FieldNode).name.value === name;
    if (s.kind === 'InlineFragment') return inSelection(s.selectionSet, name, info);
    const fragment = info.fragments[s.name.value];
    return fragment ? inSelection(fragment.selectionSet, name, info) : false;
  });
}
