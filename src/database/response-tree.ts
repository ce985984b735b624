import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  GraphQLType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { readsOwnProperty } from '../common/prefetch';
import { JsonSql, jsonSqlFor } from './json-sql';
import { TreeComputed, TreeNode, edgeSql, unlessAbsent } from './json-tree';
import { FactsMarkers } from './facts-markers';

/** Column types that hold each scalar exactly as GraphQL would print it. */
const COLUMN_TYPES: Record<string, string[]> = {
  ID: ['varchar', 'text'],
  String: ['varchar', 'text'],
  Int: ['int', 'int4', 'integer'],
  Float: ['decimal', 'numeric', 'float', 'double precision', 'real'],
  Boolean: ['boolean'],
  DateTime: ['datetime', 'timestamptz'],
};

/** Why a selection is left to the ordinary path: a short reason naming schema coordinates only, for logs and metrics. */
export interface Declined {
  declined: string;
  /** When the reason is an unexpected failure: what describeError (common/error-log.ts) says of it. */
  error?: string;
}

/** A compiled selection: the SQL of its JSON text, and what Node does to that text before sending it. */
export interface ResponseTree {
  sql: string;
  /** The database's text with each fact-based computed field's value in place (the text itself when there is none). */
  finish(text: string): string;
}

/**
 * Compiles one field's selection over a TreeNode into SQL that writes the field's value exactly
 * as a GraphQL response carries it: keys are the response names (aliases) in the order GraphQL
 * collects them, `__typename` included, and every value already in its output form (booleans as
 * true and false, decimals as numbers, timestamps as ISO strings). Nothing is left for graphql-js
 * to do, so the text can be sent as it comes from the database (direct-reads/).
 *
 * A field the tree declares as computed (TreeNode.computed) is written by its SQL expression, or
 * from facts the SQL reads and Node turns into the value with the resolver's own rule (facts-markers.ts).
 *
 * A selection the tree cannot answer alone compiles to a Declined with the reason: a field the tree declares
 * resolver-only (TreeNode.resolverOnly), any other field with a resolver of its own, a field with arguments, or a
 * scalar whose column does not hold it in output form. Such queries take the ordinary path.
 */
export class ResponseTreeCompiler {
  private readonly sql: JsonSql;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: GraphQLSchema,
  ) {
    this.sql = jsonSqlFor(dataSource.options.type);
  }

  /**
   * The JSON text of `fieldNodes`' selection on `type`, for the row aliased `alias`, or why the tree cannot answer
   * it: the first field it cannot write, by schema coordinate (`resolver:Claim.statusHistory`), never a value.
   */
  compile(node: TreeNode, alias: string, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): ResponseTree | Declined {
    let next = 0;
    let reason: string | undefined;
    const no = (why: string, parent: GraphQLObjectType, name: string): null => {
      reason ??= `${why}:${parent.name}.${name}`;
      return null;
    };
    const markers = new FactsMarkers(this.sql);
    const fresh = (): string => `r${next++}`;
    const subfields = (parent: GraphQLObjectType, nodes: readonly FieldNode[]) => collectSubfields(this.schema, fragments, {}, parent, nodes);

    const object = (n: TreeNode, at: string, parent: GraphQLObjectType, nodes: readonly FieldNode[]): string | null => {
      const metadata = this.dataSource.getMetadata(n.entity);
      const pairs: [string, string][] = [];
      for (const [key, fields] of subfields(parent, nodes)) {
        const name = fields[0].name.value;
        if (name === '__typename') {
          pairs.push([key, literal(parent.name)]);
          continue;
        }
        const field = parent.getFields()[name];
        if (!field) return no('unknown', parent, name);
        // Declared on the tree, so that the declaration, not how the field happens to be written, keeps it out of the SQL.
        if (n.resolverOnly?.[name] !== undefined) return no('resolver', parent, name);
        if (fields.some((f) => f.arguments?.length)) return no('arguments', parent, name);
        const edge = n.edges?.[name];
        const computed = n.computed?.[name];
        const column = metadata.ownColumns.find((c) => c.propertyName === name);
        const embedded = metadata.embeddeds.find((e) => e.propertyName === name);
        let value: string | null = null;
        if (computed) {
          value = this.computed(computed, at, field.type, markers, fresh) ?? no('computed_type', parent, name);
        } else if (edge) {
          const child = fresh();
          const target = unwrap(field.type);
          const element = edge.node
            ? target instanceof GraphQLObjectType && object(edge.node, child, target, fields)
            : edge.values && this.leaf(this.dataSource.getMetadata(edge.values.entity).findColumnWithPropertyName(edge.values.column), `${child}.${edge.values.column}`, target);
          if (!element) return reason ? null : no('edge_type', parent, name);
          value = edgeSql(this.dataSource, this.sql, edge, at, child, element);
        } else if (!readsOwnProperty(field)) {
          return no('resolver', parent, name);
        } else if (column) {
          value = this.leaf(column, `${at}.${column.databaseName}`, field.type) ?? no('column_type', parent, name);
        } else if (embedded) {
          const inner = unwrap(field.type);
          if (!(inner instanceof GraphQLObjectType)) return no('embedded_type', parent, name);
          const innerPairs: [string, string][] = [];
          for (const [innerKey, innerFields] of subfields(inner, fields)) {
            const innerName = innerFields[0].name.value;
            const innerColumn = embedded.columns.find((c) => c.propertyName === innerName);
            const innerValue =
              innerName === '__typename' ? literal(inner.name) : innerColumn && this.leaf(innerColumn, `${at}.${innerColumn.databaseName}`, inner.getFields()[innerName]?.type);
            if (!innerValue) return no('column_type', inner, innerName);
            innerPairs.push([innerKey, innerValue]);
          }
          value = unlessAbsent(embedded, at, n.presentWhen?.[name], this.sql.object(innerPairs));
        }
        if (!value) return no('unmapped', parent, name);
        pairs.push([key, value]);
      }
      return this.sql.object(pairs);
    };

    const tree = object(node, alias, type, fieldNodes);
    return tree ? { sql: this.sql.text(tree), finish: markers.finisher() } : { declined: reason ?? `unmapped:${type.name}` };
  }

  /** A computed field's value: its SQL expression as the field's type prints it, or its facts under a marker. */
  private computed(computed: TreeComputed, at: string, type: GraphQLOutputType, markers: FactsMarkers, fresh: () => string): string | null {
    if ('facts' in computed) return markers.mark(computed, computed.facts(this.sql, at, fresh));
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    const name = 'name' in inner ? inner.name : '';
    if (name === 'Boolean') return this.sql.boolean(computed.sql(at));
    return name === 'String' || name === 'Int' ? computed.sql(at) : null;
  }

  /** A column's value as the field's type prints it, or null when the column does not hold that type. */
  private leaf(column: ColumnMetadata | undefined, ref: string, type: GraphQLType | undefined): string | null {
    if (!column || !type) return null;
    const columnType = typeof column.type === 'string' ? column.type : '';
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    if (inner instanceof GraphQLList) return columnType === 'simple-json' ? this.sql.jsonText(ref) : null;
    if (inner instanceof GraphQLEnumType) {
      // A stored value is printed as is only when every value is its own name.
      const plain = inner.getValues().every((v) => v.value === v.name);
      return plain && COLUMN_TYPES.String.includes(columnType) ? ref : null;
    }
    const name = 'name' in inner ? inner.name : '';
    if (!COLUMN_TYPES[name]?.includes(columnType)) return null;
    if (name === 'Boolean') return this.sql.boolean(ref);
    if (name === 'Float') return this.sql.float(ref);
    if (name === 'DateTime') return this.sql.timestamp(ref);
    return ref;
  }
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  let inner = type;
  while (inner instanceof GraphQLNonNull || inner instanceof GraphQLList) inner = inner.ofType;
  return inner;
}

/** A type name as an SQL string literal (GraphQL names are [_A-Za-z][_0-9A-Za-z]*, so nothing to escape). */
function literal(name: string): string {
  return `'${name}'`;
}
