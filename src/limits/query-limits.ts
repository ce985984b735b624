import { Injectable } from '@nestjs/common';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  Lexer,
  OperationDefinitionNode,
  SelectionSetNode,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
} from 'graphql';
import { QueryTooComplexError } from '../common/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';
import { QueryLimitSettings, queryLimits } from '../config/settings';

/** What a list without `first` and without a declared bound is assumed to hold, for the cost estimate. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * A list field's most items, declared on the field with `@Extensions({ [LIST_BOUND]: n })`, so the
 * cost estimate and the resolver's LIMIT come from one number.
 */
export const LIST_BOUND = 'listBound';

/** The field whose every call is an extraction run (counted against maxExtractions). */
const EXTRACTION_FIELD = 'suggestAttributions';

/** How much an operation asks for. Fragments are expanded; introspection fields (`__schema`...) are not counted. */
export interface QueryMeasure {
  depth: number;
  cost: number;
  aliases: number;
  extractions: number;
  rootFields: number;
}

interface Tally {
  depth: number;
  cost: number;
  aliases: number;
  extractions: number;
  fields: number;
}

const NOTHING: Tally = { depth: 0, cost: 0, aliases: 0, extractions: 0, fields: 0 };

/** Lexical tokens of `query`, counting stops just past `max`; a lexing error ends the count (parse will report it). */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error: the parser words it.
  }
  return count;
}

/**
 * Measures one operation of a parsed document in one pass. Each fragment is measured once and its
 * measure reused wherever it is spread, so a document that spreads fragments into each other
 * cannot make this (or the count) grow faster than the document itself.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const memo = new Map<string, Tally>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined | null, seen: ReadonlySet<string>): Tally => {
    const t = { ...NOTHING };
    const add = (child: Tally) => {
      t.depth = Math.max(t.depth, child.depth);
      t.cost += child.cost;
      t.aliases += child.aliases;
      t.extractions += child.extractions;
      t.fields += child.fields;
    };
    for (const selection of set.selections) {
      if (selection.kind === 'InlineFragment') {
        add(walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, seen));
      } else if (selection.kind === 'FragmentSpread') {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is a validation error; it is not followed here.
        if (!fragment || seen.has(name)) continue;
        let tally = memo.get(name);
        if (!tally) {
          tally = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set([...seen, name]));
          memo.set(name, tally);
        }
        add(tally);
      } else {
        add(measureField(selection, parent));
      }
    }
    return t;
  };

  const measureField = (node: FieldNode, parent: GraphQLNamedType | undefined | null): Tally => {
    const name = node.name.value;
    const alias = node.alias ? 1 : 0;
    if (name.startsWith('__')) return { ...NOTHING, aliases: alias, fields: 1 };
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    // An unknown field is a validation error, reported by graphql-js.
    if (!field) return { ...NOTHING, aliases: alias, fields: 1 };
    const child = node.selectionSet ? walk(node.selectionSet, getNamedType(field.type), new Set()) : NOTHING;
    return {
      depth: 1 + child.depth,
      // Objects only: a leaf value is part of its object's cost.
      cost: node.selectionSet ? listSize(parent, field, node, variables) * (1 + child.cost) : 0,
      aliases: alias + child.aliases,
      extractions: (name === EXTRACTION_FIELD ? 1 : 0) + child.extractions,
      fields: 1,
    };
  };

  const root = walk(operation.selectionSet, schema.getRootType(operation.operation), new Set());
  return { depth: root.depth, cost: root.cost, aliases: root.aliases, extractions: root.extractions, rootFields: root.fields };
}

/**
 * How many times a field's selection is repeated: `first` or `last` for a page (default and cap as the
 * resolvers apply them), a declared bound, 1 for a connection's `nodes` and `edges` (the page
 * already counted them) and for single values, and ASSUMED_LIST_SIZE for other lists.
 */
function listSize(parent: GraphQLNamedType | undefined | null, field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const sizeArgs = field.args.filter((a) => a.name === 'first' || a.name === 'last');
  if (sizeArgs.length) {
    const sizes = sizeArgs.map((arg) => {
      const given = node.arguments?.find((a) => a.name.value === arg.name);
      const value = given ? valueFromAST(given.value, arg.type, variables) : undefined;
      return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 1), MAX_PAGE_SIZE) : 0;
    });
    return Math.max(...sizes) || DEFAULT_PAGE_SIZE;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  const bound = field.extensions?.[LIST_BOUND];
  if (typeof bound === 'number') return bound;
  if (parent?.name.endsWith('Connection')) return 1;
  return ASSUMED_LIST_SIZE;
}

/** The limits of src/config, applied in the same way by the Apollo plugin and the direct read path. */
@Injectable()
export class QueryLimits {
  /** Read once, when the application is made. */
  readonly settings: QueryLimitSettings = queryLimits();

  /** The refusal for a query text with too many tokens, checked before it is parsed. */
  checkText(query: string): QueryTooComplexError | null {
    const tokens = countTokens(query, this.settings.maxTokens);
    return tokens > this.settings.maxTokens ? new QueryTooComplexError('tokens', this.settings.maxTokens, tokens) : null;
  }

  /** The refusal for a parsed operation over a limit, or null. */
  checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | null | undefined): QueryTooComplexError | null {
    const m = measureOperation(schema, document, operation, variables ?? {});
    const s = this.settings;
    const over: Array<[string, number, number]> = [
      ['depth', s.maxDepth, m.depth],
      ['aliases', s.maxAliases, m.aliases],
      ...(operation.operation === 'mutation' ? [['root mutation fields', s.maxRootMutations, m.rootFields] as [string, number, number]] : []),
      ['suggestAttributions calls', s.maxExtractions, m.extractions],
      ['cost', s.maxCost, m.cost],
    ];
    const first = over.find(([, max, measured]) => measured > max);
    return first ? new QueryTooComplexError(...first) : null;
  }
}
