import { useQuery } from '@urql/preact';
import { graphql } from '../graphql';
import { shortId } from './format';

const PeopleQuery = graphql(`query People { people { id name } }`);

/** Audit values that hold a user's id: shown as the user's name. */
export const USER_ID_FIELDS = new Set(['createdBy', 'deletedBy', 'actorId', 'userId']);

export type People = ReadonlyMap<string, string>;

/** Every user's name by id, for editors and admins (the only roles that read history); empty for others. */
export function usePeople(enabled: boolean): { people: People; list: ReadonlyArray<{ id: string; name: string }> } {
  const [{ data }] = useQuery({ query: PeopleQuery, pause: !enabled });
  const list = data?.people ?? [];
  return { people: new Map(list.map((p) => [p.id, p.name])), list };
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
