import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { toSearch } from '../components/claim-filter';
import { Changes, ErrorNote, Field, Loading, T, Time } from '../components/ui';
import { graphql } from '../graphql';

const AuditQuery = graphql(`
  query Audit($filter: AuditFilterInput, $after: String) {
    auditEvents(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id action actorName at entityType entityId changes { field before after } }
    }
  }
`);

const TYPES = ['ARTICLE', 'ATTRIBUTION', 'CITATION', 'CLAIM', 'SOURCE', 'USER'] as const;

export function AuditScreen() {
  const { query, path, route } = useLocation();
  const entityType = TYPES.find((t) => t === query.entityType);
  const filter = {
    entityType,
    actorId: query.actorId || undefined,
    from: query.from ? `${query.from}T00:00:00Z` : undefined,
    to: query.to ? `${query.to}T23:59:59Z` : undefined,
  };
  const [{ data, error, fetching }] = useQuery({ query: AuditQuery, variables: { filter, after: query.after || null } });
  const apply = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    route(`${path}${toSearch(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])))}`);
  };
  const link = (type: string, id: string) => (type === 'CLAIM' ? `/claims/${id}` : type === 'SOURCE' ? `/sources/${id}` : null);
  return (
    <section aria-labelledby="audit-h">
      <h1 id="audit-h">Audit log</h1>
      <form class="toolbar" onSubmit={apply} key={JSON.stringify(query)}>
        <Field label="Record type">
          <select name="entityType" defaultValue={query.entityType ?? ''}>
            <option value="">any</option>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field label="Actor id">
          <input name="actorId" defaultValue={query.actorId ?? ''} />
        </Field>
        <Field label="From">
          <input type="date" name="from" defaultValue={query.from ?? ''} />
        </Field>
        <Field label="To">
          <input type="date" name="to" defaultValue={query.to ?? ''} />
        </Field>
        <button type="submit">Filter</button>
      </form>
      <ErrorNote error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <p>{data.auditEvents.totalCount} events, oldest first</p>
          <ol class="history">
            {data.auditEvents.nodes.map((h) => {
              const href = link(h.entityType, h.entityId);
              return (
                <li key={h.id}>
                  <p>
                    <Time iso={h.at} /> — <T>{h.actorName}</T> {h.action.toLowerCase()}d {h.entityType.toLowerCase()} {href ? <a href={href}>{h.entityId.slice(0, 8)}</a> : <code>{h.entityId.slice(0, 8)}</code>}
                  </p>
                  <Changes changes={h.changes} />
                </li>
              );
            })}
          </ol>
          {data.auditEvents.pageInfo.hasNextPage && (
            <button type="button" onClick={() => route(`${path}${toSearch({ ...query, after: data.auditEvents.pageInfo.endCursor ?? undefined })}`)}>
              Next page
            </button>
          )}
        </>
      )}
    </section>
  );
}
