import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { changed, errorAt, iso, numberOf, textOf } from '../components/form-data';
import { label } from '../components/format';
import { EditActions, Field, OptionalOptions, Select } from '../components/ui';
import type { VariablesOf } from '../graphql';
import { graphql } from '../graphql';

export const UpdateClaim = graphql(`
  mutation UpdateClaim($input: UpdateClaimInput!) {
    updateClaim(input: $input) {
      id version statement summary hedge tags hasDiscrepancy
      eventTime { start end precision }
      place { name adminArea country latitude longitude precision }
      quantities { variable lower lowerInclusive upper upperInclusive value approximate qualifier unit currency }
    }
  }
`);

type Input = VariablesOf<typeof UpdateClaim>['input'];
type Quantity = NonNullable<Input['quantities']>[number];
type Place = NonNullable<Input['place']>;
type EventTime = NonNullable<Input['eventTime']>;

/** The claim as the page read it: the fields this form edits. */
export interface EditableClaim {
  id: string;
  version: number;
  statement: string;
  summary?: string | null;
  hedge?: string | null;
  tags: readonly string[];
  eventTime?: { start?: string | null; end?: string | null; precision?: string | null } | null;
  place?: { name?: string | null; adminArea?: string | null; country?: string | null; latitude?: number | null; longitude?: number | null; precision?: string | null } | null;
  quantities: ReadonlyArray<Quantity>;
}

const PLACE_PRECISIONS = ['EXACT', 'NEAR', 'ADMIN2', 'ADMIN1', 'REGION', 'COUNTRY'] as const;
const TIME_PRECISIONS = ['EXACT', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/** The same key order for a figure read from the API and one read from the form, so they compare. */
const figure = (q: Quantity): Quantity => ({
  variable: q.variable,
  value: q.value ?? null,
  lower: q.lower ?? null,
  lowerInclusive: q.lowerInclusive ?? true,
  upper: q.upper ?? null,
  upperInclusive: q.upperInclusive ?? true,
  approximate: q.approximate ?? false,
  qualifier: q.qualifier ?? null,
  unit: q.unit ?? null,
  currency: q.currency ?? null,
});

function placeOf(p: EditableClaim['place']): Place | null {
  const place = { name: p?.name ?? null, adminArea: p?.adminArea ?? null, country: p?.country ?? null, latitude: p?.latitude ?? null, longitude: p?.longitude ?? null, precision: (p?.precision ?? null) as Place['precision'] };
  return Object.values(place).every((v) => v === null) ? null : place;
}

function eventTimeOf(t: EditableClaim['eventTime']): EventTime | null {
  const time = { start: iso(t?.start) || null, end: iso(t?.end) || null, precision: (t?.precision ?? null) as EventTime['precision'] };
  return time.start === null && time.end === null ? null : time;
}

function Figure({ q, i, errors, onRemove }: { q: Quantity; i: number; errors: Record<string, string>; onRemove: () => void }) {
  const p = `quantities.${i}`;
  const input = (key: 'variable' | 'value' | 'lower' | 'upper' | 'qualifier' | 'unit' | 'currency', text: string, type: 'text' | 'number' = 'text') => (
    <Field label={text} error={errors[`${p}.${key}`]}>
      <input name={`${p}.${key}`} type={type as 'text'} step="any" defaultValue={q[key] == null ? '' : String(q[key])} />
    </Field>
  );
  const check = (key: 'lowerInclusive' | 'upperInclusive' | 'approximate', text: string) => (
    <label class="check">
      <input type="checkbox" name={`${p}.${key}`} defaultChecked={key === 'approximate' ? !!q.approximate : q[key] !== false} /> {text}
    </label>
  );
  return (
    <fieldset class="qty">
      <legend>Figure {i + 1}</legend>
      {input('variable', 'Variable')}
      {input('value', 'Value', 'number')}
      {input('lower', 'Lower bound', 'number')}
      {check('lowerInclusive', 'lower inclusive')}
      {input('upper', 'Upper bound', 'number')}
      {check('upperInclusive', 'upper inclusive')}
      {check('approximate', 'approximate')}
      {input('qualifier', 'Qualifier')}
      {input('unit', 'Unit')}
      {input('currency', 'Currency')}
      <button type="button" class="secondary" onClick={onRemove}>
        Remove figure {i + 1}
      </button>
    </fieldset>
  );
}

function figureFrom(f: FormData, i: number): Quantity {
  const p = `quantities.${i}`;
  return figure({
    variable: textOf(f, `${p}.variable`) ?? '',
    value: numberOf(f, `${p}.value`),
    lower: numberOf(f, `${p}.lower`),
    lowerInclusive: f.has(`${p}.lowerInclusive`),
    upper: numberOf(f, `${p}.upper`),
    upperInclusive: f.has(`${p}.upperInclusive`),
    approximate: f.has(`${p}.approximate`),
    qualifier: textOf(f, `${p}.qualifier`),
    unit: textOf(f, `${p}.unit`),
    currency: textOf(f, `${p}.currency`),
  });
}

/**
 * The claim's own fields: statement, summary, hedge, tags, event time, place and figures. Only what was changed
 * is sent (figures are replaced as a whole, as updateClaim does), and each BAD_USER_INPUT message
 * appears beside its field.
 */
export function ClaimEditForm({ claim, errors, busy, onSubmit, onCancel, children }: { claim: EditableClaim; errors: Record<string, string>; busy: boolean; onSubmit: (input: Input) => void; onCancel: () => void; children?: ComponentChildren }) {
  // Row keys stay with their figure when another is removed; the field names follow the row's position.
  const [rows, setRows] = useState(() => claim.quantities.map((q, k) => ({ key: k, q: figure(q) })));
  const [nextKey, setNextKey] = useState(claim.quantities.length);
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const before = {
      statement: claim.statement,
      summary: claim.summary ?? null,
      hedge: claim.hedge ?? null,
      tags: [...claim.tags],
      eventTime: eventTimeOf(claim.eventTime),
      place: placeOf(claim.place),
      quantities: claim.quantities.map(figure),
    };
    const next = {
      statement: textOf(f, 'statement') ?? '',
      summary: textOf(f, 'summary'),
      hedge: textOf(f, 'hedge'),
      tags: String(f.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      eventTime: eventTimeOf({ start: textOf(f, 'eventTime.start'), end: textOf(f, 'eventTime.end'), precision: textOf(f, 'eventTime.precision') }),
      place: placeOf({
        name: textOf(f, 'place.name'),
        adminArea: textOf(f, 'place.adminArea'),
        country: textOf(f, 'place.country')?.toUpperCase() ?? null,
        latitude: numberOf(f, 'place.latitude'),
        longitude: numberOf(f, 'place.longitude'),
        precision: textOf(f, 'place.precision'),
      }),
      quantities: rows.map((_, i) => figureFrom(f, i)),
    };
    onSubmit({ id: claim.id, version: claim.version, ...changed(before, next) } as Input);
  };
  const t = claim.eventTime;
  const p = claim.place;
  return (
    <form onSubmit={submit} aria-label="Edit the claim" class="edit-form">
      <Field label="Statement" wide error={errors.statement}>
        <textarea name="statement" rows={2} defaultValue={claim.statement} dir="auto" required />
      </Field>
      <Field label="Summary (one line, your own words)" wide error={errors.summary}>
        <input name="summary" defaultValue={claim.summary ?? ''} maxLength={280} dir="auto" />
      </Field>
      <Field label="Hedge" error={errors.hedge}>
        <input name="hedge" defaultValue={claim.hedge ?? ''} dir="auto" />
      </Field>
      <Field label="Tags (comma-separated)" error={errorAt(errors, 'tags')}>
        <input name="tags" defaultValue={claim.tags.join(', ')} dir="auto" />
      </Field>
      <fieldset>
        <legend>Event time (UTC: 2019-02-17 or 2019-02-17T14:00:00Z)</legend>
        <Field label="Event start" error={errors['eventTime.start'] ?? errors.eventTime}>
          <input name="eventTime.start" class="date-time" defaultValue={iso(t?.start)} />
        </Field>
        <Field label="Event end" error={errors['eventTime.end']}>
          <input name="eventTime.end" class="date-time" defaultValue={iso(t?.end)} />
        </Field>
        <Field label="Time precision" error={errors['eventTime.precision']}>
          <Select name="eventTime.precision" initial={t?.precision ?? ''}>
            <OptionalOptions values={TIME_PRECISIONS} blank="not given" label={label} />
          </Select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>Place</legend>
        <Field label="Place name" error={errors['place.name'] ?? errors.place}>
          <input name="place.name" defaultValue={p?.name ?? ''} dir="auto" />
        </Field>
        <Field label="Admin area" error={errors['place.adminArea']}>
          <input name="place.adminArea" defaultValue={p?.adminArea ?? ''} dir="auto" />
        </Field>
        <Field label="Country (ISO code)" error={errors['place.country']}>
          <input name="place.country" defaultValue={p?.country ?? ''} />
        </Field>
        <Field label="Latitude" error={errors['place.latitude']}>
          <input name="place.latitude" type="number" step="any" defaultValue={p?.latitude == null ? '' : String(p.latitude)} />
        </Field>
        <Field label="Longitude" error={errors['place.longitude']}>
          <input name="place.longitude" type="number" step="any" defaultValue={p?.longitude == null ? '' : String(p.longitude)} />
        </Field>
        <Field label="Place precision" error={errors['place.precision']}>
          <Select name="place.precision" initial={p?.precision ?? ''}>
            <OptionalOptions values={PLACE_PRECISIONS} blank="not given" label={label} />
          </Select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>Figures</legend>
        {errors.quantities && <p class="field-error">{errors.quantities}</p>}
        {rows.map((r, i) => (
          <Figure key={r.key} q={r.q} i={i} errors={errors} onRemove={() => setRows(rows.filter((x) => x.key !== r.key))} />
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setRows([...rows, { key: nextKey, q: figure({ variable: '' }) }]);
            setNextKey(nextKey + 1);
          }}
        >
          Add figure
        </button>
      </fieldset>
      <EditActions busy={busy} save="Save" onCancel={onCancel} />
      {children}
    </form>
  );
}
