import { Injectable } from '@nestjs/common';
import { FieldNode, GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { Article } from '../articles/article.entity';
import { RequestLoaders, groupByKey } from '../common/loaders';
import { selectionOf } from '../common/selection';
import { JsonTreeCompiler, TreeNode } from '../database/json-tree';
import { Source } from '../sources/source.entity';
import { SourceAlias } from '../sources/source-alias.entity';
import { Attribution } from './attribution.entity';
import { AttributionModel } from './attribution.model';
import { Citation } from './citation.entity';
import { RelayHop } from './relay-hop.entity';

// Sources and articles are shown even when soft-deleted, as the by-id loaders show them.
const SOURCE: TreeNode = {
  entity: Source,
  // `anonymous` reads the kind, `linkedSources` the origin group.
  needs: ['kind', 'originGroupId'],
  edges: {
    aliases: { many: true, values: { entity: SourceAlias, column: 'alias' }, on: (p, c) => `${c}.source_id = ${p}.id`, orderBy: (c) => `${c}.alias` },
  },
};

const ATTRIBUTION: TreeNode = {
  entity: Attribution,
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
      node: { entity: Citation, edges: { article: { many: false, node: { entity: Article }, on: (p, c) => `${c}.id = ${p}.article_id` } } },
      on: (p, c) => `${c}.attribution_id = ${p}.id AND ${c}.deleted_at IS NULL`,
      orderBy: (c) => `${c}.id`,
    },
  },
};

interface Plan {
  loaderKey: string;
  tree: string;
}

/**
 * A claim's live attributions, oldest first, read together with everything the query selects
 * beneath them (speaker, relay chain, citations, articles, aliases) in one SQL statement per
 * page of claims. Plans are cached per field of a parsed query, which Apollo keeps across requests.
 */
@Injectable()
export class AttributionTree {
  private readonly compiler: JsonTreeCompiler;
  private readonly plans = new WeakMap<FieldNode, Plan>();
  private planCount = 0;

  constructor(private readonly dataSource: DataSource) {
    this.compiler = new JsonTreeCompiler(dataSource);
  }

  byClaim(loaders: RequestLoaders, info: GraphQLResolveInfo, claimId: string): Promise<AttributionModel[]> {
    const plan = this.planFor(info);
    return loaders.get(plan.loaderKey, (ids) => this.read(plan, ids)).load(claimId);
  }

  private planFor(info: GraphQLResolveInfo): Plan {
    const node = info.fieldNodes[0];
    let plan = this.plans.get(node);
    if (!plan) {
      const tree = this.compiler.compile(ATTRIBUTION, 'a', selectionOf(info.fieldNodes, info.fragments), info.fragments);
      plan = { loaderKey: `attribution.tree.${this.planCount++}`, tree };
      this.plans.set(node, plan);
    }
    return plan;
  }

  private async read(plan: Plan, claimIds: readonly string[]): Promise<AttributionModel[][]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('a.claim_id', 'claim_id')
      .addSelect(plan.tree, 'tree')
      .from(Attribution, 'a')
      .where('a.claim_id IN (:...claimIds) AND a.deleted_at IS NULL', { claimIds })
      .orderBy('a.id')
      .getRawMany<{ claim_id: string; tree: string }>();
    const trees = rows.map((row) => ({ claimId: row.claim_id, node: JSON.parse(row.tree) as AttributionModel }));
    return groupByKey(claimIds, trees, (t) => t.claimId).map((group) => group.map((t) => t.node));
  }
}
