import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { authHeader, type RestError } from '../api';
import { FilterForm, filterFromQuery, toSearch } from '../components/claim-filter';
import { useBusy } from '../components/busy';
import { ErrorNote } from '../components/ui';
import { graphql } from '../graphql';

const CountQuery = graphql(`
  query ExportCount($filter: ClaimFilterInput) {
    claims(filter: $filter, first: 100) { totalCount nodes { id attributions { id } } }
  }
`);

/**
 * Saves a response as a file: the key goes in a header, so a plain link cannot be used. Answers the
 * problem to show, or null: a refusal's JSON message, or a transfer cut off midway (the server
 * cuts the connection rather than pass off a partial file as a whole one).
 */
async function download(path: string, fallbackName: string): Promise<string | null> {
  let blob: Blob;
  let name = fallbackName;
  try {
    const res = await fetch(path, { headers: authHeader() });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as RestError | null;
      return body?.message ?? `The server answered ${res.status}`;
    }
    name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    blob = await res.blob();
  } catch {
    return `The download of ${fallbackName} failed before it was complete; nothing was saved. Try again.`;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

/**
 * The downloads offered: the filtered data in each format, and the files that describe it. The data
 * package describes a profile's columns whatever the filter; the codebook is one for all.
 */
const FILES: ReadonlyArray<{ label: string; path: string; name: string; takes: 'filter' | 'profile' | 'nothing' }> = [
  { label: 'CSV', path: '/exports/claims.csv', name: 'claims.csv', takes: 'filter' },
  { label: 'JSONL', path: '/exports/claims.jsonl', name: 'claims.jsonl', takes: 'filter' },
  { label: 'Parquet', path: '/exports/claims.parquet', name: 'claims.parquet', takes: 'filter' },
  { label: 'bundle (ZIP)', path: '/exports/bundle.zip', name: 'bundle.zip', takes: 'filter' },
  { label: 'datapackage.json', path: '/exports/datapackage.json', name: 'datapackage.json', takes: 'profile' },
  { label: 'codebook', path: '/exports/codebook', name: 'codebook.md', takes: 'nothing' },
];

export function ExportScreen() {
  const { query, path, route } = useLocation();
  const filter = filterFromQuery(query);
  const [{ data, error }] = useQuery({ query: CountQuery, variables: { filter } });
  const [profile, setProfile] = useState('full');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const [fetchingFile, setFetchingFile] = useState<string | null>(null);
  const profileParam = profile === 'full' ? undefined : profile;
  const params = toSearch({ ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])), profile: profileParam });
  const rows = data && data.claims.totalCount <= 100 ? data.claims.nodes.reduce((n, c) => n + c.attributions.length, 0) : null;
  const search = { filter: params, profile: toSearch({ profile: profileParam }), nothing: '' };
  const get = (f: (typeof FILES)[number]) =>
    run(async () => {
      setProblem(null);
      setFetchingFile(f.label);
      setProblem(await download(`${f.path}${search[f.takes]}`, f.name));
      setFetchingFile(null);
    });
  return (
    <section aria-labelledby="export-h">
      <h1 id="export-h">Export</h1>
      <p class="muted">One row per claim and attribution; the columns are described in the codebook. Deleted records and confidential notes are never exported.</p>
      <FilterForm query={query} onApply={(q) => route(`${path}${toSearch(q)}`)} idPrefix="x" />
      <ErrorNote error={error} />
      {data && (
        <p aria-live="polite" data-testid="export-count">
          {data.claims.totalCount} claims{rows !== null ? `, ${rows} rows` : ' (one row per attribution)'} with the filters applied: the data downloads hold these. Change a filter, then Apply, before downloading.
        </p>
      )}
      <div class="toolbar">
        <label class="field inline">
          <span class="label">Columns</span>
          <select value={profile} onChange={(e) => setProfile(e.currentTarget.value)}>
            <option value="full">full</option>
            <option value="ucdp">UCDP-GED style</option>
          </select>
        </label>
        {FILES.map((f) => (
          <button key={f.label} type="button" class={f.takes === 'filter' ? undefined : 'secondary'} disabled={busy} aria-busy={fetchingFile === f.label} onClick={() => void get(f)}>
            {fetchingFile === f.label ? `Preparing ${f.label}…` : `Download ${f.label}`}
          </button>
        ))}
      </div>
      <p class="muted" aria-live="polite" data-testid="export-progress">
        {fetchingFile ? `Preparing ${fetchingFile}: a large export takes a while; the other downloads wait until it is saved.` : ''}
      </p>
      {problem && (
        <p role="alert" class="error" data-testid="export-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
