import { EntityTarget, ObjectLiteral } from 'typeorm';
import { JsonSql } from './json-sql';

/**
 * A GraphQL object type backed by one entity: how each of its fields is read, and the relation fields that can be read
 * in the same SQL statement as their parent. The one declaration TreeCompiler (tree-compiler.ts) compiles for both
 * read paths. A field that is none of the below is a column or an embedded object of the entity, by property name.
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
   * Fields worked out from the row, which the compiled trees write in the same statement (the prefetch output only
   * those computed from facts; there a SQL expression's field is left to its resolver, which reads its `needs`); their
   * resolvers still serve every other read.
   */
  computed?: Record<string, TreeComputed>;
  /**
   * Fields of the type that no compiled tree writes, each with the reason: their resolvers serve them, and the direct
   * path leaves a query that selects one to Apollo. Every other field of the type must be a column, an embedded
   * object, an edge or computed (test/read-parity.e2e-spec.ts fails for a field that is none of these, and for a field
   * with a resolver of its own that is not declared here, as an edge or computed). A field restricted to some roles
   * (`@Restricted`, core/field-access.ts) needs no entry: its own declaration keeps it out of the response output.
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
