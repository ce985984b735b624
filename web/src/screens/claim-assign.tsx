import type { ComponentChildren } from 'preact';
import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { errorCode, fieldErrors } from '../api';
import { useBusy } from '../components/busy';
import { PersonOptions, useAssignable } from '../components/people';
import { ErrorNote, Field } from '../components/ui';
import { graphql } from '../graphql';

const AssignClaim = graphql(`
  mutation AssignClaim($input: UpdateClaimInput!) {
    updateClaim(input: $input) { id version assignedTo { id name } }
  }
`);

interface Props {
  claim: { id: string; version: number; assignedTo?: { id: string; name: string } | null };
  /** Called after a CONFLICT, to say who changed the claim meanwhile; the form is busy until it returns. */
  onConflict: () => Promise<void>;
  /** The page's note about that conflict, shown here when this form met it. */
  conflictNote: ComponentChildren;
}

/**
 * An editor's choice of who checks the claim: a reporter, editor or admin picked by name (the API's
 * assignable people, so a researcher is never offered), or nobody. Sent with the version the page shows.
 */
export function AssignForm({ claim, onConflict, conflictNote }: Props) {
  const people = useAssignable(true);
  const current = claim.assignedTo?.id ?? '';
  const [pick, setPick] = useState(current);
  const [result, assign] = useMutation(AssignClaim);
  const [busy, run] = useBusy();
  const [conflicted, setConflicted] = useState(false);
  const errors = fieldErrors(result.error);

  const send = (assignedToId: string | null) =>
    void run(async () => {
      setConflicted(false);
      const r = await assign({ input: { id: claim.id, version: claim.version, assignedToId } });
      if (errorCode(r.error) === 'CONFLICT') {
        setConflicted(true);
        await onConflict();
      }
    });

  return (
    <form
      class="assign-form"
      aria-label="Assign the claim"
      onSubmit={(e) => {
        e.preventDefault();
        send(pick || null);
      }}
    >
      <Field label="Assign to" error={errors.assignedToId}>
        <select name="assignedToId" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="">nobody</option>
          <PersonOptions people={people} kept={claim.assignedTo} />
        </select>
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy || pick === current}>
          {busy ? 'Assigning…' : 'Assign'}
        </button>
        {current && (
          <button type="button" class="secondary" disabled={busy} onClick={() => send(null)}>
            Clear the assignment
          </button>
        )}
      </div>
      {conflicted && conflictNote ? conflictNote : !errors.assignedToId && <ErrorNote error={result.error} />}
    </form>
  );
}
