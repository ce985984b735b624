import type { CombinedError } from '@urql/core';
import type { ComponentChildren } from 'preact';
import { errorCode, errorMessage } from '../api';

/**
 * A date in the reader's locale, with the UTC value on hover. A day-precision date (dateOnly) is a UTC
 * day, so it is shown as that day wherever the reader is.
 */
export function Time({ iso, dateOnly }: { iso: string | null | undefined; dateOnly?: boolean }) {
  if (!iso) return <span class="muted">—</span>;
  const d = new Date(iso);
  const shown = dateOnly ? d.toLocaleDateString(undefined, { timeZone: 'UTC' }) : d.toLocaleString();
  return (
    <time dateTime={iso} title={`${d.toISOString().replace('.000Z', 'Z')} (UTC)`}>
      {shown}
    </time>
  );
}

/** Text written by people: Arabic or Hebrew names and quotes take their own direction. */
export function T({ children }: { children: ComponentChildren }) {
  return <span dir="auto">{children}</span>;
}

export function ErrorNote({ error }: { error: CombinedError | undefined | null }) {
  if (!error) return null;
  const code = errorCode(error);
  return (
    <p role="alert" class={`error ${code === 'FORBIDDEN' ? 'refused' : ''}`} data-code={code}>
      {errorMessage(error)}
    </p>
  );
}

export function FieldError({ message, id }: { message?: string; id?: string }) {
  return message ? (
    <span class="field-error" role="alert" id={id}>
      {message}
    </span>
  ) : null;
}

/** A labelled control with its BAD_USER_INPUT message beside it. */
export function Field({ label, error, children, wide }: { label: string; error?: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <label class={`field ${wide ? 'wide' : ''} ${error ? 'invalid' : ''}`}>
      <span class="label">{label}</span>
      {children}
      <FieldError message={error} />
    </label>
  );
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }) {
  return <span class={`badge badge-${kind.toLowerCase()}`}>{children}</span>;
}

export function Loading() {
  return (
    <p class="muted" aria-live="polite">
      Loading…
    </p>
  );
}

/** A field change from the audit log, JSON-decoded for reading. */
export function showValue(json: string | null | undefined): string {
  if (json === null || json === undefined) return '∅';
  try {
    const v = JSON.parse(json);
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return json;
  }
}

type HistoryEvent = { id: string; at: string; actorName: string; action: string; changes: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }> };

/** A record's audit history as readable diffs; the claim and source pages both show it. */
export function History({ events }: { events: ReadonlyArray<HistoryEvent> }) {
  return (
    <>
      <h2>History</h2>
      <ol class="history">
        {events.map((h) => (
          <li key={h.id}>
            <p>
              <Time iso={h.at} /> — <T>{h.actorName}</T> {h.action.toLowerCase()}d
            </p>
            <Changes changes={h.changes} />
          </li>
        ))}
      </ol>
    </>
  );
}

export function Changes({ changes }: { changes: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }> }) {
  if (!changes.length) return null;
  return (
    <table class="diff">
      <thead>
        <tr>
          <th scope="col">field</th>
          <th scope="col">before</th>
          <th scope="col">after</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td class="del" dir="auto">
              {showValue(c.before)}
            </td>
            <td class="ins" dir="auto">
              {showValue(c.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
