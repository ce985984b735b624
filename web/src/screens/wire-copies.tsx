import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ErrorNote, Field } from '../components/ui';
import { graphql } from '../graphql';

const LinkWireCopies = graphql(`mutation LinkWireCopies($input: WireLinkInput!) { linkWireCopies(input: $input) { copies } }`);
const UnlinkWireCopies = graphql(`mutation UnlinkWireCopies($input: WireLinkInput!) { unlinkWireCopies(input: $input) { copies } }`);

interface Report {
  wireAgency: string | null;
  articleIds: string[];
  outlets: string[];
}

interface ArticleRef {
  id: string;
  headline: string | null;
  publisher: string | null;
  url: string;
}

const name = (a: ArticleRef) => `${a.publisher ?? new URL(a.url).host}${a.headline ? `: ${a.headline}` : ''}`;

/**
 * "Reported by N outlets, K distinct reports", each report's outlets, and for editors the control that
 * says two of the claim's articles are (or are not) copies of one wire story (linkWireCopies /
 * unlinkWireCopies); the counts on the page follow after the reload.
 */
export function ReportedBy(props: {
  reportedBy: { outletCount: number; reportCount: number; reports: Report[] };
  articles: ArticleRef[];
  editor: boolean;
  onChanged: () => void;
}) {
  const { reportedBy, articles, editor, onChanged } = props;
  const [pair, setPair] = useState<[string, string]>(['', '']);
  const [linked, link] = useMutation(LinkWireCopies);
  const [unlinked, unlink] = useMutation(UnlinkWireCopies);
  const first = pair[0] || articles[0]?.id || '';
  const second = pair[1] || articles.find((a) => a.id !== first)?.id || '';
  const send = async (copies: boolean) => {
    const input = { articleId: first, otherArticleId: second };
    const r = copies ? await link({ input }) : await unlink({ input });
    if (!r.error) onChanged();
  };
  const choose = (i: 0 | 1) => (
    <select value={i === 0 ? first : second} onChange={(e) => setPair(i === 0 ? [e.currentTarget.value, second] : [first, e.currentTarget.value])}>
      {articles.map((a) => (
        <option key={a.id} value={a.id}>
          {name(a)}
        </option>
      ))}
    </select>
  );
  return (
    <section aria-label="Reported by">
      <h2>Reported by</h2>
      <p>
        Reported by {reportedBy.outletCount} {reportedBy.outletCount === 1 ? 'outlet' : 'outlets'}, {reportedBy.reportCount} distinct{' '}
        {reportedBy.reportCount === 1 ? 'report' : 'reports'}.
      </p>
      <ul class="reports">
        {reportedBy.reports.map((r) => (
          <li key={r.articleIds.join()}>
            {r.outlets.join(', ')}
            {r.articleIds.length > 1 && <span class="muted"> — one {r.wireAgency ? `${r.wireAgency} ` : ''}wire story</span>}
          </li>
        ))}
      </ul>
      {editor && articles.length > 1 && (
        <form aria-label="Wire copies" onSubmit={(e) => e.preventDefault()}>
          <p class="muted">Two of these articles are one wire story the desk did not recognise, or are not copies although it grouped them.</p>
          <Field label="Article">{choose(0)}</Field>
          <Field label="and article">{choose(1)}</Field>
          <button type="button" disabled={linked.fetching || unlinked.fetching || first === second} onClick={() => send(true)}>
            Same wire story
          </button>{' '}
          <button type="button" class="secondary" disabled={linked.fetching || unlinked.fetching || first === second} onClick={() => send(false)}>
            Not copies
          </button>
          <ErrorNote error={linked.error ?? unlinked.error ?? null} />
        </form>
      )}
    </section>
  );
}
