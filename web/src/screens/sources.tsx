import { useMutation, useQuery } from '@urql/preact';
import { fieldErrors } from '../api';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { toSearch } from '../components/claim-filter';
import { label } from '../components/format';
import { useBusy } from '../components/busy';
import { PersonName, usePeople } from '../components/people';
import { Pager, pageVariables } from '../components/pager';
import { Badge, ErrorNote, Field, History, Loading, RecordNotLoaded, T, Time } from '../components/ui';
import { graphql } from '../graphql';
import { can, type Viewer } from '../session';
import { SourceEditForm } from './source-edit';

const SourcesQuery = graphql(`
  query Sources($name: String, $first: Int, $after: String, $last: Int, $before: String) {
    sources(filter: { name: $name }, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { id name kind anonymous aliases reliability basedIn claimCount }
    }
  }
`);

export function SourcesScreen() {
  const { query, path, route } = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: SourcesQuery, variables: { name: query.name || null, ...pageVariables(query, 50) } });
  return (
    <section aria-labelledby="sources-h">
      <h1 id="sources-h">Sources</h1>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          route(`${path}${toSearch({ name: (new FormData(e.currentTarget).get('name') as string) || undefined })}`);
        }}
      >
        <Field label="Name or alias">
          <input name="name" defaultValue={query.name ?? ''} dir="auto" key={query.name} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <ErrorNote error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <p>{data.sources.totalCount} sources</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Aliases</th>
                <th scope="col">Reliability</th>
                <th scope="col" title="Claims the source speaks in (any stance) or relays">
                  Claims
                </th>
              </tr>
            </thead>
            <tbody>
              {data.sources.nodes.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/sources/${s.id}`}>
                      <T>{s.name}</T>
                    </a>
                  </td>
                  <td>{label(s.kind)}</td>
                  <td dir="auto">{s.aliases.join(', ')}</td>
                  <td>{s.reliability ?? '—'}</td>
                  <td data-testid="claim-count">{s.claimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pageInfo={data.sources.pageInfo} go={(cursor) => route(`${path}${toSearch({ ...query, ...cursor })}`)} />
        </>
      )}
    </section>
  );
}

const SourceQuery = graphql(`
  query Source($id: ID!, $withHistory: Boolean!) {
    source(id: $id) {
      id version name kind anonymous aliases affiliation basedIn wikidataId reliability confidentialNote
      reliabilityHistory { fromGrade toGrade reason changedAt actorId }
      claimCount
      linkedSources { id name }
      trackRecord { total unverified corroborated confirmed contested false retracted }
      attributions(first: 50) { nodes { id stance claim { id statement status } } }
    }
    history(entityType: SOURCE, id: $id, first: 100) @include(if: $withHistory) {
      nodes { id action actorName at changes { field before after } }
    }
  }
`);
const SetReliability = graphql(`mutation SetReliability($input: SetReliabilityInput!) { setSourceReliability(input: $input) { id version reliability } }`);
const Merge = graphql(`mutation Merge($input: MergeSourcesInput!) { mergeSources(input: $input) { id } }`);
const Link = graphql(`mutation Link($input: LinkSourcesInput!) { linkSources(input: $input) { id } }`);
const Unlink = graphql(`mutation Unlink($input: UnlinkSourcesInput!) { unlinkSources(input: $input) { id } }`);
const FindOther = graphql(`query FindOther($name: String!) { sources(filter: { name: $name }, first: 10) { nodes { id name kind } } }`);

export function SourceScreen({ id, viewer }: { id: string; viewer: Viewer }) {
  const editor = can.edit(viewer.role);
  const withHistory = can.history(viewer.role);
  const [{ data, error, fetching }] = useQuery({ query: SourceQuery, variables: { id, withHistory } });
  const { people } = usePeople(withHistory);
  const [editing, setEditing] = useState(false);
  const [relBusy, runRel] = useBusy();
  const [rel, setRel] = useMutation(SetReliability);
  const [merged, merge] = useMutation(Merge);
  const [linked, link] = useMutation(Link);
  const [unlinked, unlink] = useMutation(Unlink);
  const [grade, setGrade] = useState('');
  const [reason, setReason] = useState('');
  const [other, setOther] = useState('');
  const [{ data: others }] = useQuery({ query: FindOther, variables: { name: other }, pause: other.trim().length < 2 });
  const { route } = useLocation();
  if (fetching && !data) return <Loading />;
  if (!data) return <RecordNotLoaded error={error} noun="source" list={{ href: '/sources', label: 'Sources' }} />;
  const s = data.source;
  const t = s.trackRecord;
  const relErrors = fieldErrors(rel.error);
  return (
    <article aria-labelledby="source-h">
      <p>
        <a href="/sources">← Sources</a>
      </p>
      <h1 id="source-h">
        <T>{s.name}</T> {s.anonymous && <Badge kind="anonymous">anonymous</Badge>}
      </h1>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{label(s.kind)}</dd>
        <dt>Aliases</dt>
        <dd dir="auto">{s.aliases.join(', ') || '—'}</dd>
        <dt>Based in</dt>
        <dd dir="auto">{s.basedIn ?? '—'}</dd>
        <dt>Affiliation</dt>
        <dd dir="auto">{s.affiliation ?? '—'}</dd>
        <dt>Reliability</dt>
        <dd data-testid="reliability">{s.reliability ?? '—'}</dd>
        {s.confidentialNote && (
          <>
            <dt>Confidential note</dt>
            <dd dir="auto">{s.confidentialNote}</dd>
          </>
        )}
        <dt>Wikidata</dt>
        <dd>{s.wikidataId ?? '—'}</dd>
        <dt>Track record</dt>
        <dd>
          asserts {t.total} claims: {t.confirmed} confirmed, {t.corroborated} corroborated, {t.unverified} unverified, {t.contested} contested, {t.false} false, {t.retracted} retracted
        </dd>
        <dt>Takes part in</dt>
        <dd>
          <a href={`/claims?sourceId=${s.id}`} data-testid="source-claims">
            {s.claimCount} {s.claimCount === 1 ? 'claim' : 'claims'} as speaker or relay
          </a>
        </dd>
        <dt>Same origin as</dt>
        <dd>
          {s.linkedSources.map((l) => (
            <span key={l.id}>
              <a href={`/sources/${l.id}`}>
                <T>{l.name}</T>
              </a>{' '}
            </span>
          ))}
          {!s.linkedSources.length && '—'}
          {editor && s.linkedSources.length > 0 && (
            <button type="button" class="secondary" onClick={() => void unlink({ input: { sourceIds: [s.id] } })}>
              Unlink
            </button>
          )}
        </dd>
      </dl>
      {can.log(viewer.role) &&
        (editing ? (
          <SourceEditForm key={s.version} s={s} onDone={() => setEditing(false)} />
        ) : (
          <p class="actions">
            <button type="button" class="secondary" onClick={() => setEditing(true)}>
              Edit the source
            </button>
          </p>
        ))}
      {editor && (
        <>
          <h2>Reliability</h2>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void runRel(async () => {
                const r = await setRel({ input: { id, reliability: (grade || null) as 'A' | null, reason, version: s.version } });
                if (!r.error) setReason('');
              });
            }}
          >
            <Field label="Grade" error={relErrors.reliability}>
              <select value={grade} onChange={(e) => setGrade(e.currentTarget.value)}>
                <option value="">none</option>
                {['A', 'B', 'C', 'D', 'E', 'F'].map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            </Field>
            <Field label="Reason" wide error={relErrors.reason}>
              <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} dir="auto" />
            </Field>
            <button type="submit" disabled={relBusy}>
              {relBusy ? 'Setting reliability…' : 'Set reliability'}
            </button>
            {!relErrors.reliability && !relErrors.reason && <ErrorNote error={rel.error} />}
          </form>
          <h2>Merge or link with another source</h2>
          <Field label="Find the other source">
            <input value={other} onInput={(e) => setOther(e.currentTarget.value)} dir="auto" />
          </Field>
          <ul>
            {others?.sources.nodes
              .filter((o) => o.id !== s.id)
              .map((o) => (
                <li key={o.id}>
                  <T>{o.name}</T> ({label(o.kind)}){' '}
                  <button type="button" onClick={() => void merge({ input: { survivorId: s.id, mergedId: o.id } }).then((r) => !r.error && setOther(''))}>
                    Merge into this source
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => void link({ input: { sourceIds: [s.id, o.id] } })}>
                    Link as one origin
                  </button>
                </li>
              ))}
          </ul>
          <ErrorNote error={merged.error ?? linked.error ?? unlinked.error} />
        </>
      )}
      {s.reliabilityHistory.length > 0 && (
        <>
          <h3>Reliability history</h3>
          <ol>
            {s.reliabilityHistory.map((h, i) => (
              <li key={i}>
                <Time iso={h.changedAt} />: {h.fromGrade ?? '—'} → {h.toGrade ?? '—'} — <T>{h.reason}</T>
                {withHistory && (
                  <>
                    {' '}
                    <span class="muted">
                      (by <PersonName id={h.actorId} people={people} />)
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>Claims it speaks in</h2>
      {!s.attributions.nodes.length && <p class="muted">None as the speaker{s.claimCount > 0 ? '; it relays the claims linked above' : ''}.</p>}
      <ul>
        {s.attributions.nodes.map((a) => (
          <li key={a.id}>
            <a href={`/claims/${a.claim.id}`} onClick={(e) => (e.preventDefault(), route(`/claims/${a.claim.id}`))}>
              <T>{a.claim.statement}</T>
            </a>{' '}
            <Badge kind={a.stance}>{label(a.stance)}</Badge> <Badge kind={a.claim.status}>{label(a.claim.status)}</Badge>
          </li>
        ))}
      </ul>
      {data.history && <History events={data.history.nodes} people={people} />}
    </article>
  );
}
