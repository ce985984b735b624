import { Injectable } from '@nestjs/common';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { ATTRIBUTION_TREE } from '../attributions/attribution-tree';
import { childSelection, mergeSelections } from '../common/selection';
import { attributionFactsSql } from './analysis/attribution-facts-sql';
import { attributionLine } from './analysis/attribution-line';
import { conflictingClaimIdsSql } from './analysis/discrepancy-sql';
import { AttributionFacts } from './analysis/sourcing';
import { CompiledTree, JsonTreeCompiler, TreeEdge, TreeNode, TreePlans } from '../database/json-tree';
import { ClaimQuantity } from './claim-quantity.entity';
import { Claim } from './claim.entity';

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

/** The compiled claim trees for `claim(id)` and for pages of `claims`, cached per parsed query. */
@Injectable()
export class ClaimTreePlans {
  private readonly single: TreePlans;
  private readonly pages: TreePlans;

  constructor(dataSource: DataSource) {
    const compiler = new JsonTreeCompiler(dataSource);
    this.single = new TreePlans(compiler, CLAIM_TREE, 'c');
    // A page's claims are selected under `nodes`, under `edges { node }`, or both.
    this.pages = new TreePlans(compiler, CLAIM_TREE, 'c', (selection, fragments) =>
      mergeSelections(childSelection(selection, 'nodes', fragments), childSelection(childSelection(selection, 'edges', fragments), 'node', fragments)),
    );
  }

  one(info: GraphQLResolveInfo): CompiledTree {
    return this.single.for(info);
  }

  page(info: GraphQLResolveInfo): CompiledTree {
    return this.pages.for(info);
  }
}
