import { useQuery } from '@urql/preact';
import { graphql } from '../graphql';
import { shortId } from './format';

const PeopleQuery = graphql(`query People { people { id name } }`);
const AssignableQuery = graphql(`query Assignable { people(assignable: true) { id name } }`);

/** Audit values that hold a user's id: shown as the user's name. */
export const USER_ID_FIELDS = new Set(['createdBy', 'deletedBy', 'actorId', 'userId', 'assignedToId']);

export type People = ReadonlyMap<string, string>;

/** Every user's name by id, for editors and admins (the only roles that read history); empty for others. */
export function usePeople(enabled: boolean): { people: People; list: ReadonlyArray<{ id: string; name: string }> } {
  const [{ data }] = useQuery({ query: PeopleQuery, pause: !enabled });
  const list = data?.people ?? [];
  return { people: new Map(list.map((p) => [p.id, p.name])), list };
}

/** The live reporters, editors and admins a claim can be assigned to, A to Z (editors and admins, who assign); empty for others. */
export function useAssignable(enabled: boolean): ReadonlyArray<{ id: string; name: string }> {
  const [{ data }] = useQuery({ query: AssignableQuery, pause: !enabled });
  return data?.people ?? [];
}

/**
 * A picker's options, one per person by name with the id as value. `kept`: the person already chosen, offered first
 * when the list leaves them out (assigned, then deleted), so the picker still shows them.
 */
export function PersonOptions({ people, kept }: { people: ReadonlyArray<{ id: string; name: string }>; kept?: { id: string; name: string } | null }) {
  const options = kept && !people.some((p) => p.id === kept.id) ? [kept, ...people] : people;
  return (
    <>
      {options.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}

/** "Demo reporter" for a user id, with the id on hover; the id itself for a user the list does not know. */
export function PersonName({ id, people }: { id: string | null | undefined; people: People }) {
  if (!id) return <span class="muted">the system</span>;
  const name = people.get(id);
  return name ? (
    <span dir="auto" title={id} data-user-id={id}>
      {name}
    </span>
  ) : (
    <code>{shortId(id)}</code>
  );
}
