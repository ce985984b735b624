import { useClient, useQuery } from '@urql/preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cancellableQuery, errorMessage, fieldErrors } from '../api';
import { ErrorNote, Field, T } from '../components/ui';
import { useCancellable, Working } from '../components/working';
import { graphql } from '../graphql';
import type { Viewer } from '../session';
import { CardEditor, CardSummary } from './log-card';
import { blankCard, cardFromSuggestion, draftInput, LogClaim, logInput, SuggestQuery, type Article, type Card, type Mark } from './log-model';

const RecentArticles = graphql(`query RecentArticles { articles(first: 50) { nodes { id headline url publisher } } }`);
const ArticleById = graphql(`query ArticleById($id: ID!) { article(id: $id) { id url headline publisher wireAgency publishedAt bodyText } }`);
const Similar = graphql(`
  query Similar($draft: ClaimDraftInput!) {
    similarClaims(draft: $draft, first: 5) { score tier reasons { code detail } claim { id statement attributionLine } }
  }
`);

type SimilarClaim = { id: string; statement: string; attributionLine: string; tier: 'LIKELY' | 'POSSIBLE'; score: number; reasons: string };

const EMPTY_ARTICLE: Article = { url: '', headline: '', publisher: '', wireAgency: '', publishedAt: '', bodyText: '' };

const SHORTCUTS: Array<[string, string]> = [
  ['j / k', 'next / previous card'],
  ['a', 'accept the card'],
  ['e', 'edit the card'],
  ['x', 'reject the card'],
  ['m', 'merge the card into the one above (one claim, several attributions)'],
  ['n', 'new blank card (manual entry)'],
  ['Esc', 'leave a field'],
];

/** The article text with every suggestion's parts marked in place; the current card's marks stand out. */
function MarkedText({ text, cards, current, onPick }: { text: string; cards: Card[]; current: number; onPick: (i: number) => void }) {
  const segments = useMemo(() => {
    const marks: Array<Mark & { card: number }> = [];
    cards.forEach((c, i) => c.state !== 'rejected' && c.marks.forEach((m) => marks.push({ ...m, card: i })));
    const cuts = new Set([0, text.length]);
    for (const m of marks) cuts.add(m.start).add(m.end);
    const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    const out: Array<{ start: number; end: number; mark?: Mark & { card: number } }> = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [s, e] = [points[i], points[i + 1]];
      // The narrowest mark covering the segment wins (a figure inside a claim's content shows as a figure).
      const mark = marks.filter((m) => m.start <= s && m.end >= e).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
      out.push({ start: s, end: e, mark });
    }
    return out;
  }, [text, cards]);
  return (
    <div class="article-text marked" dir="auto" data-testid="marked-text">
      {segments.map((seg) =>
        seg.mark ? (
          <mark key={seg.start} class={`m-${seg.mark.kind} ${seg.mark.card === current ? 'current' : ''}`} title={seg.mark.kind} onClick={() => onPick(seg.mark!.card)}>
            {text.slice(seg.start, seg.end)}
          </mark>
        ) : (
          <span key={seg.start}>{text.slice(seg.start, seg.end)}</span>
        ),
      )}
    </div>
  );
}

export function LogScreen({ viewer }: { viewer: Viewer }) {
  const client = useClient();
  const [article, setArticle] = useState<Article>(EMPTY_ARTICLE);
  const [cards, setCards] = useState<Card[]>([]);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [similar, setSimilar] = useState<{ card: number; claims: SimilarClaim[] } | null>(null);
  const [articleErrors, setArticleErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A long article takes seconds to read, and more under load: the button says so, the seconds so far are
  // shown with a Cancel that aborts the request, and a second press does not queue another run.
  const suggestion = useCancellable();
  const suggesting = suggestion.work !== null;
  const submitRef = useRef<HTMLButtonElement>(null);
  // The similar-claims check before a card is created: the same, on the card it is for.
  const check = useCancellable();
  const [checkingCard, setCheckingCard] = useState<number | null>(null);
  const checking = check.work !== null;
  const [{ data: recent }] = useQuery({ query: RecentArticles });
  const [suggested, setSuggested] = useState<{ text: string } | null>(null);
  const [suggestError, setSuggestError] = useState<Parameters<typeof ErrorNote>[0]['error']>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const update = (i: number, card: Card) => setCards((cs) => cs.map((c, k) => (k === i ? card : c)));

  const pick = async (id: string) => {
    if (!id) return;
    const r = await client.query(ArticleById, { id }).toPromise();
    const a = r.data?.article;
    if (a) setArticle({ url: a.url, headline: a.headline ?? '', publisher: a.publisher ?? '', wireAgency: a.wireAgency ?? '', publishedAt: a.publishedAt ?? '', bodyText: a.bodyText ?? '' });
  };

  const suggest = async (e: Event) => {
    e.preventDefault();
    const r = await suggestion.run((signal) => {
      setSuggestError(null);
      return cancellableQuery(client, SuggestQuery, { text: article.bodyText, publishedAt: article.publishedAt || null }, signal);
    });
    // Ignored (a run is under way) or cancelled: nothing changes.
    if (!r) return;
    // The suggestion's arguments are the article's fields: their messages go next to those fields.
    const asArticle: Record<string, string> = { publishedAt: 'article.publishedAt', text: 'article.bodyText' };
    setArticleErrors(Object.fromEntries(Object.entries(fieldErrors(r.error)).map(([k, v]) => [asArticle[k] ?? k, v])));
    if (r.error || !r.data) return setSuggestError(r.error ?? null);
    setCards(r.data.suggestAttributions.map((s) => cardFromSuggestion(s, article.bodyText)));
    setSuggested({ text: article.bodyText });
    setCurrent(0);
    setEditing(null);
  };

  /** Writes the card as a new claim through logClaim (one transaction). */
  const create = async (i: number) => {
    const card = cards[i];
    setBusy(true);
    const r = await client.mutation(LogClaim, { input: logInput(card, article) }).toPromise();
    setBusy(false);
    setSimilar(null);
    if (r.error) {
      const fields = fieldErrors(r.error);
      const articleFields = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('article.')));
      setArticleErrors(articleFields);
      update(i, { ...card, errors: fields });
      if (Object.keys(fields).length) setEditing(i);
      setProblem(Object.keys(fields).length ? 'Some fields need attention: see the messages next to them.' : errorMessage(r.error));
      return;
    }
    setProblem(null);
    setArticleErrors({});
    update(i, { ...card, state: 'accepted', claimId: r.data!.logClaim.id, errors: {} });
    setEditing(null);
    setCurrent(Math.min(i + 1, cards.length - 1));
  };

  /** Before creating, ask the API which recorded claims this card may repeat (similarClaims) and offer to add to one. */
  const accept = async (i: number) => {
    const card = cards[i];
    if (!card || card.state !== 'pending') return;
    const r = await check.run((signal) => {
      setCheckingCard(i);
      return cancellableQuery(client, Similar, { draft: draftInput(card, article) }, signal);
    });
    // Ignored (a check is under way) or cancelled: the card stays pending, and nothing is written.
    if (!r) return;
    const mine = new Set(cards.map((c) => c.claimId));
    const found = (r.data?.similarClaims ?? [])
      .filter((m) => !mine.has(m.claim.id))
      .map((m) => ({ ...m.claim, tier: m.tier, score: m.score, reasons: m.reasons.map((x) => x.detail).join('; ') }));
    if (found.length) setSimilar({ card: i, claims: found });
    else await create(i);
  };

  /** Adds the card's attributions and citations to a recorded claim: one logClaim with attachTo, all or nothing. */
  const attach = async (i: number, claimId: string) => {
    const card = cards[i];
    setBusy(true);
    const r = await client.mutation(LogClaim, { input: { ...logInput(card, article), attachTo: claimId } }).toPromise();
    setBusy(false);
    if (r.error) return setProblem(errorMessage(r.error));
    update(i, { ...card, state: 'accepted', claimId, errors: {} });
    setSimilar(null);
    setProblem(null);
  };

  const reject = (i: number) => cards[i]?.state === 'pending' && update(i, { ...cards[i], state: 'rejected' });

  /** Moves this card's attributions into the card above: one claim, several attributions. */
  const merge = (i: number) => {
    if (i < 1 || cards[i].state !== 'pending' || cards[i - 1].state !== 'pending') return;
    const [above, me] = [cards[i - 1], cards[i]];
    const quantities = [...above.quantities, ...me.quantities.filter((q) => !above.quantities.some((x) => x.variable === q.variable))];
    const mergedCard: Card = { ...above, attributions: [...above.attributions, ...me.attributions], quantities, marks: [...above.marks, ...me.marks] };
    setCards((cs) => [...cs.slice(0, i - 1), mergedCard, ...cs.slice(i + 1)]);
    setCurrent(i - 1);
  };

  const addBlank = () => {
    setCards((cs) => [...cs, blankCard()]);
    setCurrent(cards.length);
    setEditing(cards.length);
  };

  // Layout effects, not effects: an effect runs only after the next paint, so a key typed before then
  // (j then a, quickly) would reach the previous render's handler and act on the previous card.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === 'Escape' && t.closest('.card-editor')) return (t as HTMLElement).blur?.();
      if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      const act: Record<string, () => void> = {
        j: () => setCurrent((c) => Math.min(c + 1, cards.length - 1)),
        k: () => setCurrent((c) => Math.max(c - 1, 0)),
        a: () => void accept(current),
        e: () => setEditing((x) => (x === current ? null : current)),
        x: () => reject(current),
        m: () => merge(current),
        n: addBlank,
      };
      if (act[e.key]) {
        e.preventDefault();
        act[e.key]();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // Accepting, rejecting or attaching removes the card's buttons, and the last card has no next card to move
  // to: without this the focus fell to the page body. The card itself (or the similar-claims choice) takes it.
  const currentState = cards[current]?.state;
  const similarCard = similar?.card;
  useLayoutEffect(() => {
    const card = listRef.current?.querySelector<HTMLElement>(`[data-card="${current}"]`);
    const choice = similarCard === current ? card?.querySelector<HTMLElement>('.similar button') : null;
    (choice ?? card)?.focus();
  }, [current, cards.length, currentState, similarCard, checking]);
  // A cancelled reading takes its Cancel button away: the focus goes back to the button that starts one.
  const wasSuggesting = useRef(false);
  useLayoutEffect(() => {
    if (wasSuggesting.current && !suggesting && (!document.activeElement || document.activeElement === document.body)) submitRef.current?.focus();
    wasSuggesting.current = suggesting;
  }, [suggesting]);
  useLayoutEffect(() => {
    if (editing !== null) listRef.current?.querySelector<HTMLElement>(`[data-card="${editing}"] [data-first]`)?.focus();
  }, [editing]);

  const setA = (k: keyof Article) => (e: Event) => setArticle({ ...article, [k]: (e.currentTarget as HTMLInputElement).value });
  const done = cards.filter((c) => c.state === 'accepted').length;

  return (
    <section aria-labelledby="log-h" class="log">
      <h1 id="log-h">Log claims from an article</h1>
      <p class="muted">
        Signed in as <T>{viewer.name}</T>. Paste an article or pick a recorded one, then review the suggested attributions.
      </p>
      <form class="article-form" onSubmit={suggest} aria-label="Article">
        <Field label="Pick a recorded article">
          <select onChange={(e) => void pick(e.currentTarget.value)} name="recorded">
            <option value="">—</option>
            {recent?.articles.nodes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.headline ?? a.url} {a.publisher ? `(${a.publisher})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="URL" error={articleErrors['article.url']} wide>
          <input name="url" type="url" required value={article.url} onInput={setA('url')} />
        </Field>
        <Field label="Headline" error={articleErrors['article.headline']} wide>
          <input name="headline" value={article.headline} onInput={setA('headline')} dir="auto" />
        </Field>
        <Field label="Publisher" error={articleErrors['article.publisher']}>
          <input name="publisher" value={article.publisher} onInput={setA('publisher')} dir="auto" />
        </Field>
        <Field label="Wire agency" error={articleErrors['article.wireAgency']}>
          <input name="wireAgency" value={article.wireAgency} onInput={setA('wireAgency')} dir="auto" />
        </Field>
        <Field label="Published at (UTC, ISO 8601)" error={articleErrors['article.publishedAt']}>
          <input name="publishedAt" class="date-time" required placeholder="2019-02-18T14:30:00Z" value={article.publishedAt} onInput={setA('publishedAt')} />
        </Field>
        <Field label="Article text" error={articleErrors['article.bodyText']} wide>
          <textarea name="bodyText" rows={8} required value={article.bodyText} onInput={setA('bodyText')} dir="auto" />
        </Field>
        <div class="actions">
          <button type="submit" disabled={suggesting} aria-busy={suggesting} ref={submitRef}>
            {suggesting ? 'Reading the article…' : 'Suggest attributions'}
          </button>
          {suggestion.work && <Working work={suggestion.work} onCancel={suggestion.cancel} />}
          <button type="button" class="secondary" onClick={addBlank}>
            Manual entry
          </button>
        </div>
        <ErrorNote error={suggestError} />
      </form>

      {suggested && (
        <div class="review">
          <MarkedText text={suggested.text} cards={cards} current={current} onPick={setCurrent} />
          <p class="legend" aria-hidden="true">
            <mark class="m-source">speaker</mark> <mark class="m-relay">relay</mark> <mark class="m-cue">cue</mark> <mark class="m-content">claim</mark> <mark class="m-figure">figure</mark>{' '}
            <mark class="m-time">time</mark> <mark class="m-place">place</mark>
          </p>
        </div>
      )}

      {cards.length > 0 && (
        <>
          <h2>
            Cards <span class="muted">({done} logged of {cards.length})</span>
          </h2>
          <dl class="shortcuts" aria-label="Keyboard shortcuts">
            {SHORTCUTS.map(([k, v]) => (
              <div key={k}>
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {problem && (
            <p role="alert" class="error">
              {problem}
            </p>
          )}
          <ol class="cards" ref={listRef}>
            {cards.map((card, i) => (
              <li key={card.key} class={`card ${card.state} ${i === current ? 'current' : ''}`} data-card={i} data-state={card.state} tabIndex={-1} aria-current={i === current ? 'true' : undefined} onFocus={() => setCurrent(i)}>
                <p class="card-head">
                  <span>
                    Card {i + 1} · {card.state}
                    {card.confidence && card.confidence !== 'HIGH' && ` · ${card.confidence.toLowerCase()} confidence`}
                  </span>
                  {card.claimId && <a href={`/claims/${card.claimId}`}>open the claim</a>}
                </p>
                {editing === i && card.state === 'pending' ? <CardEditor card={card} onChange={(c) => update(i, c)} /> : <CardSummary card={card} />}
                {card.errors && Object.keys(card.errors).length > 0 && editing !== i && <p class="error">This card has field errors: edit it (e).</p>}
                {similar?.card === i && (
                  <div class="similar" role="region" aria-label="Claims that may already be recorded">
                    <p>
                      <strong>These claims may already be recorded.</strong> Add the attribution to one of them, or create a new claim.
                    </p>
                    <ul>
                      {similar.claims.map((c) => (
                        <li key={c.id}>
                          <span class={`tier tier-${c.tier.toLowerCase()}`} title={c.reasons}>
                            {c.tier === 'LIKELY' ? 'likely the same' : 'possibly the same'} ({Math.round(c.score * 100)}%)
                          </span>{' '}
                          <T>{c.statement}</T> <span class="muted">— {c.attributionLine}</span>{' '}
                          <button type="button" disabled={busy} onClick={() => void attach(i, c.id)}>
                            Add to this claim
                          </button>
                        </li>
                      ))}
                    </ul>
                    <button type="button" disabled={busy} onClick={() => void create(i)}>
                      Create a new claim
                    </button>{' '}
                    <button type="button" class="secondary" onClick={() => setSimilar(null)}>
                      Cancel
                    </button>
                  </div>
                )}
                {check.work && checkingCard === i && (
                  <p class="actions">
                    <Working label="Looking for claims that may already be recorded…" work={check.work} onCancel={check.cancel} />
                  </p>
                )}
                {card.state === 'pending' && similar?.card !== i && (
                  <div class="actions">
                    <button type="button" disabled={busy || checking} onClick={() => void accept(i)}>
                      Accept <kbd>a</kbd>
                    </button>
                    <button type="button" class="secondary" onClick={() => setEditing(editing === i ? null : i)}>
                      {editing === i ? 'Done editing' : 'Edit'} <kbd>e</kbd>
                    </button>
                    <button type="button" class="secondary" onClick={() => reject(i)}>
                      Reject <kbd>x</kbd>
                    </button>
                    {i > 0 && cards[i - 1].state === 'pending' && (
                      <button type="button" class="secondary" onClick={() => merge(i)}>
                        Merge into card above <kbd>m</kbd>
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
