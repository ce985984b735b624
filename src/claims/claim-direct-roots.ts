import { Injectable, Type, ValidationPipe } from '@nestjs/common';
import { FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLObjectType, getNamedType } from 'graphql';
import { DataSource } from 'typeorm';
import { Actor } from '../core/actor';
import { Role } from '../core/role';
import { Page, PageInfo } from '../common/pagination';
import { subfieldsOf } from '../common/selection';
import { createValidationPipe } from '../common/validation';
import { PlanCache, PlanKind } from '../database/plan-cache';
import { CompiledTree, TreeCompiler } from '../database/tree-compiler';
import { Declined, DirectField, DirectRoot } from '../direct-reads/direct-root';
import { CLAIM_TREE } from './claim-tree';
import { ClaimsService } from './claims.service';
import { ClaimsArgs } from './dto/claims.args';
import { ClaimFilterInput } from './dto/claim-filter.input';

type Fragments = Record<string, FragmentDefinitionNode>;
/** PageInfo's fields, each written from the page read; a field added to PageInfo and not here makes the type check fail. */
const PAGE_INFO: Record<keyof PageInfo, true> = { hasNextPage: true, hasPreviousPage: true, startCursor: true, endCursor: true };
/** Writes one part of a connection's JSON from the page read (and, within `edges`, the edge at `at`). */
type Writer = (page: Page<string>, at: number) => string;

/** `claim(id)` and `claims` for the direct path (direct-reads/), answered from response trees. */
@Injectable()
export class ClaimDirectRoots {
  private readonly pipe: ValidationPipe = createValidationPipe();
  private readonly compiler: TreeCompiler;
  /**
   * Each filter as the validation pipe makes it, by its JSON: a list is asked for with the same filter page after page
   * and by every reader of a shared view, and class-validator's walk over the filter's nested rules was a fifth of a
   * filtered page's CPU. A filter is a pure function of its JSON; one the pipe refuses stays refused.
   */
  private readonly filters: PlanKind<Promise<ClaimFilterInput>>;

  constructor(
    dataSource: DataSource,
    private readonly service: ClaimsService,
    plans: PlanCache,
  ) {
    this.compiler = new TreeCompiler(dataSource);
    this.filters = plans.kind('claims_filter');
  }

  roots(): DirectRoot[] {
    return [
      { field: 'claim', prepare: (field, nodes, fragments, viewer) => this.prepareOne(field, nodes, fragments, viewer) },
      { field: 'claims', prepare: (field, nodes, fragments, viewer) => this.preparePage(field, nodes, fragments, viewer) },
    ];
  }

  private prepareOne(field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], fragments: Fragments, viewer: Role): DirectField | Declined {
    const type = getNamedType(field.type);
    if (!(type instanceof GraphQLObjectType)) return { declined: 'root_type:Query.claim' };
    const tree = this.compiler.response(CLAIM_TREE, 'c', type, nodes, fragments, viewer);
    if ('declined' in tree) return tree;
    const statement = this.service.singleTreeStatement(tree.sql);
    return {
      // No validation pipe here (it was a tenth of the CPU of a single-claim read): an id that finds a live claim is
      // one IdArgs accepts, and any other id finds nothing, answers null, and the ordinary path words its error.
      answer: async (args) => {
        const text = await this.service.getTreeText(String(args.id), statement);
        return text === null ? null : tree.finish(text);
      },
    };
  }

  /** A page: the claims' trees come from the database, the connection around them is written here. */
  private preparePage(field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], fragments: Fragments, viewer: Role): DirectField | Declined {
    const connection = getNamedType(field.type);
    if (!(connection instanceof GraphQLObjectType)) return { declined: 'root_type:Query.claims' };
    let tree: CompiledTree | null = null;
    let reason: string | undefined;
    let count = false;
    // Each claim's tree is read once per page, so only one selection of the claims can be served.
    const claims = (type: GraphQLObjectType, of: readonly FieldNode[]): boolean => {
      if (tree !== null) {
        reason ??= `two_selections:${connection.name}.nodes`;
        return false;
      }
      const compiled = this.compiler.response(CLAIM_TREE, 'c', type, of, fragments, viewer);
      if ('declined' in compiled) {
        reason ??= compiled.declined;
        return false;
      }
      tree = compiled;
      return true;
    };
    const object = (type: GraphQLObjectType, of: readonly FieldNode[], part: (name: string, type: GraphQLObjectType | null, of: readonly FieldNode[]) => Writer | null): Writer | null => {
      const writers: [string, Writer][] = [];
      for (const [key, fields] of subfieldsOf(of, fragments)) {
        const name = fields[0].name.value;
        if (fields.some((f) => f.arguments?.length)) {
          reason ??= `arguments:${type.name}.${name}`;
          return null;
        }
        const inner = name === '__typename' ? null : getNamedType(type.getFields()[name]?.type);
        const writer = name === '__typename' ? () => JSON.stringify(type.name) : part(name, inner instanceof GraphQLObjectType ? inner : null, fields);
        if (!writer) {
          reason ??= `unmapped:${type.name}.${name}`;
          return null;
        }
        writers.push([JSON.stringify(key), writer]);
      }
      return (page, at) => `{${writers.map(([key, write]) => `${key}:${write(page, at)}`).join(',')}}`;
    };
    const edge = (type: GraphQLObjectType, of: readonly FieldNode[]) =>
      object(type, of, (name, inner, fields) => {
        if (name === 'cursor') return (page, at) => JSON.stringify(page.edges[at].cursor);
        if (name === 'node' && inner && claims(inner, fields)) return (page, at) => page.edges[at].node;
        return null;
      });
    const pageInfo = (type: GraphQLObjectType, of: readonly FieldNode[]) =>
      object(type, of, (name) => (name in PAGE_INFO ? (page) => JSON.stringify(page.pageInfo[name as keyof PageInfo]) : null));
    const write = object(connection, nodes, (name, inner, fields) => {
      if (name === 'totalCount') {
        count = true;
        return (page) => String(page.totalCount);
      }
      if (name === 'nodes' && inner && claims(inner, fields)) return (page) => `[${page.nodes.join(',')}]`;
      const element = name === 'edges' && inner ? edge(inner, fields) : null;
      if (element) return (page) => `[${page.edges.map((_, at) => element(page, at)).join(',')}]`;
      const info = name === 'pageInfo' && inner ? pageInfo(inner, fields) : null;
      return info && ((page) => info(page, 0));
    });
    // Assigned inside `claims` above, which the compiler does not follow.
    const compiled = tree as CompiledTree | null;
    if (!write || compiled === null) return { declined: reason ?? `unmapped:${connection.name}` };
    const { sql, finish } = compiled;
    return {
      answer: async (args: Record<string, unknown>, actor: Actor) => {
        const { filter: given, ...rest } = args;
        const { sort, ...page } = await this.validated(ClaimsArgs, rest);
        // The filter is checked as ClaimsArgs checks it (ValidateNested), so a refusal names the same fields but for the
        // `filter.` in front; the direct path only declines a refused request, and Apollo words its error.
        const filter = given == null ? {} : await this.filters.get(JSON.stringify(given), () => this.validated(ClaimFilterInput, given as Record<string, unknown>));
        const read = await this.service.listTreeTexts(page, filter, sort, actor, sql, { count });
        const edges = read.edges.map((e) => ({ cursor: e.cursor, node: finish(e.node) }));
        return write({ ...read, edges, nodes: edges.map((e) => e.node) }, 0);
      },
    };
  }

  /** The arguments as the resolver would receive them: through the same validation pipe, which throws on bad input. */
  private validated<T>(metatype: Type<T>, args: Record<string, unknown>): Promise<T> {
    return this.pipe.transform(args, { type: 'body', metatype }) as Promise<T>;
  }
}
