import { FieldNode, FragmentDefinitionNode, GraphQLEnumType, GraphQLField, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLOutputType, GraphQLType } from 'graphql';
import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EmbeddedMetadata } from 'typeorm/metadata/EmbeddedMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { hasOwnResolver } from '../common/own-resolvers';
import { PREFETCHED } from '../common/prefetch';
import { readersOf } from '../core/field-access';
import { Role } from '../core/role';
import { subfieldsOf } from '../common/selection';
import { FactsMarkers } from './facts-markers';
import { JsonSql, jsonSqlFor } from './json-sql';
import { TreeComputed, TreeEdge, TreeNode } from './tree-node';

type Fragments = Record<string, FragmentDefinitionNode>;

/**
 * What a compiled tree is for:
 * - `response`: the field's value exactly as a GraphQL response carries it, sent as the database writes it (the direct
 *   path, direct-reads/). Keys are the response names (aliases) in the order GraphQL collects them, `__typename`
 *   included, every value in its output form (booleans as true and false, decimals as numbers, timestamps as ISO
 *   strings). A selection it cannot write alone compiles to a Declined.
 * - `prefetch`: objects for Apollo's resolvers to read (common/prefetch.ts): each row's columns the selection and its
 *   resolvers need (selected ones, `id`, the foreign key `xId` of a selected `x`, TreeNode.needs) as stored, keyed by
 *   property name, and each selected edge and fact-computed field under `PREFETCHED + field`. It never declines: what
 *   it does not write, the resolvers serve.
 */
export type TreeOutput = 'response' | 'prefetch';

/** Why a selection is left to the ordinary path: a short reason naming schema coordinates only, for logs and metrics. */
export interface Declined {
  declined: string;
  /** When the reason is an unexpected failure: what describeError (common/error-log.ts) says of it. */
  error?: string;
}

/** A compiled tree: the SQL of its JSON text, and what Node does to that text before using it. */
export interface CompiledTree {
  sql: string;
  /** The database's text with each fact-based computed field's value in place (the text itself when there is none; facts-markers.ts). */
  finish(text: string): string;
}

/** Column types that hold each scalar exactly as GraphQL would print it. */
const COLUMN_TYPES: Record<string, string[]> = {
  ID: ['varchar', 'text'],
  String: ['varchar', 'text'],
  Int: ['int', 'int4', 'integer'],
  Float: ['decimal', 'numeric', 'float', 'double precision', 'real'],
  Boolean: ['boolean'],
  DateTime: ['datetime', 'timestamptz'],
};

/** How the declaration reads one selected field, or why it cannot write it (a reason for the response output). */
type Read =
  | { kind: 'typename' }
  | { kind: 'computed'; computed: TreeComputed; field: GraphQLField<unknown, unknown> }
  | { kind: 'edge'; edge: TreeEdge; field: GraphQLField<unknown, unknown> }
  | { kind: 'column'; column: ColumnMetadata; field: GraphQLField<unknown, unknown> }
  | { kind: 'embedded'; embedded: EmbeddedMetadata; field: GraphQLField<unknown, unknown> }
  | { kind: 'withheld' }
  | { kind: 'declined'; why: 'unknown' | 'restricted' | 'resolver' | 'arguments' | 'unmapped' };

/**
 * The one compiler of the read model (TreeNode, tree-node.ts): a field's selection over a tree compiles into one SQL
 * expression that builds the whole subtree as JSON, the way PostGraphile does: one round trip, and no per-row work in
 * Node beyond what `finish` splices in. The declaration and the selection are walked once, for either output
 * (TreeOutput); each field is classified the same way for both (`read`), and written as its output needs.
 *
 * A field the tree declares as computed is written by its SQL expression, or from facts the SQL reads and Node turns
 * into the value with the resolver's own rule (facts-markers.ts). A field declared restricted to some roles
 * (core/field-access.ts) is written for the role the response is compiled for (`viewer`): as any field for its readers,
 * as null for every other role; compiled for no role, the response output declines it. It declines a field the tree
 * declares resolver-only, any other field with a resolver of its own (as Nest's resolver
 * map says, common/own-resolvers.ts: a safety net, since test/read-parity.e2e-spec.ts requires every such field of a
 * tree to be declared), a field with arguments, and a scalar whose column does not hold it in output form; the reason
 * names the first such field by schema coordinate (`restricted:Source.confidentialNote`,
 * `resolver:Claim.statusHistory`), never a value.
 */
export class TreeCompiler {
  private readonly sql: JsonSql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = jsonSqlFor(dataSource.options.type);
  }

  /**
   * `fieldNodes`' selection on `type` for the row aliased `alias`, as the response carries it for `viewer`'s role (its
   * restricted fields written or null), or why not.
   */
  response(node: TreeNode, alias: string, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], fragments: Fragments, viewer?: Role): CompiledTree | Declined {
    return new Walk(this.dataSource, this.sql, 'response', fragments, viewer).compile(node, alias, type, fieldNodes);
  }

  /** `fieldNodes`' selection on `type` for the row aliased `alias`, as objects for the resolvers. */
  prefetch(node: TreeNode, alias: string, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], fragments: Fragments): CompiledTree {
    const tree = new Walk(this.dataSource, this.sql, 'prefetch', fragments).compile(node, alias, type, fieldNodes);
    // The prefetch output writes what it can and leaves the rest to the resolvers; a decline here is a bug.
    if ('declined' in tree) throw new Error(`A prefetch tree declined: ${tree.declined}`);
    return tree;
  }
}

/** One compilation: its aliases, its facts markers and the first reason to decline. */
class Walk {
  private next = 0;
  private reason?: string;
  private readonly markers: FactsMarkers;
  private readonly fresh = (): string => `j${this.next++}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: JsonSql,
    private readonly output: TreeOutput,
    private readonly fragments: Fragments,
    /** The role a response is written for; a prefetch tree serves every role, and its resolvers withhold. */
    private readonly viewer?: Role,
  ) {
    this.markers = new FactsMarkers(sql);
  }

  /**
   * How a restricted field is written (null: as any field): in a response, for its readers as any field and as null for
   * other roles, and not at all without a role; in a prefetch tree as any field, since the resolver wrapping it
   * (access/field-access.ts) withholds what it carries.
   */
  private restricted(field: { extensions?: Readonly<Record<string, unknown>> | null }): Read | null {
    const readers = readersOf(field);
    if (!readers || this.output === 'prefetch') return null;
    if (this.viewer === undefined) return { kind: 'declined', why: 'restricted' };
    return readers.includes(this.viewer) ? null : { kind: 'withheld' };
  }

  compile(node: TreeNode, alias: string, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): CompiledTree | Declined {
    const tree = this.object(node, alias, type, fieldNodes);
    return tree !== null ? { sql: this.sql.text(tree), finish: this.markers.finisher() } : { declined: this.reason ?? `unmapped:${type.name}` };
  }

  private no(why: string, parent: GraphQLObjectType, name: string): null {
    this.reason ??= `${why}:${parent.name}.${name}`;
    return null;
  }

  /** The row aliased `at` as a JSON object of `nodes`' selection, or null when the response output declines it. */
  private object(n: TreeNode, at: string, parent: GraphQLObjectType, nodes: readonly FieldNode[]): string | null {
    const metadata = this.dataSource.getMetadata(n.entity);
    const prefetch = this.output === 'prefetch';
    // The prefetch output has one key per field, whatever the aliases: the resolvers run per alias and read the same key.
    const selected = subfieldsOf(nodes, this.fragments, prefetch ? 'name' : 'response');
    const pairs: [string, string][] = [];
    for (const [key, fields] of selected) {
      const name = fields[0].name.value;
      const read = this.read(n, metadata, parent, name, fields);
      if (prefetch) {
        // Only what the resolvers cannot read from the row (the columns are added below); the rest is theirs.
        const value = read.kind === 'edge' || (read.kind === 'computed' && 'facts' in read.computed) ? this.value(read, n, at, parent, fields) : null;
        if (value !== null) pairs.push([PREFETCHED + name, value]);
        continue;
      }
      if (read.kind === 'declined') return this.no(read.why, parent, name);
      const value = this.value(read, n, at, parent, fields);
      if (value === null) return this.no(`${read.kind}_type`, parent, name);
      pairs.push([key, value]);
    }
    if (prefetch) pairs.unshift(...this.storedColumns(n, metadata, at, selected));
    return this.sql.object(pairs);
  }

  /** How the declaration reads field `name` of `parent`: the same rules, in the same order, for both outputs. */
  private read(n: TreeNode, metadata: EntityMetadata, parent: GraphQLObjectType, name: string, fields: FieldNode[]): Read {
    if (name === '__typename') return { kind: 'typename' };
    const field = parent.getFields()[name];
    if (!field) return { kind: 'declined', why: 'unknown' };
    // Declared on the field, so that the declaration, not how the field happens to be written, keeps it from other roles.
    const restricted = this.restricted(field);
    if (restricted) return restricted;
    if (n.resolverOnly?.[name] !== undefined) return { kind: 'declined', why: 'resolver' };
    if (fields.some((f) => f.arguments?.length)) return { kind: 'declined', why: 'arguments' };
    const computed = n.computed?.[name];
    if (computed) return { kind: 'computed', computed, field };
    const edge = n.edges?.[name];
    if (edge) return { kind: 'edge', edge, field };
    if (hasOwnResolver(parent, name)) return { kind: 'declined', why: 'resolver' };
    const column = metadata.ownColumns.find((c) => c.propertyName === name);
    if (column) return { kind: 'column', column, field };
    const embedded = metadata.embeddeds.find((e) => e.propertyName === name);
    if (embedded) return { kind: 'embedded', embedded, field };
    return { kind: 'declined', why: 'unmapped' };
  }

  /** A field's SQL in this walk's output, or null when the response output cannot write it (the caller names why). */
  private value(read: Exclude<Read, { kind: 'declined' }>, n: TreeNode, at: string, parent: GraphQLObjectType, fields: FieldNode[]): string | null {
    switch (read.kind) {
      case 'typename':
        return typeName(parent);
      case 'withheld':
        return 'NULL';
      case 'computed':
        return this.computed(read.computed, at, read.field.type);
      case 'edge':
        return this.edge(read.edge, at, read.field, fields);
      case 'column':
        return this.leaf(read.column, `${at}.${read.column.databaseName}`, read.field.type);
      case 'embedded':
        return this.embedded(read.embedded, n, at, read.field.type, fields);
    }
  }

  /** A computed field's value: its facts under a marker, or (response only) its SQL expression as the field's type prints it. */
  private computed(computed: TreeComputed, at: string, type: GraphQLOutputType): string | null {
    if ('facts' in computed) return this.markers.mark(computed, computed.facts(this.sql, at, this.fresh));
    const name = namedScalar(type);
    if (name === 'Boolean') return this.sql.boolean(computed.sql(at));
    return name === 'String' || name === 'Int' ? computed.sql(at) : null;
  }

  /** The rows of `edge` beneath the row aliased `parent`, each an object of the field's selection or one column's value. */
  private edge(edge: TreeEdge, parent: string, field: GraphQLField<unknown, unknown>, fields: FieldNode[]): string | null {
    const entity = edge.node?.entity ?? edge.values?.entity;
    if (!entity) throw new Error('A tree edge needs a node or values');
    const child = this.fresh();
    const target = unwrap(field.type);
    let element: string | null;
    if (edge.node) {
      element = target instanceof GraphQLObjectType ? this.object(edge.node, child, target, fields) : null;
    } else {
      const column = this.dataSource.getMetadata(entity).findColumnWithPropertyName(edge.values?.column ?? '');
      element = column ? this.leaf(column, `${child}.${column.databaseName}`, target) : null;
    }
    if (element === null) return null;
    const from = edge.from?.(parent, child) ?? `${this.dataSource.getMetadata(entity).tableName} ${child}`;
    const fromWhere = `FROM ${from} WHERE ${edge.on(parent, child)}`;
    if (edge.many) return this.sql.many(element, fromWhere, edge.orderBy?.(child) ?? `${child}.id`);
    return this.sql.one(`SELECT ${element} ${fromWhere}`);
  }

  /** An embedded object's selected columns (the prefetch output: all of them, few and small), or null when it is absent. */
  private embedded(embedded: EmbeddedMetadata, n: TreeNode, at: string, type: GraphQLOutputType | undefined, fields: FieldNode[]): string | null {
    const inner = type && unwrap(type);
    const pairs: [string, string][] = [];
    if (this.output === 'prefetch') {
      for (const c of embedded.columns) pairs.push([c.propertyName, this.stored(c, `${at}.${c.databaseName}`)]);
    } else {
      if (!(inner instanceof GraphQLObjectType)) return null;
      for (const [key, innerFields] of subfieldsOf(fields, this.fragments)) {
        const name = innerFields[0].name.value;
        const field = inner.getFields()[name];
        // An embedded object's fields are declared like any other: restricted, or with a resolver of their own.
        const restricted = field && this.restricted(field);
        if (restricted?.kind === 'declined') return this.no('restricted', inner, name);
        if (field && hasOwnResolver(inner, name)) return this.no('resolver', inner, name);
        const column = embedded.columns.find((c) => c.propertyName === name);
        const value =
          name === '__typename' ? typeName(inner) : restricted?.kind === 'withheld' ? 'NULL' : column && this.leaf(column, `${at}.${column.databaseName}`, field?.type);
        if (!value) return this.no('column_type', inner, name);
        pairs.push([key, value]);
      }
    }
    const presentWhen = n.presentWhen?.[embedded.propertyName];
    const absent = embedded.columns.filter((c) => !presentWhen || presentWhen.includes(c.propertyName)).map((c) => `${at}.${c.databaseName} IS NULL`);
    return `CASE WHEN ${absent.join(' AND ')} THEN NULL ELSE ${this.sql.object(pairs)} END`;
  }

  /**
   * A column's value: in the response output as the field's `type` prints it, or null when the column does not hold
   * that type; in the prefetch output as stored (`stored`).
   */
  private leaf(column: ColumnMetadata, ref: string, type: GraphQLType | undefined): string | null {
    if (this.output === 'prefetch') return this.stored(column, ref);
    const columnType = typeof column.type === 'string' ? column.type : '';
    if (!type) return null;
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    if (inner instanceof GraphQLList) return columnType === 'simple-json' ? this.sql.jsonText(ref) : null;
    if (inner instanceof GraphQLEnumType) {
      // A stored value is printed as is only when every value is its own name.
      const plain = inner.getValues().every((v) => v.value === v.name);
      return plain && COLUMN_TYPES.String.includes(columnType) ? ref : null;
    }
    const name = namedScalar(inner);
    if (!COLUMN_TYPES[name]?.includes(columnType)) return null;
    if (name === 'Boolean') return this.sql.boolean(ref);
    if (name === 'Float') return this.sql.float(ref);
    if (name === 'DateTime') return this.sql.timestamp(ref);
    return ref;
  }

  /** A column as the prefetch output carries it: as stored, but JSON text as JSON and timestamps as ISO strings. */
  private stored(column: ColumnMetadata, ref: string): string {
    if (column.type === 'simple-json') return this.sql.jsonText(ref);
    return column.type === 'datetime' || column.type === 'timestamptz' ? this.sql.timestamp(ref) : ref;
  }

  /**
   * The prefetch output's columns: those selected, `id`, the foreign key `xId` of a selected `x`, and the columns
   * (or embedded objects) TreeNode.needs names for a selected field, which the resolvers read from the row.
   */
  private storedColumns(n: TreeNode, metadata: EntityMetadata, at: string, selected: Map<string, FieldNode[]>): [string, string][] {
    const wanted = (name: string): boolean =>
      selected.has(name) ||
      name === 'id' ||
      (name.endsWith('Id') && selected.has(name.slice(0, -2))) ||
      Object.entries(n.needs ?? {}).some(([field, columns]) => selected.has(field) && columns.includes(name));
    const pairs: [string, string][] = [];
    for (const column of metadata.ownColumns) if (wanted(column.propertyName)) pairs.push([column.propertyName, this.stored(column, `${at}.${column.databaseName}`)]);
    for (const embedded of metadata.embeddeds) if (wanted(embedded.propertyName)) pairs.push([embedded.propertyName, this.embedded(embedded, n, at, undefined, []) as string]);
    return pairs;
  }
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  let inner = type;
  while (inner instanceof GraphQLNonNull || inner instanceof GraphQLList) inner = inner.ofType;
  return inner;
}

/** A type's name as an SQL string literal (GraphQL names are [_A-Za-z][_0-9A-Za-z]*, so nothing to escape). */
function typeName(type: GraphQLObjectType): string {
  return `'${type.name}'`;
}

/** The name of a (non-null) named type, or '' for a list. */
function namedScalar(type: GraphQLType): string {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return 'name' in inner ? inner.name : '';
}
