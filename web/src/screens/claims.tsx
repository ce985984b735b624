import { useMutation, useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { FilterForm, filterFromQuery, toSearch } from '../components/claim-filter';
import { Pager, pageVariables } from '../components/pager';
import { useAssignable } from '../components/people';
import { Badge, ErrorNote, Loading, T, Time } from '../components/ui';
import { graphql, type ResultOf } from '../graphql';
import { ClaimsQuery } from './claims-query';
import { can, type Viewer } from '../session';

export { ClaimsQuery };

export type ClaimRow = ResultOf<typeof ClaimsQuery>['claims']['nodes'][number];

const Restore = graphql(`mutation Restore($input: RestoreRecordInput!) { restoreRecord(input: $input) { id deletedAt } }`);

export function ClaimTable({ rows, onRestore }: { rows: readonly ClaimRow[]; onRestore?: (id: string) => void }) {
  return (
    <table class="claims" data-testid="claims-table">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Attribution</th>
          <th scope="col">Sourcing</th>
          <th scope="col">Status</th>
          <th scope="col">Event</th>
          <th scope="col">Logged</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <a href={`/claims/${c.id}`}>
                <T>{c.statement}</T>
              </a>
            </td>
            <td>
              <T>{c.attributionLine}</T>
            </td>
            <td>
              <Badge kind={c.sourcing}>{c.sourcing.replace(/_/g, ' ').toLowerCase()}</Badge>
              {c.hasDiscrepancy && <Badge kind="discrepancy">discrepancy</Badge>}
              {c.circular && <Badge kind="circular">circular</Badge>}
              {c.deletedAt && <Badge kind="deleted">deleted</Badge>}
              {c.deletedAt && onRestore && (
                <button type="button" class="small" onClick={() => onRestore(c.id)}>
                  Restore
                </button>
              )}
            </td>
            <td>
              <Badge kind={c.status}>{c.status.toLowerCase()}</Badge>
              {c.assignedTo && (
                <span class="assignee muted" data-testid="assignee">
                  {' '}
                  assigned to <span dir="auto">{c.assignedTo.name}</span>
                </span>
              )}
            </td>
            <td>
              <Time iso={c.eventTime?.start} dateOnly />
            </td>
            <td>
              <Time iso={c.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Filters, sort, page size and cursor all live in the URL, so a view can be shared or bookmarked. */
export function ClaimsScreen({ viewer }: { viewer: Viewer }) {
  const { query, route, path } = useLocation();
  const first = Number(query.first ?? 25);
  const editor = can.edit(viewer.role);
  const deleted = editor && (query.deleted === 'ONLY' || query.deleted === 'INCLUDE') ? query.deleted : undefined;
  const [restored, restore] = useMutation(Restore);
  const assignable = useAssignable(editor);
  const mine = viewer.id && can.seeAssignments(viewer.role) ? viewer.id : null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ClaimsQuery,
    variables: { filter: { ...filterFromQuery(query), deleted }, ...pageVariables(query, first), sort: query.sort === 'EVENT_TIME' ? 'EVENT_TIME' : 'NEWEST' },
  });
  const go = (q: Record<string, string | undefined>) => route(`${path}${toSearch(q)}`);
  return (
    <section aria-labelledby="claims-h">
      <h1 id="claims-h">Claims</h1>
      <FilterForm query={query} people={assignable} viewerId={viewer.id} onApply={(q) => go({ ...q, sort: query.sort, first: query.first, deleted: query.deleted })} />
      <div class="toolbar">
        <label class="field inline">
          <span class="label">Sort</span>
          <select value={query.sort ?? 'NEWEST'} onChange={(e) => go({ ...query, sort: e.currentTarget.value, after: undefined, before: undefined })}>
            <option value="NEWEST">newest logged</option>
            <option value="EVENT_TIME">latest event</option>
          </select>
        </label>
        {editor && (
          <label class="field inline">
            <span class="label">Deleted claims</span>
            <select value={deleted ?? ''} onChange={(e) => go({ ...query, deleted: e.currentTarget.value || undefined, after: undefined, before: undefined })}>
              <option value="">hidden</option>
              <option value="INCLUDE">shown too</option>
              <option value="ONLY">only</option>
            </select>
          </label>
        )}
        {mine && (
          <a href={`${path}${toSearch({ ...query, assignedToId: mine, after: undefined, before: undefined })}`} aria-current={query.assignedToId === mine ? 'true' : undefined}>
            Assigned to me
          </a>
        )}
        <a href={`/export${toSearch({ ...query, after: undefined, before: undefined, first: undefined, sort: undefined })}`}>Export these claims</a>
      </div>
      <ErrorNote error={error ?? restored.error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <p aria-live="polite" data-testid="claims-count">
            {data.claims.totalCount} claim{data.claims.totalCount === 1 ? '' : 's'}
          </p>
          <ClaimTable rows={data.claims.nodes} onRestore={editor ? (id) => void restore({ input: { type: 'CLAIM', id } }).then(() => refetch({ requestPolicy: 'network-only' })) : undefined} />
          <Pager pageInfo={data.claims.pageInfo} go={(cursor) => go({ ...query, ...cursor })} />
        </>
      )}
    </section>
  );
}
