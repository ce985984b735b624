/**
 * The read workloads, written once per server. The GraphQL documents use aliases so that
 * claimdesk, PostGraphile and the floor all answer in the same JSON shape.
 */
import { DocumentNode, FieldNode, OperationDefinitionNode, parse, print, visit } from 'graphql';
import { ClaimsQuery } from '../web/src/screens/claims-query';

export type ServerName = 'claimdesk' | 'postgraphile' | 'floor';
export const SERVERS: ServerName[] = ['claimdesk', 'postgraphile', 'floor'];

export interface WorkloadParams {
  claimId: string; // c
  sourceName: string; // b, as a person types it ("CNN")
  sourceKey: string; // b, folded the way claimdesk folds names (for PostGraphile and the floor)
  cursors: Record<ServerName, string | null>; // d: each server's own cursor for the end of page 39
}

/** One HTTP request: path and JSON body. */
export interface Request {
  path: string;
  body: string;
}

export interface Workload {
  key: string;
  title: string;
  /** Where the answer sits in the response's `data`. */
  root: 'claims' | 'claim';
  /** The answer's form, for the comparison (verify.ts): the nested list of a, b and d, c's detail, or e's desk list. */
  shape: 'list' | 'detail' | 'desk';
  request(server: ServerName, p: WorkloadParams): Request;
}

export const LIST_PAGE = 50;
export const FILTER_PAGE = 25;
export const DEEP_PAGE = 25;
export const DEEP_PAGE_NUMBER = 40;

const CD_LIST_ITEM = `id statement status tags createdAt
  attributions { id stance cue source { id name kind }
    chain { position cue source { id name } }
    citations { id quote article { id headline publisher publishedAt } } }`;

const PG_LIVE = 'condition: { deletedAt: null }';
const PG_LIST_ITEM = `id statement status tags createdAt
  attributions: attributionsByClaimIdList(orderBy: ID_ASC, ${PG_LIVE}) { id stance cue source: sourceBySourceId { id name kind }
    chain: relayHopsByAttributionIdList(orderBy: POSITION_ASC) { position cue source: sourceBySourceId { id name } }
    citations: citationsByAttributionIdList(orderBy: ID_ASC, ${PG_LIVE}) { id quote article: articleByArticleId { id headline publisher publishedAt } } }`;

const CD_DETAIL = `claim(id: $id) { id statement hedge status tags createdAt updatedAt version
  place { name adminArea country latitude longitude precision }
  eventTime { start end precision }
  quantities { variable value lower lowerInclusive upper upperInclusive approximate qualifier unit currency }
  attributions { id stance cue mode saidAt credibility anonymityReason relationship conditions
    source { id name kind reliability aliases }
    chain { position cue source { id name kind aliases } }
    citations { id quote prefix suffix startOffset endOffset
      article { id canonicalUrl headline publisher wireAgency publishedAt language } } } }`;

/** PostGraphile keeps place and event time as plain columns; the rest maps one to one. */
const PG_DETAIL = `claim: claimById(id: $id) { id statement hedge status tags createdAt updatedAt version
  placeName placeAdminArea placeCountry placeLatitude placeLongitude placePrecision
  eventTimeStart eventTimeEnd eventTimePrecision
  quantities: claimQuantitiesByClaimIdList(orderBy: POSITION_ASC) { variable value lower lowerInclusive upper upperInclusive approximate qualifier unit currency }
  attributions: attributionsByClaimIdList(orderBy: ID_ASC, ${PG_LIVE}) { id stance cue mode saidAt credibility anonymityReason relationship conditions
    source: sourceBySourceId { id name kind reliability aliases: sourceAliasesBySourceIdList(orderBy: ALIAS_ASC) { alias } }
    chain: relayHopsByAttributionIdList(orderBy: POSITION_ASC) { position cue source: sourceBySourceId { id name kind aliases: sourceAliasesBySourceIdList(orderBy: ALIAS_ASC) { alias } } }
    citations: citationsByAttributionIdList(orderBy: ID_ASC, ${PG_LIVE}) { id quote prefix suffix startOffset endOffset
      article: articleByArticleId { id canonicalUrl headline publisher wireAgency publishedAt language } } } }`;

const gql = (query: string, variables: Record<string, unknown>): Request => ({ path: '/graphql', body: JSON.stringify({ query, variables }) });
const floor = (path: string, params: Record<string, unknown>): Request => ({ path, body: JSON.stringify(params) });

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export function claimsPageRequest(server: ServerName, first: number, after: string | null, item = true): Request {
  const fields = item ? `nodes { ${server === 'postgraphile' ? PG_LIST_ITEM : CD_LIST_ITEM} } ${PAGE_INFO}` : PAGE_INFO;
  switch (server) {
    case 'claimdesk':
      return gql(`query Page($first: Int!, $after: String) { claims(first: $first, after: $after) { ${fields} } }`, { first, after });
    case 'postgraphile':
      return gql(
        `query Page($first: Int!, $after: Cursor) { claims: allClaims(first: $first, after: $after, orderBy: ID_DESC, ${PG_LIVE}) { ${fields} } }`,
        { first, after },
      );
    case 'floor':
      return floor('/after', { first, after });
  }
}

export const DESK_PAGE = 25;

/**
 * e: the desk's claims list as the desk declares it (web/src/screens/claims-query.ts: its query and the variables it sends
 * for the first page) with what an editor's list also wants in each row: each attribution's stance and speaker
 * (anonymous, reliability) and the claims the claim's figures contradict.
 */
export const CD_DESK = withRowFields(ClaimsQuery, `
  attributions { id stance source { id name anonymous reliability } }
  conflictsWith { id }
`);

/** The document printed with `fields` added to the selection of `claims.nodes`; fails loudly if the list has none. */
function withRowFields(document: DocumentNode, fields: string): string {
  const extra = (parse(`{ ${fields} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections;
  let added = false;
  const edited = visit(document, {
    Field(node, _key, _parent, _path, ancestors) {
      const parent = ancestors[ancestors.length - 2];
      if (node.name.value !== 'nodes' || !node.selectionSet || (parent as FieldNode | undefined)?.name?.value !== 'claims') return undefined;
      added = true;
      return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, ...extra] } };
    },
  });
  if (!added) throw new Error("workload e: the desk's claims query has no claims { nodes } to add the editor's fields to");
  return print(edited);
}

/** The desk's variables for its first page of the unfiltered list. */
export const DESK_VARIABLES = { filter: {}, first: DESK_PAGE, sort: 'NEWEST' };

/** PostGraphile: the same, with anonymous, attributionLine and conflictsWith as computed columns (postgraphile-server.ts). */
const PG_DESK = `query Claims($first: Int!) { claims: allClaims(first: $first, orderBy: ID_DESC, ${PG_LIVE}) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      id statement status sourcing independentSourceCount hasDiscrepancy circular attributionLine createdAt deletedAt
      eventTimeStart eventTimeEnd placeName
      attributions: attributionsByClaimIdList(orderBy: ID_ASC, ${PG_LIVE}) { id stance source: sourceBySourceId { id name anonymous reliability } }
      conflictsWith: conflictsWithList { id }
    }
  }
}`;

export const WORKLOADS: Workload[] = [
  {
    key: 'a',
    shape: 'list',
    title: `a) list view: ${LIST_PAGE} newest claims, nested`,
    root: 'claims',
    request: (server) => (server === 'floor' ? floor('/list', { first: LIST_PAGE }) : claimsPageRequest(server, LIST_PAGE, null)),
  },
  {
    key: 'b',
    shape: 'list',
    title: `b) by source name + anonymous-only, ${FILTER_PAGE}`,
    root: 'claims',
    request(server, p) {
      switch (server) {
        case 'claimdesk':
          return gql(
            `query Filtered($first: Int!, $source: String!) { claims(first: $first, filter: { source: $source, anonymity: ANONYMOUS_ONLY }) { nodes { ${CD_LIST_ITEM} } ${PAGE_INFO} } }`,
            { first: FILTER_PAGE, source: p.sourceName },
          );
        case 'postgraphile':
          return gql(
            `query Filtered($first: Int!, $key: String!) { claims: claimsBySourceAnonymousOnly(key: $key, first: $first) { nodes { ${PG_LIST_ITEM} } ${PAGE_INFO} } }`,
            { first: FILTER_PAGE, key: p.sourceKey },
          );
        case 'floor':
          return floor('/filtered', { first: FILTER_PAGE, key: p.sourceKey });
      }
    },
  },
  {
    key: 'c',
    shape: 'detail',
    title: 'c) one claim by id, everything nested',
    root: 'claim',
    request(server, p) {
      switch (server) {
        case 'claimdesk':
          return gql(`query Detail($id: ID!) { ${CD_DETAIL} }`, { id: p.claimId });
        case 'postgraphile':
          return gql(`query Detail($id: String!) { ${PG_DETAIL} }`, { id: p.claimId });
        case 'floor':
          return floor('/detail', { id: p.claimId });
      }
    },
  },
  {
    key: 'd',
    shape: 'list',
    title: `d) page ${DEEP_PAGE_NUMBER} by cursor (${DEEP_PAGE} per page)`,
    root: 'claims',
    request: (server, p) => claimsPageRequest(server, DEEP_PAGE, p.cursors[server]),
  },
  {
    key: 'e',
    shape: 'desk',
    title: `e) the desk's claims list, ${DESK_PAGE} with attributionLine, conflictsWith, totalCount`,
    root: 'claims',
    request(server) {
      switch (server) {
        case 'claimdesk':
          return gql(CD_DESK, DESK_VARIABLES);
        case 'postgraphile':
          return gql(PG_DESK, { first: DESK_PAGE });
        case 'floor':
          return floor('/desk', { first: DESK_PAGE });
      }
    },
  },
];
