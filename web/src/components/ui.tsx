import type { CombinedError } from '@urql/core';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorCode, errorMessage } from '../api';
import { USER_ID_FIELDS, type People } from './people';

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

/**
 * A record screen whose id did not load: an address that is not an id at all (a link cut short) is
 * said in words rather than as the API's `id: must be an id (a UUID)`, with the way back to the list.
 */
export function RecordNotLoaded({ error, noun, list }: { error: CombinedError | undefined | null; noun: string; list: { href: string; label: string } }) {
  const notAnId = errorCode(error ?? undefined) === 'BAD_USER_INPUT' && error?.graphQLErrors.some((e) => (e.extensions?.fields as Array<{ field: string }> | undefined)?.some((f) => f.field === 'id'));
  return (
    <section>
      <p>
        <a href={list.href}>← {list.label}</a>
      </p>
      {notAnId ? (
        <p role="alert" class="error" data-code="BAD_USER_INPUT">
          This address does not name a {noun}: the part after {list.href}/ should be a {noun}'s id (a UUID). The link may have been cut short.
        </p>
      ) : (
        <ErrorNote error={error} />
      )}
    </section>
  );
}

/**
 * An edit form's Save and Cancel buttons, then the request's error unless it is BAD_USER_INPUT
 * already shown beside the fields it names.
 */
export function EditActions({ busy, save, onCancel, error, fieldErrors }: { busy: boolean; save: string; onCancel: () => void; error?: CombinedError; fieldErrors?: Record<string, string> }) {
  return (
    <>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : save}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {(errorCode(error) !== 'BAD_USER_INPUT' || !Object.keys(fieldErrors ?? {}).length) && <ErrorNote error={error} />}
    </>
  );
}

/** A choice that may be left unset: the blank option, then each value with its label. */
export function OptionalOptions({ values, blank, label }: { values: readonly string[]; blank: string; label: (value: string) => string }) {
  return (
    <>
      <option value="">{blank}</option>
      {values.map((x) => (
        <option key={x} value={x}>
          {label(x)}
        </option>
      ))}
    </>
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
export function History({ events, people }: { events: ReadonlyArray<HistoryEvent>; people: People }) {
  return (
    <>
      <h2>History</h2>
      <ol class="history">
        {events.map((h) => (
          <li key={h.id}>
            <p>
              <Time iso={h.at} /> — <T>{h.actorName}</T> {h.action.toLowerCase()}d
            </p>
            <Changes changes={h.changes} people={people} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** A user id as the user's name (the id on hover); any other value as showValue reads it. */
function ChangedValue({ field, json, people }: { field: string; json: string | null | undefined; people: People }) {
  const value = showValue(json);
  const name = USER_ID_FIELDS.has(field) ? people.get(value) : undefined;
  return name ? (
    <span title={value} data-user-id={value}>
      {name}
    </span>
  ) : (
    <>{value}</>
  );
}

export function Changes({ changes, people }: { changes: ReadonlyArray<{ field: string; before?: string | null; after?: string | null }>; people: People }) {
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
              <ChangedValue field={c.field} json={c.before} people={people} />
            </td>
            <td class="ins" dir="auto">
              <ChangedValue field={c.field} json={c.after} people={people} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A form's select that opens showing `initial`. Preact sets `defaultValue` before the options exist,
 * so the browser drops it and the select shows its first option (an applied filter read "any", an
 * edit form offered to save the wrong stance); a controlled `value` is set after the options.
 */
export function Select({ name, id, initial, children }: { name: string; id?: string; initial: string; children: ComponentChildren }) {
  const [value, setValue] = useState(initial);
  return (
    <select name={name} id={id} value={value} onChange={(e) => setValue(e.currentTarget.value)}>
      {children}
    </select>
  );
}
