import { useMutation } from '@urql/preact';
import { fieldErrors } from '../api';
import { useBusy } from '../components/busy';
import { changed, errorAt, linesOf, textOf } from '../components/form-data';
import { EditActions, Field } from '../components/ui';
import { graphql, type VariablesOf } from '../graphql';

const UpdateSource = graphql(`
  mutation UpdateSource($input: UpdateSourceInput!) { updateSource(input: $input) { id version name aliases basedIn affiliation wikidataId } }
`);

type Input = VariablesOf<typeof UpdateSource>['input'];

export interface EditableSource {
  id: string;
  version: number;
  name: string;
  aliases: readonly string[];
  basedIn?: string | null;
  affiliation?: string | null;
  wikidataId?: string | null;
}

/** A source's names and identity: name, aliases, where it is based, affiliation, Wikidata id. */
export function SourceEditForm({ s, onDone }: { s: EditableSource; onDone: () => void }) {
  const [result, update] = useMutation(UpdateSource);
  const [busy, run] = useBusy();
  const errors = fieldErrors(result.error);
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const before = { name: s.name, aliases: [...s.aliases], basedIn: s.basedIn ?? null, affiliation: s.affiliation ?? null, wikidataId: s.wikidataId ?? null };
    const next = { name: textOf(f, 'name') ?? '', aliases: linesOf(f, 'aliases'), basedIn: textOf(f, 'basedIn'), affiliation: textOf(f, 'affiliation'), wikidataId: textOf(f, 'wikidataId') };
    void run(async () => {
      const r = await update({ input: { id: s.id, version: s.version, ...changed(before, next) } as Input });
      if (!r.error) onDone();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Edit the source" class="edit-form">
      <Field label="Name" wide error={errors.name}>
        <input name="name" defaultValue={s.name} dir="auto" required />
      </Field>
      <Field label="Aliases (one per line)" wide error={errorAt(errors, 'aliases')}>
        <textarea name="aliases" rows={2} defaultValue={s.aliases.join('\n')} dir="auto" />
      </Field>
      <Field label="Based in" error={errors.basedIn}>
        <input name="basedIn" defaultValue={s.basedIn ?? ''} dir="auto" />
      </Field>
      <Field label="Affiliation" error={errors.affiliation}>
        <input name="affiliation" defaultValue={s.affiliation ?? ''} dir="auto" />
      </Field>
      <Field label="Wikidata id" error={errors.wikidataId}>
        <input name="wikidataId" defaultValue={s.wikidataId ?? ''} placeholder="Q12345" />
      </Field>
      <EditActions busy={busy} save="Save the source" onCancel={onDone} error={result.error} fieldErrors={errors} />
    </form>
  );
}
