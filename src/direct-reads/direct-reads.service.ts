import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  FieldNode,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  visit,
  BREAK,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { AccessService } from '../access/access.service';
import { bearerToken } from '../access/api-keys';
import { rolesForQuery } from '../access/query-rules';
import { Role } from '../core/role';
import { RequestRecord } from '../common/request-record';
import { directReadsEnabled } from '../config/settings';
import { QueryLimits } from '../limits/query-limits';
import { Client } from '../limits/rate-limits';
import { describeError } from '../common/error-log';
import { DomainError } from '../common/errors';
import { PlanCache, PlanKind } from '../database/plan-cache';
import { AppLog } from '../observability/app-log';
import { DIRECT_ROOTS, Declined, DirectField, DirectRoot } from './direct-root';
import { DeclineLog } from './decline-log';

/** What a client posts to /graphql, once the JSON body parser has run. */
export interface GraphQLBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

interface RootPart {
  key: string;
  name: string;
  field?: GraphQLField<unknown, unknown>;
  node?: FieldNode;
  direct?: DirectField;
  /** The value of a root `__typename`. */
  literal?: string;
}

interface DocumentPlan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  parts: RootPart[];
  /** The operation's cost depends on its variables (`first: $n`): the limits are checked per request. */
  limitsPerRequest: boolean;
}

/**
 * Answers the read queries whose every field is a column or an edge of a claim tree straight from
 * SQL, without graphql-js, Apollo or Nest's resolver machinery: the database writes the response's
 * JSON (database/tree-compiler.ts, its response output) and this sends it as it comes. That is the whole cost of a
 * GraphQL server that the SQL floor in BENCHMARKS.md does not pay.
 *
 * It only ever answers: anything it is not sure of (a parse or validation error, a mutation, a
 * field with its own resolver, a bad argument, a missing key, a missing record) goes on to Apollo,
 * which answers or words the error exactly as it always has. test/direct-reads.e2e-spec.ts checks
 * that both paths give the same answers.
 */
@Injectable()
export class DirectReads {
  /** GRAPHQL_DIRECT_READS; tests turn it off to compare with the ordinary path. */
  enabled = directReadsEnabled();
  /** Requests answered here since start. */
  answered = 0;
  /** Each document's plan, or why it is left to Apollo, in the process's one plan cache. */
  private readonly plans: PlanKind<DocumentPlan | Declined>;
  private readonly declines: DeclineLog;
  private builtSchema?: GraphQLSchema;
  private readonly roots: Map<string, DirectRoot>;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly access: AccessService,
    private readonly limits: QueryLimits,
    @Inject(DIRECT_ROOTS) roots: DirectRoot[],
    log: AppLog,
    cache: PlanCache,
  ) {
    this.roots = new Map(roots.map((r) => [r.field, r]));
    this.plans = cache.kind('direct_document');
    this.declines = new DeclineLog(log);
  }

  /**
   * The response text, or null when the request is for the ordinary path; `record` learns the key's
   * id, the operation and, when the request is passed on, why (for the request log and metrics).
   */
  async answer(body: unknown, authorization: string | undefined, client?: Client, record: Partial<RequestRecord> = {}): Promise<string | null> {
    const token = bearerToken(authorization);
    if (!this.enabled) return null;
    if (!token) return decline(record, 'no_key');
    if (!isGraphQLBody(body)) return decline(record, 'not_graphql_body');
    let role: Role | undefined;
    try {
      // The key first, so that only a valid key's queries take room among the kept plans.
      const actor = await this.access.authenticate(token, client);
      if (!actor) return decline(record, 'unknown_key');
      record.keyId = actor.keyId;
      const operationName = body.operationName ?? undefined;
      // Per role: a field restricted to other roles is compiled as null, so one document has a plan for each role.
      role = actor.role;
      const key = planKey(body.query, operationName, role);
      const plan = this.planFor(key, body.query, operationName, role);
      if ('declined' in plan) return decline(record, plan.declined);
      record.operation = body.operationName ?? plan.operation.name?.value;
      // A planned document declined for this request's sake: logged, like a document's decline, once per reason.
      const declineThis = (reason: string) => {
        this.declines.declined(key, operationName, { declined: reason });
        return decline(record, reason);
      };
      if (plan.parts.some((p) => !rolesForQuery(p.name).includes(actor.role))) return declineThis('role');
      // Over a query limit: Apollo refuses it, before any resolver runs.
      if (plan.limitsPerRequest && this.limits.checkOperation(this.schema, plan.document, plan.operation, body.variables)) return declineThis('over_limit');
      const variables = getVariableValues(this.schema, plan.operation.variableDefinitions ?? [], body.variables ?? {});
      if (variables.errors) return declineThis('variables');
      const values = await Promise.all(
        plan.parts.map((p) =>
          p.direct && p.field && p.node ? p.direct.answer(getArgumentValues(p.field, p.node, variables.coerced), actor) : Promise.resolve(p.literal ?? null),
        ),
      );
      if (values.some((v) => v === null)) return declineThis('not_found');
      this.answered += 1;
      // Laid out as Apollo lays out a response, a newline after the JSON. The values are the same JSON values the
      // ordinary path gives; the database's text may differ in spacing and in number notation (5e-05, 300.0).
      return `{"data":{${plan.parts.map((p, i) => `${JSON.stringify(p.key)}:${values[i]}`).join(',')}}}\n`;
    } catch (error) {
      // A refusal (a bad cursor, say) is the ordinary path's to word. Anything else is a failure, logged at warn (once
      // per document), and Apollo answers instead.
      const operationName = body.operationName ?? undefined;
      const key = planKey(body.query, operationName, role);
      if (error instanceof DomainError) {
        this.declines.declined(key, operationName, { declined: 'refused' });
        return decline(record, 'refused');
      }
      this.declines.failed(key, operationName, describeError(error));
      return decline(record, 'error');
    }
  }

  /** Nest's GraphQL module builds the schema while the application starts, after this is made. */
  private get schema(): GraphQLSchema {
    this.builtSchema ??= this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    return this.builtSchema;
  }

  private planFor(key: string, query: string, operationName: string | undefined, viewer: Role): DocumentPlan | Declined {
    // Apollo refuses an empty name ("Unknown operation"); declining it keeps the key unambiguous (planKey).
    if (operationName === '') return { declined: 'empty_operation_name' };
    return this.plans.get(key, () => {
      const plan = this.compile(query, operationName, viewer);
      if ('declined' in plan) this.declines.declined(key, operationName, plan);
      return plan;
    });
  }

  private compile(query: string, operationName: string | undefined, viewer: Role): DocumentPlan | Declined {
    const schema = this.schema;
    // The same query limits as Apollo's path; a document over one is left to Apollo, which refuses it.
    if (this.limits.checkText(query)) return { declined: 'over_limit' };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return { declined: 'parse_error' };
    }
    if (validate(schema, document).length > 0) return { declined: 'invalid' };
    if (hasDirectives(document)) return { declined: 'directive' };
    const operation = getOperationAST(document, operationName);
    const queryType = schema.getQueryType();
    if (!operation || !queryType) return { declined: 'no_operation' };
    if (operation.operation !== 'query') return { declined: operation.operation };
    const limitsPerRequest = (operation.variableDefinitions?.length ?? 0) > 0;
    if (!limitsPerRequest && this.limits.checkOperation(schema, document, operation, {})) return { declined: 'over_limit' };
    const fragments = Object.fromEntries(
      document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
    );
    const parts: RootPart[] = [];
    for (const [key, nodes] of collectFields(schema, fragments, {}, queryType, operation.selectionSet)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        parts.push({ key, name, literal: JSON.stringify(queryType.name) });
        continue;
      }
      // Validation has made sure that every node under one response key has the same arguments.
      const root = this.roots.get(name);
      const field = queryType.getFields()[name];
      if (!root || !field) return { declined: `root:Query.${name}` };
      const direct = this.prepare(root, field, nodes, fragments, viewer);
      if ('declined' in direct) return direct;
      parts.push({ key, name, field, node: nodes[0], direct });
    }
    return { document, operation, parts, limitsPerRequest };
  }

  /**
   * A root's preparation, or why not. One that throws (a selection too wide for one JSON object in SQL, say) is kept
   * as declined and not tried again, and its error is logged at warn: a bug here shows in the log, not only as slower answers.
   */
  private prepare(root: DirectRoot, ...args: Parameters<DirectRoot['prepare']>): DirectField | Declined {
    try {
      return root.prepare(...args);
    } catch (error) {
      return { declined: `compile_error:Query.${root.field}`, error: describeError(error) };
    }
  }
}


/** A document's key among the plans, for one role: neither a role nor a real operation name contains a newline. */
function planKey(query: string, operationName: string | undefined, role: Role | undefined): string {
  return `${role ?? ''}\n${operationName ?? ''}\n${query}`;
}

function decline(record: Partial<RequestRecord>, reason: string): null {
  record.declined = reason;
  return null;
}

function isGraphQLBody(body: unknown): body is GraphQLBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  const variables = b.variables;
  return (
    typeof b.query === 'string' &&
    (b.operationName == null || typeof b.operationName === 'string') &&
    (variables == null || (typeof variables === 'object' && !Array.isArray(variables))) &&
    b.extensions === undefined
  );
}

/** @skip and @include depend on variables, so a plan made once could not hold; such documents take the ordinary path. */
function hasDirectives(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
      return BREAK;
    },
  });
  return found;
}
