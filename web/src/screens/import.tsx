import { useState } from 'preact/hooks';
import type { ImportReport as Report } from '../../../src/imports/import-report';
import { authHeader, type RestError } from '../api';
import { shortId } from '../components/format';

type Outcome = { report: Report } | { error: RestError };

async function send(text: string, format: string, dryRun: boolean): Promise<Outcome> {
  const res = await fetch(`/imports?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { ...authHeader(), 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
    body: text,
  });
  const body = await res.json().catch(() => ({ code: 'INTERNAL', message: `The server answered ${res.status}` }));
  return res.ok ? { report: body as Report } : { error: body as RestError };
}

/** Dry run first: errors are shown on their lines; commit is offered once the same file passes. */
export function ImportScreen() {
  const [text, setText] = useState('');
  const [format, setFormat] = useState('jsonl');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    setBusy(true);
    const o = await send(text, format, dryRun);
    setBusy(false);
    setOutcome(o);
    setChecked('report' in o && dryRun ? text : null);
  };
  const errors = outcome && 'error' in outcome ? (outcome.error.errors ?? []) : [];
  const byLine = new Map<number, string[]>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), `${e.field ? `${e.field}: ` : ''}${e.message}`]);
  return (
    <section aria-labelledby="import-h">
      <h1 id="import-h">Import</h1>
      <p class="muted">CSV or JSON Lines in the export's layout (see the codebook). All rows are written or none; rows already imported are left as they are.</p>
      <div class="toolbar">
        <label class="field inline">
          <span class="label">Format</span>
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value)}>
            <option value="jsonl">JSON Lines</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <label class="field inline">
          <span class="label">File</span>
          <input
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              if (!f) return;
              setFormat(f.name.endsWith('.csv') ? 'csv' : 'jsonl');
              setText(await f.text());
            }}
          />
        </label>
      </div>
      <label class="field wide">
        <span class="label">Or paste the file</span>
        <textarea name="file" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
      </label>
      <div class="actions">
        <button type="button" disabled={busy || !text} onClick={() => void run(true)}>
          Dry run
        </button>
        <button type="button" disabled={busy || checked !== text} onClick={() => void run(false)}>
          Commit import
        </button>
      </div>
      {outcome && 'report' in outcome && (
        <p role="status" class="ok" data-testid="import-report">
          {outcome.report.dryRun ? 'Dry run passed: nothing written. ' : 'Imported. '}
          {outcome.report.rows} rows, {outcome.report.claims} claims ({outcome.report.claimsCreated} new, {outcome.report.claimsUnchanged} already recorded), {outcome.report.attributionsCreated} attributions.
        </p>
      )}
      {outcome && 'report' in outcome && outcome.report.possibleDuplicates.length > 0 && <PossibleDuplicates report={outcome.report} />}
      {outcome && 'error' in outcome && (
        <div role="alert" class="error" data-testid="import-errors">
          <p>{outcome.error.message}</p>
          <ol class="numbered-lines">
            {text.split('\n').map((line, i) =>
              byLine.has(i + 1) ? (
                <li key={i} value={i + 1} class="bad" data-line={i + 1}>
                  <code dir="auto">{line.length > 160 ? `${line.slice(0, 160)}…` : line}</code>
                  <ul>
                    {byLine.get(i + 1)!.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </li>
              ) : null,
            )}
          </ol>
        </div>
      )}
    </section>
  );
}

/**
 * New claims of the file that likely record a claim already there, or another of the file's: the reader decides
 * before committing, and merges afterwards on the claim's page. A claim of the file is named by its line, since a
 * dry run writes nothing to link to.
 */
function PossibleDuplicates({ report }: { report: Report }) {
  const lineOf = new Map(report.possibleDuplicates.map((d) => [d.claimId, d.line]));
  return (
    <div class="duplicates" data-testid="import-duplicates">
      <p>
        {report.possibleDuplicates.length === 1 ? 'One new claim may' : `${report.possibleDuplicates.length} new claims may`} already be recorded
        {report.dryRun ? ' (nothing is written yet)' : ' (merge them from the claim’s page)'}:
      </p>
      <ul>
        {report.possibleDuplicates.map((d) => (
          <li key={d.claimId}>
            Line {d.line} (<code dir="auto">{d.externalId}</code>
            {report.dryRun ? '' : <>, <a href={`/claims/${d.claimId}`}>claim {shortId(d.claimId)}</a></>}) is like{' '}
            {d.matches.map((m, i) => (
              <span key={m.claimId}>
                {i > 0 && ', '}
                {lineOf.has(m.claimId) && report.dryRun ? `line ${lineOf.get(m.claimId)} of this file` : <a href={`/claims/${m.claimId}`}>claim {shortId(m.claimId)}</a>}{' '}
                <span class="muted">({Math.round(m.score * 100)}%)</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
