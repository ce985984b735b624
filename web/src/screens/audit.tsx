import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { toSearch } from '../components/claim-filter';
import { label, shortId } from '../components/format';
import { Pager, pageVariables } from '../components/pager';
import { usePeople } from '../components/people';
import { Changes, ErrorNote, Field, Loading, Select, T, Time } from '../components/ui';
import { graphql } from '../graphql';

const AuditQuery = graphql(`
  query Audit($filter: AuditFilterInput, $first: Int, $after: String, $last: Int, $before: String) {
    auditEvents(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
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
  const [{ data, error, fetching }] = useQuery({ query: AuditQuery, variables: { filter, ...pageVariables(query, 50) } });
  // The screen is for editors and admins only (main.tsx), the roles `people` answers.
  const { people, list } = usePeople(true);
  const apply = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    route(`${path}${toSearch(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])))}`);
  };
  // Events name their record type as the entity does ("Claim"), not as RecordType spells it ("CLAIM").
  const link = (type: string, id: string) => (/^claim$/i.test(type) ? `/claims/${id}` : /^source$/i.test(type) ? `/sources/${id}` : null);
  return (
    <section aria-labelledby="audit-h">
      <h1 id="audit-h">Audit log</h1>
      <form class="toolbar" onSubmit={apply} key={`${JSON.stringify(query)}:${list.length}`}>
        <Field label="Record type">
          <Select name="entityType" initial={query.entityType ?? ''}>
            <option value="">any</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {label(t)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Actor">
          <Select name="actorId" initial={query.actorId ?? ''}>
            <option value="">anyone</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {query.actorId && list.length > 0 && !people.has(query.actorId) && <option value={query.actorId}>unknown user {shortId(query.actorId)}</option>}
          </Select>
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
                    <Time iso={h.at} /> — <T>{h.actorName}</T> {h.action.toLowerCase()}d {h.entityType.toLowerCase()} {href ? <a href={href}>{shortId(h.entityId)}</a> : <code>{shortId(h.entityId)}</code>}
                  </p>
                  <Changes changes={h.changes} people={people} />
                </li>
              );
            })}
          </ol>
          <Pager pageInfo={data.auditEvents.pageInfo} go={(cursor) => route(`${path}${toSearch({ ...query, ...cursor })}`)} />
        </>
      )}
    </section>
  );
}
