import type { VariablesOf } from '../graphql';
import { PersonOptions } from './people';
import { Select } from './ui';
import type { ClaimsQuery } from '../screens/claims';

type Filter = NonNullable<VariablesOf<typeof ClaimsQuery>['filter']>;

type FilterName = keyof Filter & string;
type FilterSpec = { label: string; type: 'text' | 'date' | 'number' | 'select' | 'bool' | 'person'; options?: string[]; more?: true };

/**
 * Every filter of the claims API, as URL parameters (shareable) and as form controls, in the form's order. Keyed by
 * the API's filter fields, so that a filter added to the API and not here fails the desk's type check (`deleted` is
 * the editors' own toggle on the list).
 */
const FILTER_SPECS: Record<Exclude<FilterName, 'deleted'>, FilterSpec> = {
  search: { label: 'Text in statement', type: 'text' },
  sourcing: { label: 'Sourcing', type: 'select', options: ['ANONYMOUS_ONLY', 'CONTESTED', 'CORROBORATED', 'SINGLE_SOURCE', 'UNSOURCED'] },
  anonymity: { label: 'Anonymity', type: 'select', options: ['ANONYMOUS_ONLY', 'NAMED_ONLY'] },
  status: { label: 'Status', type: 'select', options: ['UNVERIFIED', 'CORROBORATED', 'CONFIRMED', 'CONTESTED', 'FALSE', 'RETRACTED'] },
  hasDiscrepancy: { label: 'Discrepancy', type: 'bool' },
  assignedToId: { label: 'Assigned to', type: 'person' },
  circular: { more: true, label: 'Circular sourcing', type: 'bool' },
  minIndependentSources: { more: true, label: 'Min. independent sources', type: 'number' },
  maxIndependentSources: { more: true, label: 'Max. independent sources', type: 'number' },
  source: { label: 'Source (speaker or relay)', type: 'text' },
  relayedBy: { more: true, label: 'Relayed by', type: 'text' },
  sourceId: { more: true, label: 'Source id (speaker or relay; the source page links here)', type: 'text' },
  articleId: { more: true, label: 'Article id (the claims it carries)', type: 'text' },
  sourceKind: { more: true, label: 'Speaker kind', type: 'select', options: ['ACTIVIST_COLLECTIVE', 'ANONYMOUS', 'ARMED_GROUP', 'GOVERNMENT', 'INDIVIDUAL', 'MEDIA_OUTLET', 'MILITARY', 'MONITORING_GROUP', 'NEWS_AGENCY', 'NGO'] },
  stance: { more: true, label: 'Stance', type: 'select', options: ['ASSERTS', 'DENIES', 'QUESTIONS'] },
  variable: { more: true, label: 'Variable', type: 'text' },
  tag: { more: true, label: 'Tag', type: 'text' },
  summary: { more: true, label: 'Words in summary', type: 'text' },
  place: { more: true, label: 'Place', type: 'text' },
  eventFrom: { more: true, label: 'Event from', type: 'date' },
  eventTo: { more: true, label: 'Event to', type: 'date' },
  publishedFrom: { more: true, label: 'Published from', type: 'date' },
  publishedTo: { more: true, label: 'Published to', type: 'date' },
  updatedSince: { more: true, label: 'Changed since', type: 'date' },
};

export const FILTER_FIELDS: Array<FilterSpec & { name: FilterName }> = Object.entries(FILTER_SPECS).map(([name, spec]) => ({ name: name as FilterName, ...spec }));

/** URL parameters to the API filter: dates as UTC midnight (end dates inclusive of the whole day). */
export function filterFromQuery(query: Record<string, string>): Filter {
  const filter: Record<string, unknown> = {};
  for (const f of FILTER_FIELDS) {
    const v = query[f.name];
    if (v === undefined || v === '') continue;
    if (f.type === 'bool') filter[f.name] = v === 'true';
    // A number the URL mangled ("abc") would go out as null: leave the filter out rather than send it. A number out
    // of range (-1) still goes, so that the API's coded refusal names the field.
    else if (f.type === 'number') {
      if (v.trim() !== '' && Number.isFinite(Number(v))) filter[f.name] = Number(v);
    }
    else if (f.type === 'date') filter[f.name] = f.name.endsWith('To') ? `${v}T23:59:59Z` : `${v}T00:00:00Z`;
    else filter[f.name] = v;
  }
  return filter as Filter;
}

interface Person {
  id: string;
  name: string;
}

/**
 * `people`: whom the "Assigned to" filter offers (an editor's pick); without them an applied one is kept as it is
 * and shown as "me" or the id (a reporter's "Assigned to me").
 */
export function FilterForm({ query, onApply, idPrefix = 'f', people = [], viewerId }: { query: Record<string, string>; onApply: (q: Record<string, string>) => void; idPrefix?: string; people?: readonly Person[]; viewerId?: string | null }) {
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v !== '') next[k] = v;
    onApply(next);
  };
  const control = (f: (typeof FILTER_FIELDS)[number]) => f.type === 'person' ? personControl(f) : (

        <label class="field" key={f.name}>
          <span class="label">{f.label}</span>
          {f.type === 'select' || f.type === 'bool' ? (
            <Select name={f.name} id={`${idPrefix}-${f.name}`} initial={query[f.name] ?? ''}>
              <option value="">any</option>
              {(f.type === 'bool' ? ['true', 'false'] : f.options!).map((o) => (
                <option key={o} value={o}>
                  {f.type === 'bool' ? (o === 'true' ? 'yes' : 'no') : o.replace(/_/g, ' ').toLowerCase()}
                </option>
              ))}
            </Select>
          ) : (
            <input name={f.name} id={`${idPrefix}-${f.name}`} type={f.type as 'text'} min={f.type === 'number' ? 0 : undefined} defaultValue={query[f.name] ?? ''} dir={f.type === 'text' ? 'auto' : undefined} />
          )}
        </label>
      
  );
  const personControl = (f: (typeof FILTER_FIELDS)[number]) => {
    const value = query[f.name] ?? '';
    if (!people.length) {
      if (!value) return null;
      return (
        <span class="field" key={f.name}>
          <span class="label">{f.label}</span>
          <span>{value === viewerId ? 'me' : <code>{value}</code>}</span>
          <input type="hidden" name={f.name} value={value} />
        </span>
      );
    }
    return (
      <label class="field" key={f.name}>
        <span class="label">{f.label}</span>
        <Select name={f.name} id={`${idPrefix}-${f.name}`} initial={value}>
          <option value="">anyone</option>
          <PersonOptions people={people} kept={value ? { id: value, name: value === viewerId ? 'me' : value } : null} />
        </Select>
      </label>
    );
  };
  return (
    <form class="filters" onSubmit={submit} aria-label="Filters" key={JSON.stringify(query)}>
      {FILTER_FIELDS.filter((f) => !f.more).map(control)}
      <details open={FILTER_FIELDS.some((f) => f.more && query[f.name])}>
        <summary>More filters: relays, kind, stance, counts, variable, tag, summary, place, article, dates</summary>
        {FILTER_FIELDS.filter((f) => f.more).map(control)}
      </details>
      <div class="actions">
        <button type="submit">Apply filters</button>
        <button type="button" class="secondary" onClick={() => onApply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}

/** A URL query string from parameters, dropping empty ones. */
export function toSearch(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
