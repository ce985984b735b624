import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { formatQuantity, label } from '../components/format';
import { Field, T } from '../components/ui';
import { graphql } from '../graphql';
import { KINDS, PRECISIONS, STANCES, emptyAttr, emptyQty, type Attr, type Card, type Hop, type Qty, type SpeakerReading } from './log-model';

/** The speaker as written beside the name it matched, and for anaphora the earlier mention it resolves to. */
export function SpeakerReadingNote({ r }: { r: SpeakerReading }) {
  return (
    <p class="reading muted" data-testid="speaker-reading">
      As written: “<T>{r.text}</T>” (characters {r.start}–{r.end}, sentence {r.sentenceIndex + 1})
      {r.canonicalName && (
        <>
          {' '}· matched <T>{r.canonicalName}</T>
        </>
      )}
      {r.affiliation && (
        <>
          {' '}· for <T>{r.affiliation}</T>
        </>
      )}
      {r.antecedent && (
        <span data-testid="antecedent">
          {' '}· refers to “<T>{r.antecedent.text}</T>” in sentence {r.antecedent.sentenceIndex + 1}
        </span>
      )}
    </p>
  );
}

const day = (iso: string) => iso.slice(0, 10);


const SourceNames = graphql(`
  query SourceNames($name: String!) {
    sources(filter: { name: $name }, first: 8) { nodes { id name kind aliases } }
  }
`);

/** A speaker typed or picked from known sources (native datalist: an accessible autocomplete). */
function SpeakerInput({ label: text, name, sourceId, kind, error, onChange }: { label: string; name: string; sourceId?: string; kind: string; error?: string; onChange: (v: { name: string; sourceId?: string; kind?: Attr['kind'] }) => void }) {
  const [listId] = useState(() => `src-${Math.random().toString(36).slice(2)}`);
  const [{ data }] = useQuery({ query: SourceNames, variables: { name }, pause: name.trim().length < 2 || kind === 'ANONYMOUS' });
  const options = data?.sources.nodes ?? [];
  return (
    <Field label={text} error={error}>
      <input
        list={listId}
        value={name}
        dir="auto"
        onInput={(e) => {
          const v = e.currentTarget.value;
          const hit = options.find((o) => o.name.toLowerCase() === v.toLowerCase());
          onChange(hit ? { name: hit.name, sourceId: hit.id, kind: hit.kind } : { name: v, sourceId: undefined });
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.name}>
            {[label(o.kind), ...o.aliases].join(' · ')}
          </option>
        ))}
      </datalist>
      <span class="hint">{sourceId ? 'known source' : kind === 'ANONYMOUS' ? 'new anonymous source' : 'new source (or matched by name)'}</span>
    </Field>
  );
}

function KindSelect({ label: text = 'Kind', value, onChange }: { label?: string; value: string; onChange: (k: Attr['kind']) => void }) {
  return (
    <Field label={text}>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as Attr['kind'])}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {label(k)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function AttrEditor({ a, i, errors, onChange, onRemove }: { a: Attr; i: number; errors: Record<string, string>; onChange: (a: Attr) => void; onRemove?: () => void }) {
  const p = `attributions.${i}`;
  const set = (patch: Partial<Attr>) => onChange({ ...a, ...patch });
  const setHop = (j: number, patch: Partial<Hop>) => set({ via: a.via.map((h, k) => (k === j ? { ...h, ...patch } : h)) });
  return (
    <fieldset class="attr">
      <legend>Attribution {i + 1}</legend>
      {a.reading && <SpeakerReadingNote r={a.reading} />}
      <SpeakerInput label="Speaker" name={a.name} sourceId={a.sourceId} kind={a.kind} error={errors[`${p}.source.name`] ?? errors[`${p}.source`]} onChange={(v) => set(v)} />
      <KindSelect value={a.kind} onChange={(kind) => set({ kind, sourceId: kind === 'ANONYMOUS' ? undefined : a.sourceId })} />
      <Field label="Cue" error={errors[`${p}.cue`]}>
        <input value={a.cue} onInput={(e) => set({ cue: e.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Stance" error={errors[`${p}.stance`]}>
        <select value={a.stance} onChange={(e) => set({ stance: e.currentTarget.value as Attr['stance'] })}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Mode">
        <select value={a.mode} onChange={(e) => set({ mode: e.currentTarget.value as Attr['mode'] })}>
          <option value="PARAPHRASE">paraphrase</option>
          <option value="DIRECT_QUOTE">direct quote</option>
        </select>
      </Field>
      <Field label="Relationship" error={errors[`${p}.relationship`]}>
        <input value={a.relationship} onInput={(e) => set({ relationship: e.currentTarget.value })} dir="auto" />
      </Field>
      <Field label={`Said at (UTC)${a.saidText ? ` — “${a.saidText}”` : ''}`} error={errors[`${p}.saidAt`]}>
        <input class="date-time" value={a.saidAt} placeholder="2019-02-17T00:00:00Z" onInput={(e) => set({ saidAt: e.currentTarget.value })} />
      </Field>
      <label class="check">
        <input type="checkbox" checked={a.anonymityGranted} onChange={(e) => set({ anonymityGranted: e.currentTarget.checked, kind: e.currentTarget.checked ? 'ANONYMOUS' : a.kind, sourceId: e.currentTarget.checked ? undefined : a.sourceId })} /> anonymity granted
      </label>
      <Field label="Anonymity reason" error={errors[`${p}.anonymityReason`]} wide>
        <input value={a.anonymityReason} onInput={(e) => set({ anonymityReason: e.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Conditions (one per line)" error={errors[`${p}.conditions`]} wide>
        <textarea rows={2} value={a.conditions} onInput={(e) => set({ conditions: e.currentTarget.value })} dir="auto" />
      </Field>
      <div class="relays">
        <span class="label">Relay chain (outermost first)</span>
        {a.via.map((h, j) => (
          <div class="hop" key={j}>
            <SpeakerInput label={`Relay ${j + 1}`} name={h.name} sourceId={h.sourceId} kind={h.kind} error={errors[`${p}.via.${j}.source.name`]} onChange={(v) => setHop(j, v)} />
            <KindSelect label={`Relay ${j + 1} kind`} value={h.kind} onChange={(kind) => setHop(j, { kind, sourceId: kind === 'ANONYMOUS' ? undefined : h.sourceId })} />
            {h.canonicalName && <span class="hint">matched {h.canonicalName}</span>}
            <Field label="Relay cue">
              <input value={h.cue} onInput={(e) => setHop(j, { cue: e.currentTarget.value })} />
            </Field>
            <button type="button" class="secondary" onClick={() => set({ via: a.via.filter((_, k) => k !== j) })}>
              Remove relay
            </button>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => set({ via: [...a.via, { name: '', kind: 'MEDIA_OUTLET', cue: 'quoting' }] })}>
          Add relay
        </button>
      </div>
      <Field label={`Quote${a.startOffset != null ? ` (characters ${a.startOffset}–${a.endOffset})` : ''}`} error={errors[`${p}.quote.quote`] ?? errors[`${p}.quote`]} wide>
        <textarea rows={2} value={a.quote} onInput={(e) => set({ quote: e.currentTarget.value, startOffset: undefined, endOffset: undefined })} dir="auto" />
      </Field>
      {onRemove && (
        <button type="button" class="secondary" onClick={onRemove}>
          Remove attribution
        </button>
      )}
    </fieldset>
  );
}

function QtyEditor({ q, i, errors, onChange, onRemove }: { q: Qty; i: number; errors: Record<string, string>; onChange: (q: Qty) => void; onRemove: () => void }) {
  const p = `quantities.${i}`;
  const set = (patch: Partial<Qty>) => onChange({ ...q, ...patch });
  const text = (key: 'variable' | 'lower' | 'upper' | 'value' | 'qualifier' | 'unit' | 'currency', name: string, type: 'text' | 'number' = 'text') => (
    <Field label={name} error={errors[`${p}.${key}`]}>
      <input type={type as 'text'} step="any" value={q[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </Field>
  );
  return (
    <fieldset class="qty">
      <legend>
        Figure {i + 1}
        {q.text && <span class="muted"> — “{q.text}”</span>}
      </legend>
      {text('variable', 'Variable')}
      {text('value', 'Value', 'number')}
      {text('lower', 'Lower bound', 'number')}
      <label class="check">
        <input type="checkbox" checked={q.lowerInclusive} onChange={(e) => set({ lowerInclusive: e.currentTarget.checked })} /> lower inclusive
      </label>
      {text('upper', 'Upper bound', 'number')}
      <label class="check">
        <input type="checkbox" checked={q.upperInclusive} onChange={(e) => set({ upperInclusive: e.currentTarget.checked })} /> upper inclusive
      </label>
      <label class="check">
        <input type="checkbox" checked={q.approximate} onChange={(e) => set({ approximate: e.currentTarget.checked })} /> approximate
      </label>
      <label class="check">
        <input type="checkbox" checked={q.vague} onChange={(e) => set({ vague: e.currentTarget.checked })} /> vague (a conventional range, not a count)
      </label>
      {text('qualifier', 'Qualifier')}
      {text('unit', 'Unit')}
      {text('currency', 'Currency')}
      <button type="button" class="secondary" onClick={onRemove}>
        Remove figure
      </button>
    </fieldset>
  );
}

/** The whole card as a form: the manual entry and the edit of a suggestion are the same form. */
export function CardEditor({ card, onChange }: { card: Card; onChange: (c: Card) => void }) {
  const e = card.errors;
  const set = (patch: Partial<Card>) => onChange({ ...card, ...patch });
  return (
    <div class="card-editor">
      <Field label="Statement" error={e.statement} wide>
        <textarea rows={2} value={card.statement} onInput={(ev) => set({ statement: ev.currentTarget.value })} dir="auto" data-first />
      </Field>
      <Field label="Summary (one line, your own words)" error={e.summary} wide>
        <input value={card.summary} maxLength={280} onInput={(ev) => set({ summary: ev.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Hedge" error={e.hedge}>
        <input value={card.hedge} onInput={(ev) => set({ hedge: ev.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Place" error={e['place.name'] ?? e.place}>
        <input value={card.place} onInput={(ev) => set({ place: ev.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Country (ISO code)" error={e['place.country']}>
        <input value={card.placeCountry} maxLength={2} onInput={(ev) => set({ placeCountry: ev.currentTarget.value })} />
      </Field>
      <Field label="Admin area" error={e['place.adminArea']}>
        <input value={card.placeAdminArea} onInput={(ev) => set({ placeAdminArea: ev.currentTarget.value })} dir="auto" />
      </Field>
      <Field label="Latitude" error={e['place.latitude']}>
        <input type="number" step="any" value={card.latitude} onInput={(ev) => set({ latitude: ev.currentTarget.value, geonameId: undefined })} />
      </Field>
      <Field label="Longitude" error={e['place.longitude']}>
        <input type="number" step="any" value={card.longitude} onInput={(ev) => set({ longitude: ev.currentTarget.value, geonameId: undefined })} />
      </Field>
      <Field label="Tags (comma-separated)" error={e.tags}>
        <input value={card.tags} onInput={(ev) => set({ tags: ev.currentTarget.value })} dir="auto" />
      </Field>
      <Field label={`Event start (UTC)${card.eventText ? ` — “${card.eventText}”` : ''}`} error={e['eventTime.start'] ?? e.eventTime}>
        <input class="date-time" value={card.eventStart} placeholder="2019-02-17T00:00:00Z" onInput={(ev) => set({ eventStart: ev.currentTarget.value })} />
      </Field>
      <Field label="Event end (UTC)" error={e['eventTime.end']}>
        <input class="date-time" value={card.eventEnd} onInput={(ev) => set({ eventEnd: ev.currentTarget.value })} />
      </Field>
      <Field label="Precision">
        <select value={card.precision} onChange={(ev) => set({ precision: ev.currentTarget.value as Card['precision'] })}>
          <option value="">—</option>
          {PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {label(p)}
            </option>
          ))}
        </select>
      </Field>
      {card.quantities.map((q, i) => (
        <QtyEditor key={i} q={q} i={i} errors={e} onChange={(nq) => set({ quantities: card.quantities.map((x, k) => (k === i ? nq : x)) })} onRemove={() => set({ quantities: card.quantities.filter((_, k) => k !== i) })} />
      ))}
      <button type="button" class="secondary" onClick={() => set({ quantities: [...card.quantities, emptyQty()] })}>
        Add figure
      </button>
      {card.attributions.map((a, i) => (
        <AttrEditor
          key={i}
          a={a}
          i={i}
          errors={e}
          onChange={(na) => set({ attributions: card.attributions.map((x, k) => (k === i ? na : x)) })}
          onRemove={card.attributions.length > 1 ? () => set({ attributions: card.attributions.filter((_, k) => k !== i) }) : undefined}
        />
      ))}
      <button type="button" class="secondary" onClick={() => set({ attributions: [...card.attributions, emptyAttr()] })}>
        Add attribution
      </button>
    </div>
  );
}

export function CardSummary({ card }: { card: Card }) {
  return (
    <div class="card-summary">
      <p class="statement">
        <T>{card.statement || '(no statement)'}</T>
        {card.hedge && <span class="muted"> — hedge “{card.hedge}”</span>}
      </p>
      <ul class="speakers">
        {card.attributions.map((a, i) => (
          <li key={i}>
            {a.via.map((h, j) => (
              <span key={j}>
                <T>{h.name}</T> <span class="muted">{h.cue}</span>{' '}
              </span>
            ))}
            <strong>
              <T>{a.name || '(no speaker)'}</T>
            </strong>{' '}
            <span class="muted">
              {a.cue} · {label(a.stance)}
              {a.kind === 'ANONYMOUS' && ' · anonymous'}
              {a.sourceId && ' · known source'}
            </span>
            {a.anonymityGranted && <span class="muted" data-testid="anonymity"> · anonymity granted{a.anonymityReason ? `: “${a.anonymityReason}”` : ''}</span>}
            {!a.anonymityGranted && a.anonymityReason && <span class="muted"> · “{a.anonymityReason}”</span>}
            {a.saidAt && (
              <span class="muted" data-testid="said-at">
                {' '}
                · said {day(a.saidAt)}
                {a.saidText && ` (“${a.saidText}”)`}
              </span>
            )}
            {a.via.some((h) => h.kind === 'ANONYMOUS') && <span class="muted"> · anonymous relay</span>}
            {a.reading && <SpeakerReadingNote r={a.reading} />}
          </li>
        ))}
      </ul>
      {(card.quantities.length > 0 || card.eventStart || card.place) && (
        <p class="muted">
          {card.quantities.map((q) => `${q.variable}: ${formatQuantity({ ...q, lower: q.lower === '' ? null : +q.lower, upper: q.upper === '' ? null : +q.upper, value: q.value === '' ? null : +q.value })}${q.vague ? ' (vague)' : ''}`).join('; ')}
          {card.eventStart && (
            <span data-testid="event-time">
              {' '}
              · event {day(card.eventStart)}
              {card.eventEnd && `–${day(card.eventEnd)}`}
              {card.eventText && ` (“${card.eventText}”)`}
            </span>
          )}
          {card.place && ` · ${card.place}`}
          {card.placeCountry && `, ${card.placeCountry}`}
          {card.latitude && card.longitude && ` (${(+card.latitude).toFixed(3)}, ${(+card.longitude).toFixed(3)})`}
        </p>
      )}
    </div>
  );
}
