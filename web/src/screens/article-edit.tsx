import { useMutation } from '@urql/preact';
import { fieldErrors } from '../api';
import { useBusy } from '../components/busy';
import { changed, iso, textOf } from '../components/form-data';
import { EditActions, Field } from '../components/ui';
import { graphql, type VariablesOf } from '../graphql';

const UpdateArticle = graphql(`
  mutation UpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) { id version url headline publisher wireAgency byline language publishedAt }
  }
`);

type Input = VariablesOf<typeof UpdateArticle>['input'];

export interface EditableArticle {
  id: string;
  version: number;
  url: string;
  headline?: string | null;
  publisher?: string | null;
  wireAgency?: string | null;
  byline?: string | null;
  language?: string | null;
  publishedAt?: string | null;
}

const FIELDS = [
  ['url', 'URL'],
  ['headline', 'Headline'],
  ['publisher', 'Publisher'],
  ['wireAgency', 'Wire agency'],
  ['byline', 'Byline'],
  ['language', 'Language (BCP 47: en, ar-SY)'],
  ['publishedAt', 'Published at (UTC: 2019-02-17 or 2019-02-17T14:00:00Z)'],
] as const;

/** The article's details as cited: where it is, who published it and when. Its text is kept as recorded. */
export function ArticleEditForm({ article, onDone }: { article: EditableArticle; onDone: () => void }) {
  const [result, update] = useMutation(UpdateArticle);
  const [busy, run] = useBusy();
  const errors = fieldErrors(result.error);
  const before = Object.fromEntries(FIELDS.map(([k]) => [k, k === 'publishedAt' ? iso(article[k]) || null : (article[k] ?? null)]));
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(FIELDS.map(([k]) => [k, textOf(f, k)]));
    void run(async () => {
      const r = await update({ input: { id: article.id, version: article.version, ...changed(before, next) } as Input });
      if (!r.error) onDone();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Edit the article" class="edit-form">
      {FIELDS.map(([k, text]) => (
        <Field key={k} label={text} wide={k === 'url' || k === 'headline'} error={errors[k]}>
          <input name={k} class={k === 'publishedAt' ? 'date-time' : undefined} defaultValue={before[k] ?? ''} dir={k === 'headline' || k === 'byline' || k === 'publisher' ? 'auto' : undefined} required={k === 'url'} />
        </Field>
      ))}
      <EditActions busy={busy} save="Save the article" onCancel={onDone} error={result.error} fieldErrors={errors} />
    </form>
  );
}
