import { graphql } from '../graphql';

/**
 * The desk's claims list, in a file of its own that loads no Preact: the benchmark's workload e (bench/workloads.ts)
 * sends this document, with an editor's extra fields added, so that it measures the query the desk sends. The text
 * stays inside `graphql(...)`, where `gql-tada check` validates it against schema.gql.
 */
export const ClaimsQuery = graphql(`
  query Claims($filter: ClaimFilterInput, $first: Int, $after: String, $last: Int, $before: String, $sort: ClaimSort) {
    claims(filter: $filter, first: $first, after: $after, last: $last, before: $before, sort: $sort) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes {
        id statement status sourcing independentSourceCount hasDiscrepancy circular attributionLine createdAt deletedAt
        eventTime { start end }
        place { name }
        assignedTo { id name }
      }
    }
  }
`);
