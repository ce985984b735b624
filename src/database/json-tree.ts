import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo } from 'graphql';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EmbeddedMetadata } from 'typeorm/metadata/EmbeddedMetadata';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { PREFETCHED } from '../common/prefetch';
import { Selection, childSelection, selectionOf } from '../common/selection';
import { FactsMarkers } from './facts-markers';
import { JsonSql, jsonSqlFor } from './json-sql';

/**
 * A GraphQL object type backed by one entity, and the relation fields that can be read in the
 * same SQL statement as their parent.
 */
export interface TreeNode {
  entity: EntityTarget<ObjectLiteral>;
  /**
   * Columns (or embedded objects) a field resolver reads, by field: `anonymous` reads `kind`.
   * A foreign key `xId` is read whenever field `x` is selected and is not an edge of the tree.
   */
  needs?: Record<string, string[]>;
  /**
   * An embedded object (TypeORM `@Column(() => Embedded)`) is shown as null unless one of these
   * of its columns is set; by default any of its columns.
   */
  presentWhen?: Record<string, string[]>;
  edges?: Record<string, TreeEdge>;
  /**
   * Fields worked out from the row, which both trees write in the same statement (the JSON tree only
   * those computed from facts; a SQL expression's field reads its `needs`); their resolvers still
   * serve every other read.
   */
  computed?: Record<string, TreeComputed>;
  /**
   * Fields of the type that neither tree writes, each with the reason: their resolvers serve them, and the direct
   * path leaves a query that selects one to Apollo. Every other field of the type must be a column, an embedded
   * object, an edge or computed (test/read-parity.e2e-spec.ts fails for a field that is none of these).
   */
  resolverOnly?: Record<string, string>;
}

/** How a computed field's value is written: a SQL expression, or facts read in SQL and a rule applied to them in Node. */
export type TreeComputed =
  | {
      /** An expression of the field's scalar type over the row aliased `at` (a Boolean as a condition). */
      sql(at: string): string;
    }
  | {
      /** The JSON the rule needs, read for the row aliased `at`; `fresh` gives unused aliases. */
      facts(sql: JsonSql, at: string, fresh: () => string): string;
      /** The field's value from those facts: the resolver's own function, so that the rule is written once. */
      value(facts: unknown): unknown;
    };

/** How a relation field's rows are found from the parent row. */
export interface TreeEdge {
  many: boolean;
  /** The child rows as objects... */
  node?: TreeNode;
  /** ...or as a list of one column's values. */
  values?: { entity: EntityTarget<ObjectLiteral>; column: string };
  /** SQL condition tying the child alias to the parent alias, with any "live rows only" filter. */
  on(parent: string, child: string): string;
  /** What the rows are read from, when not the node's table alone: it must name that table `child`. */
  from?(parent: string, child: string): string;
  orderBy?(child: string): string;
}

/** A compiled tree: its SQL, and what turns the database's text into the text to parse (facts-markers.ts). */
export interface CompiledTree {
  sql: string;
  finish(text: string): string;
}

/**
 * Compiles a selection over a TreeNode into one SQL expression that builds the whole subtree as
 * JSON, the way PostGraphile does: one round trip, and no per-row work in node beyond JSON.parse.
 * Each object carries the columns the client selected (plus ids, foreign keys and `needs`), keyed
 * by GraphQL field name; each selected edge, and each selected field computed from facts, sits under
 * `PREFETCHED + field`, where the schema's resolvers find it (common/prefetch.ts).
 */
export class JsonTreeCompiler {
  private readonly sql: JsonSql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = jsonSqlFor(dataSource.options.type);
  }

  /** The subtree of the row aliased `alias` as a text expression. */
  compile(node: TreeNode, alias: string, selection: Selection, fragments: Record<string, FragmentDefinitionNode>): CompiledTree {
    let next = 0;
    const markers = new FactsMarkers(this.sql);
    const fresh = (): string => `j${next++}`;
    const wanted = (n: TreeNode, sel: Selection, name: string): boolean =>
      sel.has(name) ||
      name === 'id' ||
      (name.endsWith('Id') && sel.has(name.slice(0, -2))) ||
      Object.entries(n.needs ?? {}).some(([field, columns]) => sel.has(field) && columns.includes(name));
    const object = (n: TreeNode, at: string, sel: Selection): string => {
      const pairs: [string, string][] = [];
      const metadata = this.dataSource.getMetadata(n.entity);
      for (const column of metadata.ownColumns) {
        if (wanted(n, sel, column.propertyName)) pairs.push([column.propertyName, this.value(column, at)]);
      }
      for (const embedded of metadata.embeddeds) {
        if (wanted(n, sel, embedded.propertyName)) pairs.push([embedded.propertyName, this.embedded(embedded, at, n.presentWhen?.[embedded.propertyName])]);
      }
      for (const [field, edge] of Object.entries(n.edges ?? {})) {
        if (!sel.has(field)) continue;
        pairs.push([PREFETCHED + field, relation(edge, at, childSelection(sel, field, fragments))]);
      }
      for (const [field, computed] of Object.entries(n.computed ?? {})) {
        if (sel.has(field) && 'facts' in computed) pairs.push([PREFETCHED + field, markers.mark(computed, computed.facts(this.sql, at, fresh))]);
      }
      return this.sql.object(pairs);
    };
    const relation = (edge: TreeEdge, parent: string, sel: Selection): string => {
      const child = fresh();
      const element = edge.node ? object(edge.node, child, sel) : `${child}.${edge.values?.column}`;
      return edgeSql(this.dataSource, this.sql, edge, parent, child, element);
    };
    const sql = this.sql.text(object(node, alias, selection));
    return { sql, finish: markers.finisher() };
  }

  /** Every column of an embedded object (few and small), or null when it is absent. */
  private embedded(embedded: EmbeddedMetadata, at: string, presentWhen?: string[]): string {
    const columns = embedded.columns;
    const object = this.sql.object(columns.map((c) => [c.propertyName, this.value(c, at)]));
    return unlessAbsent(embedded, at, presentWhen, object);
  }

  private value(column: ColumnMetadata, at: string): string {
    const ref = `${at}.${column.databaseName}`;
    if (column.type === 'simple-json') return this.sql.jsonText(ref);
    if (column.type === 'datetime' || column.type === 'timestamptz') return this.sql.timestamp(ref);
    return ref;
  }
}

/** An embedded object's JSON `object`, or null when none of its `presentWhen` columns (by default, any) is set. */
export function unlessAbsent(embedded: EmbeddedMetadata, at: string, presentWhen: string[] | undefined, object: string): string {
  const absent = embedded.columns.filter((c) => !presentWhen || presentWhen.includes(c.propertyName)).map((c) => `${at}.${c.databaseName} IS NULL`);
  return `CASE WHEN ${absent.join(' AND ')} THEN NULL ELSE ${object} END`;
}

/** The rows of `edge` beneath the row aliased `parent`, each built by `element` over alias `child`. */
export function edgeSql(dataSource: DataSource, sql: JsonSql, edge: TreeEdge, parent: string, child: string, element: string): string {
  const target = edge.node?.entity ?? edge.values?.entity;
  if (!target) throw new Error('A tree edge needs a node or values');
  const from = edge.from?.(parent, child) ?? `${dataSource.getMetadata(target).tableName} ${child}`;
  const fromWhere = `FROM ${from} WHERE ${edge.on(parent, child)}`;
  if (edge.many) return sql.many(element, fromWhere, edge.orderBy?.(child) ?? `${child}.id`);
  return sql.one(`SELECT ${element} ${fromWhere}`);
}

export interface TreePlan extends CompiledTree {
  /** Distinguishes plans, for per-request loader keys. */
  id: number;
}

/**
 * Compiled trees for one root, cached per field of a parsed query: Apollo keeps parsed queries
 * across requests, so a query the desk sends all day is compiled once.
 */
export class TreePlans {
  // By the field's first node, then by all its nodes: one field node can be merged with different siblings
  // (a fragment used in two places, two operations in one document), and each merge selects differently.
  private readonly cache = new WeakMap<FieldNode, Map<string, TreePlan>>();
  private count = 0;

  constructor(
    private readonly compiler: JsonTreeCompiler,
    private readonly root: TreeNode,
    private readonly alias: string,
    /** Where the root's objects sit under the resolved field (a list's `nodes` and `edges.node`, say). */
    private readonly pick: (selection: Selection, fragments: GraphQLResolveInfo['fragments']) => Selection = (selection) => selection,
  ) {}

  for(info: GraphQLResolveInfo): TreePlan {
    let plans = this.cache.get(info.fieldNodes[0]);
    if (!plans) this.cache.set(info.fieldNodes[0], (plans = new Map()));
    const key = info.fieldNodes.map(nodeId).join(' ');
    let plan = plans.get(key);
    if (!plan) {
      const selection = this.pick(selectionOf(info.fieldNodes, info.fragments), info.fragments);
      plan = { id: this.count++, ...this.compiler.compile(this.root, this.alias, selection, info.fragments) };
      plans.set(key, plan);
    }
    return plan;
  }
}

const nodeIds = new WeakMap<FieldNode, number>();
let nextNodeId = 0;

/** A number for each field node of a parsed document, for as long as the document lives. */
function nodeId(node: FieldNode): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextNodeId++));
  return id;
}
