import { useClient, useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { errorCode, fieldErrors } from '../api';
import { useLocation } from 'preact-iso';
import { formatQuantity, label } from '../components/format';
import { useBusy } from '../components/busy';
import { PersonName, usePeople } from '../components/people';
import { Badge, ErrorNote, Field, History, Loading, RecordNotLoaded, T, Time } from '../components/ui';
import { graphql } from '../graphql';
import { can, type Viewer } from '../session';
import { ArticleEditForm } from './article-edit';
import { AttributionEditForm } from './attribution-edit';
import { AssignForm } from './claim-assign';
import { ClaimEditForm, UpdateClaim } from './claim-edit';
import { ReportedBy } from './wire-copies';

const ClaimQuery = graphql(`
  query Claim($id: ID!, $withHistory: Boolean!) {
    claim(id: $id) {
      id version statement summary hedge status sourcing independentSourceCount denyingSourceCount questioningSourceCount
      circular hasDiscrepancy attributionLine tags createdAt updatedAt viewerCanEdit
      assignedTo { id name }
      eventTime { start end precision }
      place { name adminArea country latitude longitude precision }
      quantities { variable lower lowerInclusive upper upperInclusive value approximate qualifier unit currency }
      attributions {
        id version stance cue mode anonymityReason relationship conditions credibility saidAt viewerCanEdit
        source { id name kind anonymous }
        chain { position cue source { id name } }
        citations { id quote startOffset endOffset article { id version headline url publisher wireAgency byline language publishedAt bodyText viewerCanEdit } }
      }
      conflictsWith { id statement status }
      reportedBy { outletCount reportCount reports { wireAgency articleIds outlets } }
      possibleDuplicates @include(if: $withHistory) { score tier reasons { detail } claim { id statement attributionLine } }
      statusHistory { fromStatus toStatus reason changedAt actorId }
    }
    history(entityType: CLAIM, id: $id, first: 100) @include(if: $withHistory) {
      nodes { id action actorName at changes { field before after } }
    }
  }
`);

const SetStatus = graphql(`
  mutation SetStatus($input: SetClaimStatusInput!) {
    setClaimStatus(input: $input) { id version status statusHistory { fromStatus toStatus reason changedAt actorId } }
  }
`);

const RemoveAttribution = graphql(`mutation RemoveAttribution($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`);
const MergeClaims = graphql(`mutation MergeClaims($input: MergeClaimsInput!) { mergeClaims(input: $input) { id version } }`);
const DeleteClaim = graphql(`mutation DeleteClaim($input: DeleteRecordInput!) { deleteRecord(input: $input) { id deletedAt } }`);

const LatestChange = graphql(`
  query LatestChange($id: ID!, $withHistory: Boolean!) {
    claim(id: $id) { id version updatedAt }
    history(entityType: CLAIM, id: $id, first: 100) @include(if: $withHistory) { nodes { actorName at action } }
  }
`);

const dayOrLonger = (p: string | null | undefined) => !!p && !['EXACT', 'HOUR'].includes(p);

const STATUSES = ['UNVERIFIED', 'CORROBORATED', 'CONFIRMED', 'CONTESTED', 'FALSE', 'RETRACTED'] as const;

/** The article text with one quote marked, scrolled into view when opened. */
function QuoteInArticle({ body, start, end }: { body: string; start: number; end: number }) {
  return (
    <p class="article-text" dir="auto">
      {body.slice(Math.max(0, start - 400), start)}
      <mark>{body.slice(start, end)}</mark>
      {body.slice(end, end + 400)}
    </p>
  );
}

interface Stale {
  by: string;
  at: string;
  version: number;
}

export function ClaimScreen({ id, viewer }: { id: string; viewer: Viewer }) {
  const withHistory = can.history(viewer.role);
  const [{ data, error, fetching }, reload] = useQuery({ query: ClaimQuery, variables: { id, withHistory } });
  const [status, setStatus] = useMutation(SetStatus);
  const client = useClient();
  const [stale, setStale] = useState<Stale | null>(null);
  const [form, setForm] = useState<{ status: string; reason: string }>({ status: '', reason: '' });
  const [edited, updateClaim] = useMutation(UpdateClaim);
  const [removed, removeAttribution] = useMutation(RemoveAttribution);
  const [deleted, deleteClaim] = useMutation(DeleteClaim);
  const [merged, mergeClaims] = useMutation(MergeClaims);
  const [editing, setEditing] = useState(false);
  const [editingAttribution, setEditingAttribution] = useState<string | null>(null);
  const [editingArticle, setEditingArticle] = useState<string | null>(null);
  const [statusBusy, runStatus] = useBusy();
  const [editBusy, runEdit] = useBusy();
  const { people } = usePeople(withHistory);
  const { route } = useLocation();

  if (fetching && !data) return <Loading />;
  if (!data) return <RecordNotLoaded error={error} noun="claim" list={{ href: '/claims', label: 'Claims' }} />;
  const c = data.claim;

  /** After a CONFLICT: who changed the claim since this page was opened (the newest event in its history). */
  const explainConflict = async () => {
    const latest = await client.query(LatestChange, { id, withHistory }, { requestPolicy: 'network-only' }).toPromise();
    const last = latest.data?.history?.nodes.at(-1);
    setStale({ by: last?.actorName ?? 'someone else', at: last?.at ?? latest.data?.claim.updatedAt ?? '', version: latest.data?.claim.version ?? 0 });
  };

  // Busy until the conflict, if any, is explained: a second press meanwhile sends nothing.
  const submitStatus = (e: Event) => {
    e.preventDefault();
    void runStatus(async () => {
      setStale(null);
      const result = await setStatus({ input: { id, status: (form.status || c.status) as (typeof STATUSES)[number], reason: form.reason, version: c.version } });
      if (errorCode(result.error) === 'CONFLICT') await explainConflict();
      else if (!result.error) setForm({ status: '', reason: '' });
    });
  };

  const submitEdit = (input: Parameters<typeof updateClaim>[0]['input']) =>
    void runEdit(async () => {
      setStale(null);
      const result = await updateClaim({ input });
      if (errorCode(result.error) === 'CONFLICT') await explainConflict();
      else if (!result.error) setEditing(false);
    });

  const conflictNote = stale && (
    <div role="alert" class="error conflict" data-testid="conflict">
      <p>
        This claim was changed by <strong dir="auto">{stale.by}</strong> {stale.at && <Time iso={stale.at} />} since you opened it (now version {stale.version}). Your change was
        not saved.
      </p>
      <button
        type="button"
        onClick={() => {
          setStale(null);
          reload({ requestPolicy: 'network-only' });
        }}
      >
        Reload the claim
      </button>
    </div>
  );
  const editErrors = fieldErrors(edited.error);
  const statusErrors = fieldErrors(status.error);

  return (
    <article aria-labelledby="claim-h" class="claim">
      <p>
        <a href="/claims">← Claims</a>
      </p>
      <h1 id="claim-h">
        <T>{c.statement}</T>
      </h1>
      {c.summary && (
        <p class="summary" data-testid="summary">
          <T>{c.summary}</T>
        </p>
      )}
      <p class="badges">
        <Badge kind={c.status}>status: {label(c.status)}</Badge>
        <Badge kind={c.sourcing}>{label(c.sourcing)}</Badge>
        <Badge kind="count">{c.independentSourceCount} independent</Badge>
        {c.denyingSourceCount > 0 && <Badge kind="denies">{c.denyingSourceCount} denying</Badge>}
        {c.questioningSourceCount > 0 && <Badge kind="questions">{c.questioningSourceCount} questioning</Badge>}
        {c.circular && <Badge kind="circular">circular</Badge>}
        {c.hasDiscrepancy && <Badge kind="discrepancy">discrepancy</Badge>}
      </p>
      <p class="attribution-line">
        <T>{c.attributionLine}</T>
      </p>
      <dl class="facts">
        {c.hedge && (
          <>
            <dt>Hedge</dt>
            <dd dir="auto">{c.hedge}</dd>
          </>
        )}
        <dt>Event</dt>
        <dd>
          <Time iso={c.eventTime?.start} dateOnly={dayOrLonger(c.eventTime?.precision)} />{' '}
          {c.eventTime?.end && c.eventTime.end !== c.eventTime.start && (
            <>
              – <Time iso={c.eventTime.end} dateOnly={dayOrLonger(c.eventTime.precision)} />
            </>
          )}{' '}
          {c.eventTime?.precision && <span class="muted">({label(c.eventTime.precision)})</span>}
        </dd>
        <dt>Place</dt>
        <dd dir="auto">{c.place ? [c.place.name, c.place.adminArea, c.place.country].filter(Boolean).join(', ') : '—'}</dd>
        <dt>Figures</dt>
        <dd>
          {c.quantities.length ? (
            <ul>
              {c.quantities.map((q) => (
                <li key={q.variable}>
                  <code>{q.variable}</code>: {formatQuantity(q)}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>Tags</dt>
        <dd>{c.tags.join(', ') || '—'}</dd>
        {can.seeAssignments(viewer.role) && (
          <>
            <dt>Assigned to</dt>
            <dd data-testid="assigned-to">{c.assignedTo ? <span dir="auto">{c.assignedTo.name}</span> : <span class="muted">nobody</span>}</dd>
          </>
        )}
        <dt>Version</dt>
        <dd data-testid="claim-version">{c.version}</dd>
      </dl>
      {can.edit(viewer.role) && <AssignForm key={`${c.version}:${c.assignedTo?.id ?? ''}`} claim={c} onConflict={explainConflict} conflictNote={conflictNote} />}

      {c.viewerCanEdit && (
        <div class="edit-claim">
          {editing ? (
            <ClaimEditForm key={c.version} claim={c} errors={editErrors} busy={editBusy} onSubmit={submitEdit} onCancel={() => setEditing(false)}>
              {stale ? conflictNote : !Object.keys(editErrors).length && <ErrorNote error={edited.error} />}
            </ClaimEditForm>
          ) : (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => setEditing(true)}>
                Edit the claim
              </button>
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  if (!confirm('Delete this claim? Editors can restore it.')) return;
                  const r = await deleteClaim({ input: { type: 'CLAIM', id, version: c.version } });
                  if (!r.error) route('/claims');
                }}
              >
                Delete the claim
              </button>
            </div>
          )}
          <ErrorNote error={deleted.error ?? removed.error} />
        </div>
      )}

      <h2>Attributions</h2>
      <ol class="attributions">
        {c.attributions.map((a) => (
          <li key={a.id} class="attribution">
            <p>
              <a href={`/sources/${a.source.id}`}>
                <T>{a.source.name}</T>
              </a>{' '}
              {a.source.anonymous && <Badge kind="anonymous">anonymous</Badge>} <Badge kind={a.stance}>{label(a.stance)}</Badge> <span class="muted">{a.cue}</span>{' '}
              <span class="muted">({label(a.mode)})</span>
            </p>
            {a.chain.length > 0 && (
              <p class="chain">
                via{' '}
                {a.chain.map((h, i) => (
                  <span key={h.position}>
                    {i > 0 && ' → '}
                    <a href={`/sources/${h.source.id}`}>
                      <T>{h.source.name}</T>
                    </a>{' '}
                    <span class="muted">{h.cue}</span>
                  </span>
                ))}
              </p>
            )}
            {a.viewerCanEdit && (
              <p class="actions">
                <button type="button" class="secondary small" aria-expanded={editingAttribution === a.id} onClick={() => setEditingAttribution(editingAttribution === a.id ? null : a.id)}>
                  Edit this attribution
                </button>
                {c.attributions.length > 1 && (
                  <button type="button" class="secondary small" onClick={() => void removeAttribution({ input: { id: a.id, version: a.version } })}>
                    Remove this attribution
                  </button>
                )}
              </p>
            )}
            {editingAttribution === a.id && <AttributionEditForm key={a.version} a={a} onDone={() => setEditingAttribution(null)} />}
            {(a.anonymityReason || a.relationship || a.conditions.length > 0 || a.saidAt || a.credibility != null) && (
              <ul class="conditions">
                {a.saidAt && (
                  <li>
                    said <Time iso={a.saidAt} />
                  </li>
                )}
                {a.credibility != null && <li data-testid="credibility">credibility: {a.credibility}</li>}
                {a.relationship && <li dir="auto">relationship: {a.relationship}</li>}
                {a.anonymityReason && <li dir="auto">anonymity: {a.anonymityReason}</li>}
                {a.conditions.map((x) => (
                  <li key={x} dir="auto">
                    {x}
                  </li>
                ))}
              </ul>
            )}
            {a.citations.map((cit) => (
              <details key={cit.id} class="citation">
                <summary>
                  <T>{cit.article.headline ?? cit.article.url}</T> — <T>{cit.article.publisher}</T>, <Time iso={cit.article.publishedAt} />
                  {cit.quote && (
                    <>
                      : “<T>{cit.quote}</T>”
                    </>
                  )}
                </summary>
                {cit.article.bodyText && cit.startOffset != null && cit.endOffset != null ? (
                  <QuoteInArticle body={cit.article.bodyText} start={cit.startOffset} end={cit.endOffset} />
                ) : (
                  <p class="muted">No stored text or offsets for this citation.</p>
                )}
                <p>
                  <a href={cit.article.url} rel="noreferrer noopener" target="_blank">
                    Open the article
                  </a>{' '}
                  {cit.article.viewerCanEdit && (
                    <button type="button" class="secondary small" aria-expanded={editingArticle === cit.id} onClick={() => setEditingArticle(editingArticle === cit.id ? null : cit.id)}>
                      Edit the article's details
                    </button>
                  )}
                </p>
                {editingArticle === cit.id && <ArticleEditForm key={cit.article.version} article={cit.article} onDone={() => setEditingArticle(null)} />}
              </details>
            ))}
          </li>
        ))}
      </ol>

      {c.conflictsWith.length > 0 && (
        <>
          <h2>Conflicting claims</h2>
          <ul>
            {c.conflictsWith.map((o) => (
              <li key={o.id}>
                <a href={`/claims/${o.id}`}>
                  <T>{o.statement}</T>
                </a>{' '}
                <Badge kind={o.status}>{label(o.status)}</Badge>
              </li>
            ))}
          </ul>
        </>
      )}

      <ReportedBy
        reportedBy={c.reportedBy}
        articles={[...new Map(c.attributions.flatMap((a) => a.citations.map((ci) => [ci.article.id, ci.article] as const))).values()]}
        editor={can.edit(viewer.role)}
        onChanged={() => reload({ requestPolicy: 'network-only' })}
      />

      {can.edit(viewer.role) && (c.possibleDuplicates?.length ?? 0) > 0 && (
        <section aria-label="Possible duplicates">
          <h2>Possible duplicates</h2>
          <p class="muted">Claims that may record the same thing (similarClaims). Merging moves their attributions, citations and new figures here; it can be undone.</p>
          <ErrorNote error={merged.error ?? null} />
          <ul>
            {c.possibleDuplicates!.map((m) => {
              // Two claims whose figures contradict each other are a discrepancy to resolve, not one claim twice:
              // merging them would hide it, so the desk says so and asks before it merges.
              const contradicts = c.conflictsWith.some((o) => o.id === m.claim.id);
              return (
                <li key={m.claim.id}>
                  <span class={`tier tier-${m.tier.toLowerCase()}`} title={m.reasons.map((r) => r.detail).join('; ')}>
                    {m.tier === 'LIKELY' ? 'likely the same' : 'possibly the same'} ({Math.round(m.score * 100)}%)
                  </span>{' '}
                  <a href={`/claims/${m.claim.id}`}>
                    <T>{m.claim.statement}</T>
                  </a>{' '}
                  <span class="muted">— {m.claim.attributionLine}</span>{' '}
                  {contradicts && <strong class="contradicts">its figures contradict this claim's (see Conflicting claims)</strong>}{' '}
                  <button
                    type="button"
                    class={contradicts ? 'secondary' : undefined}
                    disabled={merged.fetching}
                    onClick={async () => {
                      if (contradicts && !window.confirm('These claims give contradicting figures. Merging them makes one claim of the two and hides the discrepancy. Merge anyway?')) return;
                      const r = await mergeClaims({ input: { survivorId: c.id, duplicateId: m.claim.id } });
                      if (!r.error) reload({ requestPolicy: 'network-only' });
                    }}
                  >
                    Merge into this claim
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <h2>Status</h2>
      {can.edit(viewer.role) ? (
        <form class="status-form" onSubmit={submitStatus} aria-label="Change status">
          <Field label="New status" error={statusErrors.status}>
            <select name="status" value={form.status || c.status} onChange={(e) => setForm({ ...form, status: e.currentTarget.value })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason" wide error={statusErrors.reason}>
            <input name="reason" required value={form.reason} onInput={(e) => setForm({ ...form, reason: e.currentTarget.value })} dir="auto" />
          </Field>
          <button type="submit" disabled={statusBusy}>
            {statusBusy ? 'Setting status…' : 'Set status'}
          </button>
          {stale ? conflictNote : !statusErrors.status && !statusErrors.reason && <ErrorNote error={status.error} />}
        </form>
      ) : (
        <p class="muted">Editors and admins change a claim's status.</p>
      )}
      {c.statusHistory.length > 0 && (
        <ol class="status-history">
          {c.statusHistory.map((s, i) => (
            <li key={i}>
              <Time iso={s.changedAt} />: {label(s.fromStatus)} → <strong>{label(s.toStatus)}</strong> — <T>{s.reason}</T>
              {withHistory && (
                <>
                  {' '}
                  <span class="muted">
                    (by <PersonName id={s.actorId} people={people} />)
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}

      {data.history && <History events={data.history.nodes} people={people} />}
    </article>
  );
}
