import { Injectable } from '@nestjs/common';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { Article } from '../articles/article.entity';
import { RequestLoaders, groupByKey } from '../common/loaders';
import { PlanCache } from '../database/plan-cache';
import { CompiledTree, TreeCompiler } from '../database/tree-compiler';
import { TreeNode } from '../database/tree-node';
import { TreePlans, objectTypeOf } from '../database/tree-plans';
import { anonymousSql } from '../sources/source-kind';
import { Source } from '../sources/source.entity';
import { SourceAlias } from '../sources/source-alias.entity';
import { Attribution } from './attribution.entity';
import { AttributionModel } from './attribution.model';
import { Citation } from './citation.entity';
import { RelayHop } from './relay-hop.entity';
import { liveArticleSql } from './live-rows';

// Sources and articles are shown even when soft-deleted, as the by-id loaders show them.
const SOURCE: TreeNode = {
  entity: Source,
  needs: { anonymous: ['kind'], linkedSources: ['originGroupId'] },
  edges: {
    aliases: { many: true, values: { entity: SourceAlias, column: 'alias' }, on: (p, c) => `${c}.source_id = ${p}.id`, orderBy: (c) => `${c}.alias` },
  },
  computed: { anonymous: { sql: (at) => anonymousSql(at) } },
  resolverOnly: {
    attributions: 'a page of its own, with arguments',
    linkedSources: 'an origin group, read by a loader',
    reliabilityHistory: 'audit rows, read by a loader',
    trackRecord: 'counts of the claims it asserts, by status (claims/analysis/)',
    claimCount: 'a count over its attributions and relays (claims/analysis/)',
  },
};

/** An attribution with its speaker, relay chain and live citations, as the Attribution type shows them. */
export const ATTRIBUTION_TREE: TreeNode = {
  entity: Attribution,
  needs: { viewerCanEdit: ['createdBy', 'claimId'] },
  resolverOnly: {
    viewerCanEdit: "depends on who asks and on the claim's status (access/edit-policy.ts)",
    claim: 'the claim above it: the tree is read from the claim down',
  },
  edges: {
    source: { many: false, node: SOURCE, on: (p, c) => `${c}.id = ${p}.source_id` },
    chain: {
      many: true,
      node: { entity: RelayHop, edges: { source: { many: false, node: SOURCE, on: (p, c) => `${c}.id = ${p}.source_id` } } },
      on: (p, c) => `${c}.attribution_id = ${p}.id`,
      orderBy: (c) => `${c}.position`,
    },
    citations: {
      many: true,
      node: {
        entity: Citation,
        resolverOnly: { attribution: 'the attribution above it: the tree is read from the claim down' },
        edges: {
          article: {
            many: false,
            node: {
              entity: Article,
              needs: { viewerCanEdit: ['createdBy'] },
              resolverOnly: { viewerCanEdit: 'depends on who asks (access/edit-policy.ts)', citations: 'every citation of the article, across claims' },
            },
            on: (p, c) => `${c}.id = ${p}.article_id`,
          },
        },
      },
      // A citation in a deleted article vanishes with the article (attributions-service's citation loaders agree).
      on: (p, c) => `${c}.attribution_id = ${p}.id AND ${c}.deleted_at IS NULL AND ${liveArticleSql(`${c}.article_id`)}`,
      orderBy: (c) => `${c}.id`,
    },
  },
};

/** A compiled attribution tree, numbered for per-request loader keys. */
interface TreePlan extends CompiledTree {
  id: number;
}

/**
 * A claim's live attributions, oldest first, read together with everything the query selects
 * beneath them in one SQL statement for all the claims a response shows. Used where claims were
 * not read as trees themselves (a mutation's result, say); claims pages read attributions in
 * their own statement (claims/claim-tree.ts).
 */
@Injectable()
export class AttributionTree {
  private readonly plans: TreePlans<TreePlan>;
  private count = 0;

  constructor(
    private readonly dataSource: DataSource,
    cache: PlanCache,
  ) {
    const compiler = new TreeCompiler(dataSource);
    this.plans = new TreePlans(cache, 'attribution_tree', (info) => ({
      id: this.count++,
      ...compiler.prefetch(ATTRIBUTION_TREE, 'a', objectTypeOf(info.returnType), info.fieldNodes, info.fragments),
    }));
  }

  byClaim(loaders: RequestLoaders, info: GraphQLResolveInfo, claimId: string): Promise<AttributionModel[]> {
    const plan = this.plans.for(info);
    return loaders.get(`attribution.tree.${plan.id}`, (ids) => this.read(plan, ids)).load(claimId);
  }

  private async read(plan: TreePlan, claimIds: readonly string[]): Promise<AttributionModel[][]> {
    // Not prepared: each batch size is a different text, and this is not the hot path (claims pages read their
    // attributions inside their own statement).
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('a.claim_id', 'claim_id')
      .addSelect(plan.sql, 'tree')
      .from(Attribution, 'a')
      .where('a.claim_id IN (:...claimIds) AND a.deleted_at IS NULL', { claimIds })
      .orderBy('a.id')
      .getRawMany<{ claim_id: string; tree: string }>();
    const trees = rows.map((row) => ({ claimId: row.claim_id, node: JSON.parse(plan.finish(row.tree)) as AttributionModel }));
    return groupByKey(claimIds, trees, (t) => t.claimId).map((group) => group.map((t) => t.node));
  }
}
