import { FragmentDefinitionNode } from 'graphql';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { PREFETCHED } from '../common/prefetch';
import { Selection, childSelection } from '../common/selection';
import { JsonSql, jsonSqlFor } from './json-sql';

/**
 * A GraphQL object type backed by one entity, and the relation fields that can be read in the
 * same SQL statement as their parent.
 */
export interface TreeNode {
  entity: EntityTarget<ObjectLiteral>;
  /** Columns that field resolvers read although the client did not select them. */
  needs?: string[];
  edges?: Record<string, TreeEdge>;
}

/** How a relation field's rows are found from the parent row. */
export interface TreeEdge {
  many: boolean;
  /** The child rows as objects... */
  node?: TreeNode;
  /** ...or as a list of one column's values. */
  values?: { entity: EntityTarget<ObjectLiteral>; column: string };
  /** SQL condition tying the child alias to the parent alias, with any "live rows only" filter. */
  on(parent: string, child: string): string;
  orderBy?(child: string): string;
}

/**
 * Compiles a selection over a TreeNode into one SQL expression that builds the whole subtree as
 * JSON, the way PostGraphile does: one round trip, and no per-row work in node beyond JSON.parse.
 * Each object carries the columns the client selected (plus ids, foreign keys and `needs`), keyed
 * by GraphQL field name; each selected edge sits under `PREFETCHED + field`, where the schema's
 * resolvers find it (common/prefetch.ts).
 */
export class JsonTreeCompiler {
  private readonly sql: JsonSql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = jsonSqlFor(dataSource.options.type);
  }

  /** The subtree of the row aliased `alias` as a text expression. */
  compile(node: TreeNode, alias: string, selection: Selection, fragments: Record<string, FragmentDefinitionNode>): string {
    let next = 0;
    const fresh = (): string => `j${next++}`;
    const object = (n: TreeNode, at: string, sel: Selection): string => {
      const pairs: [string, string][] = [];
      for (const column of this.dataSource.getMetadata(n.entity).columns) {
        const name = column.propertyName;
        if (sel.has(name) || name === 'id' || name.endsWith('Id') || n.needs?.includes(name)) pairs.push([name, this.value(column, `${at}.${column.databaseName}`)]);
      }
      for (const [field, edge] of Object.entries(n.edges ?? {})) {
        if (!sel.has(field)) continue;
        pairs.push([PREFETCHED + field, relation(edge, at, childSelection(sel, field, fragments))]);
      }
      return this.sql.object(pairs);
    };
    const relation = (edge: TreeEdge, parent: string, sel: Selection): string => {
      const child = fresh();
      const target = edge.node?.entity ?? edge.values?.entity;
      if (!target) throw new Error('A tree edge needs a node or values');
      const fromWhere = `FROM ${this.dataSource.getMetadata(target).tableName} ${child} WHERE ${edge.on(parent, child)}`;
      const element = edge.node ? object(edge.node, child, sel) : `${child}.${edge.values?.column}`;
      if (edge.many) return this.sql.many(element, fromWhere, edge.orderBy?.(child) ?? `${child}.id`);
      return this.sql.one(`SELECT ${element} ${fromWhere}`);
    };
    return this.sql.text(object(node, alias, selection));
  }

  private value(column: ColumnMetadata, ref: string): string {
    if (column.type === 'simple-json') return this.sql.jsonText(ref);
    if (column.type === 'datetime' || column.type === 'timestamptz') return this.sql.timestamp(ref);
    return ref;
  }
}
