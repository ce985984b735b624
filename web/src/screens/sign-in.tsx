import { useClient } from '@urql/preact';
import { useState } from 'preact/hooks';
import { authHeader, errorCode, errorMessage } from '../api';
import { useBusy } from '../components/busy';
import { MeQuery } from '../session';

/** Paste a key; it is checked with `me` before it is kept for this tab. */
export function SignIn({ onSignIn }: { onSignIn: (key: string) => void }) {
  const client = useClient();
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const submit = (e: Event) => {
    e.preventDefault();
    // `required` lets spaces through; the server would answer about the header, not the key.
    if (!key.trim()) setProblem('Paste your API key first (it starts with cdk_).');
    else void run(() => check(key.trim()));
  };
  const check = async (k: string) => {
    setProblem(null);
    const result = await client
      .query(MeQuery, {}, { requestPolicy: 'network-only', fetchOptions: { headers: { ...authHeader(k), accept: 'application/json' } } })
      .toPromise();
    // A refused key here is one being tried for the first time: say so, not "sign in again".
    if (errorCode(result.error) === 'UNAUTHENTICATED') setProblem(`${result.error!.graphQLErrors[0].message}. Paste the whole key, as printed (it starts with cdk_).`);
    else if (result.error) setProblem(errorMessage(result.error));
    else onSignIn(k);
  };
  return (
    <main id="main" class="sign-in">
      <h1>claimdesk</h1>
      <p>Who said what in conflict reporting. Paste your API key to open the desk.</p>
      <form onSubmit={submit}>
        <label class="field wide">
          <span class="label">API key</span>
          <input name="key" type="password" autoComplete="off" required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        </label>
        {problem && (
          <p role="alert" class="error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking the key…' : 'Sign in'}
        </button>
      </form>
      <p class="muted">
        The key is kept for this tab only. On the demo database, <code>npm start</code> prints a key for each role.
      </p>
    </main>
  );
}
