import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { fieldErrors } from '../api';
import { ErrorNote, Field, Loading, T, Time } from '../components/ui';
import { graphql } from '../graphql';

const UsersQuery = graphql(`
  query Users { users { id version name email role createdAt apiKeys { id name prefix createdAt lastUsedAt revokedAt } } }
`);
const CreateUser = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name role } }`);
const CreateKey = graphql(`mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix } } }`);
const RevokeKey = graphql(`mutation RevokeKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id revokedAt } }`);
const UpdateUser = graphql(`mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id version role } }`);

const ROLES = ['REPORTER', 'EDITOR', 'RESEARCHER', 'ADMIN'] as const;

export function AdminScreen() {
  const [{ data, error, fetching }] = useQuery({ query: UsersQuery });
  const [created, createUser] = useMutation(CreateUser);
  const [keyResult, createKey] = useMutation(CreateKey);
  const [revoked, revoke] = useMutation(RevokeKey);
  const [updated, updateUser] = useMutation(UpdateUser);
  const [user, setUser] = useState({ name: '', email: '', role: 'REPORTER' as (typeof ROLES)[number] });
  const [shown, setShown] = useState<{ key: string; user: string } | null>(null);
  const [copied, setCopied] = useState(false);
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorNote error={error} />;
  const errs = fieldErrors(created.error);
  return (
    <section aria-labelledby="admin-h">
      <h1 id="admin-h">Users and keys</h1>
      {shown && (
        <div class="new-key" role="status">
          <p>
            New key for <T>{shown.user}</T>. It is shown once: copy it now.
          </p>
          <code data-testid="new-key">{shown.key}</code>{' '}
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(shown.key).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setShown(null)}>
            Done
          </button>
        </div>
      )}
      <ErrorNote error={keyResult.error ?? revoked.error ?? updated.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Keys</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((u) => (
            <tr key={u.id}>
              <td>
                <T>{u.name}</T>
                <br />
                <span class="muted">{u.email}</span>
              </td>
              <td>
                <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void updateUser({ input: { id: u.id, role: e.currentTarget.value as (typeof ROLES)[number], version: u.version } })}>
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>
                <ul class="keys">
                  {u.apiKeys.map((k) => (
                    <li key={k.id}>
                      <T>{k.name}</T> <code>{k.prefix}…</code> <span class="muted">last used </span>
                      <Time iso={k.lastUsedAt} />{' '}
                      {k.revokedAt ? (
                        <span class="muted">revoked</span>
                      ) : (
                        <button type="button" class="secondary" onClick={() => void revoke({ input: { id: k.id } })}>
                          Revoke
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <button
                  type="button"
                  onClick={async () => {
                    const r = await createKey({ input: { userId: u.id, name: `desk ${new Date().toISOString().slice(0, 10)}` } });
                    if (r.data) {
                      setCopied(false);
                      setShown({ key: r.data.createApiKey.key, user: u.name });
                    }
                  }}
                >
                  New key
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Create a user</h2>
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await createUser({ input: { name: user.name, email: user.email || undefined, role: user.role } });
          if (!r.error) setUser({ name: '', email: '', role: 'REPORTER' });
        }}
      >
        <Field label="Name" error={errs.name}>
          <input required value={user.name} onInput={(e) => setUser({ ...user, name: e.currentTarget.value })} dir="auto" />
        </Field>
        <Field label="Email" error={errs.email}>
          <input type="email" value={user.email} onInput={(e) => setUser({ ...user, email: e.currentTarget.value })} />
        </Field>
        <Field label="Role">
          <select value={user.role} onChange={(e) => setUser({ ...user, role: e.currentTarget.value as (typeof ROLES)[number] })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
        <button type="submit">Create user</button>
        {!Object.keys(errs).length && <ErrorNote error={created.error} />}
      </form>
    </section>
  );
}
