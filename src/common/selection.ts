import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client asked for `name` directly under the current field (through fragments too).
 * Lets a resolver skip work nobody reads, such as counting a whole filtered table for `totalCount`.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectionOf(info.fieldNodes, info.fragments).has(name);
}

/** Sub-selections by field name (not alias), merged across repeated fields and fragments. */
export type Selection = Map<string, SelectionSetNode[]>;

/**
 * The fields selected under `nodes`, for looking ahead at what a resolver's children will ask for.
 * @skip and @include are not evaluated: a skipped field is read anyway, and graphql-js leaves it out.
 */
export function selectionOf(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments']): Selection {
  const out: Selection = new Map();
  for (const node of nodes) if (node.selectionSet) collect(node.selectionSet, fragments, out);
  return out;
}

/** The fields selected under one field of an existing selection. */
export function childSelection(selection: Selection, field: string, fragments: GraphQLResolveInfo['fragments']): Selection {
  const out: Selection = new Map();
  for (const set of selection.get(field) ?? []) collect(set, fragments, out);
  return out;
}

function collect(set: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], out: Selection): void {
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      const sets = out.get(s.name.value) ?? [];
      if (s.selectionSet) sets.push(s.selectionSet);
      out.set(s.name.value, sets);
    } else if (s.kind === 'InlineFragment') {
      collect(s.selectionSet, fragments, out);
    } else {
      const fragment = fragments[s.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, out);
    }
  }
}

/** Two selections as one, as GraphQL merges repeated fields. */
export function mergeSelections(...selections: Selection[]): Selection {
  const out: Selection = new Map();
  for (const selection of selections) for (const [name, sets] of selection) out.set(name, [...(out.get(name) ?? []), ...sets]);
  return out;
}
