import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { authHeader, type RestError } from '../api';
import { FilterForm, filterFromQuery, toSearch } from '../components/claim-filter';
import { ErrorNote } from '../components/ui';
import { graphql } from '../graphql';

const CountQuery = graphql(`
  query ExportCount($filter: ClaimFilterInput) {
    claims(filter: $filter, first: 100) { totalCount nodes { id attributions { id } } }
  }
`);

/** Saves a response as a file: the key goes in a header, so a plain link cannot be used. */
async function download(path: string, fallbackName: string): Promise<string | null> {
  const res = await fetch(path, { headers: authHeader() });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as RestError | null;
    return body?.message ?? `The server answered ${res.status}`;
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

export function ExportScreen() {
  const { query, path, route } = useLocation();
  const filter = filterFromQuery(query);
  const [{ data, error }] = useQuery({ query: CountQuery, variables: { filter } });
  const [profile, setProfile] = useState('full');
  const [problem, setProblem] = useState<string | null>(null);
  const params = toSearch({ ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])), profile: profile === 'full' ? undefined : profile });
  const rows = data && data.claims.totalCount <= 100 ? data.claims.nodes.reduce((n, c) => n + c.attributions.length, 0) : null;
  const get = async (file: string, name: string) => setProblem(await download(file, name));
  return (
    <section aria-labelledby="export-h">
      <h1 id="export-h">Export</h1>
      <p class="muted">One row per claim and attribution; the columns are described in the codebook. Deleted records and confidential notes are never exported.</p>
      <FilterForm query={query} onApply={(q) => route(`${path}${toSearch(q)}`)} idPrefix="x" />
      <ErrorNote error={error} />
      {data && (
        <p aria-live="polite" data-testid="export-count">
          {data.claims.totalCount} claims{rows !== null ? `, ${rows} rows` : ' (one row per attribution)'}
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
        <button type="button" onClick={() => void get(`/exports/claims.csv${params}`, 'claims.csv')}>
          Download CSV
        </button>
        <button type="button" onClick={() => void get(`/exports/claims.jsonl${params}`, 'claims.jsonl')}>
          Download JSONL
        </button>
        <button type="button" class="secondary" onClick={() => void get('/exports/codebook', 'codebook.md')}>
          Download codebook
        </button>
      </div>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
    </section>
  );
}
