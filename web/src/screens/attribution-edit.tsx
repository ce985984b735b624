import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { fieldErrors } from '../api';
import { useBusy } from '../components/busy';
import { changed, errorAt, iso, linesOf, textOf } from '../components/form-data';
import { label } from '../components/format';
import { EditActions, Field, Select } from '../components/ui';
import { graphql, type VariablesOf } from '../graphql';

const UpdateAttribution = graphql(`
  mutation UpdateAttribution($input: UpdateAttributionInput!) {
    updateAttribution(input: $input) { id version stance cue mode anonymityReason relationship conditions credibility saidAt }
  }
`);
const FindRelay = graphql(`query FindRelay($name: String!) { sources(filter: { name: $name }, first: 10) { nodes { id name kind } } }`);

type Input = VariablesOf<typeof UpdateAttribution>['input'];

export interface EditableAttribution {
  id: string;
  version: number;
  stance: string;
  cue?: string | null;
  mode: string;
  anonymityReason?: string | null;
  relationship?: string | null;
  conditions: readonly string[];
  credibility?: number | null;
  saidAt?: string | null;
  chain: ReadonlyArray<{ position: number; cue?: string | null; source: { id: string; name: string } }>;
}

interface Hop {
  key: number;
  name: string;
  sourceId: string | null;
  cue: string;
}

/** Admiralty information credibility, as the codebook names the grades. */
const CREDIBILITY = ['1 confirmed', '2 probably true', '3 possibly true', '4 doubtful', '5 improbable', '6 cannot be judged'];

/** One hop of the relay chain: a recorded source picked by name (new sources are made on the log screen). */
function HopRow({ hop, i, error, onChange, onRemove }: { hop: Hop; i: number; error?: string; onChange: (patch: Partial<Hop>) => void; onRemove: () => void }) {
  const [{ data }] = useQuery({ query: FindRelay, variables: { name: hop.name }, pause: hop.sourceId !== null || hop.name.trim().length < 2 });
  const found = data?.sources.nodes ?? [];
  const listId = `relay-${hop.key}-options`;
  // A name typed in full before the search answered is matched when the answer comes.
  useEffect(() => {
    const match = hop.sourceId ? undefined : found.find((s) => s.name === hop.name.trim());
    if (match) onChange({ sourceId: match.id });
  }, [data]);
  return (
    <div class="hop">
      <Field label={`Relay ${i + 1}`} error={error}>
        <input
          value={hop.name}
          list={listId}
          dir="auto"
          onInput={(e) => {
            const name = e.currentTarget.value;
            onChange({ name, sourceId: found.find((s) => s.name === name)?.id ?? null });
          }}
        />
        <datalist id={listId}>
          {found.map((s) => (
            <option key={s.id} value={s.name}>
              {label(s.kind)}
            </option>
          ))}
        </datalist>
      </Field>
      <Field label={`Relay ${i + 1} cue`}>
        <input value={hop.cue} onInput={(e) => onChange({ cue: e.currentTarget.value })} />
      </Field>
      <button type="button" class="secondary" onClick={onRemove}>
        Remove relay {i + 1}
      </button>
    </div>
  );
}

/**
 * How a source said it: stance, mode, cue, said-at, credibility, relationship, anonymity reason,
 * conditions and the relay chain. Only changed fields are sent; BAD_USER_INPUT messages sit beside
 * their fields, and a relay not picked from the recorded sources is caught before sending.
 */
export function AttributionEditForm({ a, onDone }: { a: EditableAttribution; onDone: () => void }) {
  const [result, update] = useMutation(UpdateAttribution);
  const [busy, run] = useBusy();
  // Updated from the latest list: a search answer and a keystroke in another field may land in one tick.
  const [hops, setHops] = useState<Hop[]>(() => a.chain.map((h, k) => ({ key: k, name: h.source.name, sourceId: h.source.id, cue: h.cue ?? '' })));
  const [unpicked, setUnpicked] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(result.error), ...unpicked };
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const missing = Object.fromEntries(hops.flatMap((h, i) => (h.sourceId ? [] : [[`chain.${i}.sourceId`, 'pick a recorded source from the list']])));
    setUnpicked(missing);
    if (Object.keys(missing).length) return;
    const credibility = textOf(f, 'credibility');
    const before = {
      stance: a.stance,
      mode: a.mode,
      cue: a.cue ?? null,
      saidAt: iso(a.saidAt) || null,
      credibility: a.credibility ?? null,
      relationship: a.relationship ?? null,
      anonymityReason: a.anonymityReason ?? null,
      conditions: [...a.conditions],
      chain: a.chain.map((h) => ({ sourceId: h.source.id, cue: h.cue ?? null })),
    };
    const next = {
      stance: textOf(f, 'stance'),
      mode: textOf(f, 'mode'),
      cue: textOf(f, 'cue'),
      saidAt: textOf(f, 'saidAt'),
      credibility: credibility === null ? null : Number(credibility),
      relationship: textOf(f, 'relationship'),
      anonymityReason: textOf(f, 'anonymityReason'),
      conditions: linesOf(f, 'conditions'),
      chain: hops.map((h) => ({ sourceId: h.sourceId!, cue: h.cue.trim() || null })),
    };
    void run(async () => {
      const r = await update({ input: { id: a.id, version: a.version, ...changed(before, next) } as Input });
      if (!r.error) onDone();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Edit the attribution" class="edit-form">
      <Field label="Stance" error={errors.stance}>
        <Select name="stance" initial={a.stance}>
          {['ASSERTS', 'DENIES', 'QUESTIONS'].map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Mode" error={errors.mode}>
        <Select name="mode" initial={a.mode}>
          <option value="PARAPHRASE">paraphrase</option>
          <option value="DIRECT_QUOTE">direct quote</option>
        </Select>
      </Field>
      <Field label="Cue" error={errors.cue}>
        <input name="cue" defaultValue={a.cue ?? ''} dir="auto" />
      </Field>
      <Field label="Said at (UTC: 2019-02-17 or 2019-02-17T14:00:00Z)" error={errors.saidAt}>
        <input name="saidAt" class="date-time" defaultValue={iso(a.saidAt)} />
      </Field>
      <Field label="Credibility" error={errors.credibility}>
        <Select name="credibility" initial={a.credibility == null ? '' : String(a.credibility)}>
          <option value="">not graded</option>
          {CREDIBILITY.map((c, i) => (
            <option key={c} value={String(i + 1)}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Relationship" error={errors.relationship}>
        <input name="relationship" defaultValue={a.relationship ?? ''} dir="auto" />
      </Field>
      <Field label="Anonymity reason" wide error={errors.anonymityReason}>
        <input name="anonymityReason" defaultValue={a.anonymityReason ?? ''} dir="auto" />
      </Field>
      <Field label="Conditions (one per line)" wide error={errorAt(errors, 'conditions')}>
        <textarea name="conditions" rows={2} defaultValue={a.conditions.join('\n')} dir="auto" />
      </Field>
      <div class="relays">
        <span class="label">Relay chain (outermost first)</span>
        {errors.chain && <span class="field-error">{errors.chain}</span>}
        {hops.map((h, i) => (
          <HopRow key={h.key} hop={h} i={i} error={errorAt(errors, `chain.${i}`)} onChange={(patch) => setHops((now) => now.map((x) => (x.key === h.key ? { ...x, ...patch } : x)))} onRemove={() => setHops((now) => now.filter((x) => x.key !== h.key))} />
        ))}
        <button type="button" class="secondary" onClick={() => setHops([...hops, { key: Math.max(-1, ...hops.map((h) => h.key)) + 1, name: '', sourceId: null, cue: 'quoting' }])}>
          Add relay
        </button>
      </div>
      <EditActions busy={busy} save="Save the attribution" onCancel={onDone} error={result.error} fieldErrors={errors} />
    </form>
  );
}
