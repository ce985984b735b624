import { Injectable } from '@nestjs/common';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { ATTRIBUTION_TREE } from '../attributions/attribution-tree';
import { subfieldsOf } from '../common/selection';
import { attributionFactsSql } from './analysis/attribution-facts-sql';
import { attributionLine } from './analysis/attribution-line';
import { conflictingClaimIdsSql } from './analysis/discrepancy-sql';
import { AttributionFacts } from './analysis/sourcing';
import { PlanCache } from '../database/plan-cache';
import { CompiledTree, TreeCompiler } from '../database/tree-compiler';
import { TreeEdge, TreeNode } from '../database/tree-node';
import { TreePlans, objectTypeOf } from '../database/tree-plans';
import { ClaimQuantity } from './claim-quantity.entity';
import { Claim } from './claim.entity';
import { ClaimsService, SingleClaimTree } from './claims.service';
import { referenceEdges } from './declared-references';

/** A claim with its quantities and live attributions (and all beneath them), as the Claim type shows it. */
export const CLAIM_TREE: TreeNode = {
  entity: Claim,
  needs: { mergedInto: ['deletedAt'], viewerCanEdit: ['createdBy', 'status'] },
  // The API shows an event time with neither start nor end as null (claim.mapper.ts).
  presentWhen: { eventTime: ['start', 'end'] },
  edges: {
    quantities: {
      many: true,
      node: { entity: ClaimQuantity, needs: { registered: ['variable'] }, resolverOnly: { registered: 'looked up in the vocabulary of figures (variables/)' } },
      on: (p, c) => `${c}.claim_id = ${p}.id`,
      orderBy: (c) => `${c}.position`,
    },
    attributions: { many: true, node: ATTRIBUTION_TREE, on: (p, c) => `${c}.claim_id = ${p}.id AND ${c}.deleted_at IS NULL`, orderBy: (c) => `${c}.id` },
    // The declared references (assigned to…): one record each, declared in declared-references.ts.
    ...referenceEdges(),
  },
  resolverOnly: {
    viewerCanEdit: 'depends on who asks (access/edit-policy.ts)',
    mergedInto: 'read from the merge records by a loader (merging/)',
    statusHistory: 'rows of its own, read by a loader',
    possibleDuplicates: 'a similarity ranking worked out in Node (matching/)',
    reportedBy: 'grouped in Node from live citations and wire links (reported-by/)',
  },
  computed: {
    // The facts in SQL, the line by the resolver's own function (claims/analysis/attribution-line.ts).
    attributionLine: {
      facts: (sql, at, fresh) => attributionFactsSql(sql, `${at}.id`, fresh),
      value: (facts) => attributionLine(facts as AttributionFacts[]),
    },
  },
};

// The claims whose figures contradict this one's, by the discrepancy rule's own SQL (claims/analysis/discrepancy-sql.ts);
// only a flagged claim has any, as the resolver (ClaimAnalysisResolver.conflictsWith) also says.
(CLAIM_TREE.edges as Record<string, TreeEdge>).conflictsWith = {
  many: true,
  node: CLAIM_TREE,
  from: (p, c) => `(${conflictingClaimIdsSql(`${p}.id`)}) ${c}_ids JOIN claim ${c} ON ${c}.id = ${c}_ids.theirs`,
  on: (p) => `${p}.has_discrepancy = true`,
  orderBy: (c) => `${c}.id`,
};

/** Apollo's compiled claim trees (the prefetch output) for `claim(id)` and for pages of `claims`, cached per parsed query. */
@Injectable()
export class ClaimTreePlans {
  private readonly single: TreePlans<SingleClaimTree>;
  private readonly pages: TreePlans<CompiledTree>;

  constructor(dataSource: DataSource, cache: PlanCache, service: ClaimsService) {
    const compiler = new TreeCompiler(dataSource);
    this.single = new TreePlans(cache, 'claim_tree', (info) => {
      const tree = compiler.prefetch(CLAIM_TREE, 'c', objectTypeOf(info.returnType), info.fieldNodes, info.fragments);
      return { ...tree, statement: service.singleTreeStatement(tree.sql) };
    });
    // A page's claims are selected under `nodes`, under `edges { node }`, or both: one tree for all of them.
    this.pages = new TreePlans(cache, 'claims_page_tree', (info) => {
      const connection = objectTypeOf(info.returnType);
      const parts = subfieldsOf(info.fieldNodes, info.fragments, 'name');
      const nodes = [...(parts.get('nodes') ?? []), ...(subfieldsOf(parts.get('edges') ?? [], info.fragments, 'name').get('node') ?? [])];
      return compiler.prefetch(CLAIM_TREE, 'c', objectTypeOf(connection.getFields().nodes.type), nodes, info.fragments);
    });
  }

  one(info: GraphQLResolveInfo): SingleClaimTree {
    return this.single.for(info);
  }

  page(info: GraphQLResolveInfo): CompiledTree {
    return this.pages.for(info);
  }
}
