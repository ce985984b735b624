import { Provider, useQuery } from '@urql/preact';
import { render, type ComponentChildren } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { client } from './api';
import { ErrorNote, Loading } from './components/ui';
import { AdminScreen } from './screens/admin';
import { AuditScreen } from './screens/audit';
import { ClaimScreen } from './screens/claim';
import { ClaimsScreen } from './screens/claims';
import { DiscrepanciesScreen } from './screens/discrepancies';
import { ExportScreen } from './screens/export';
import { ImportScreen } from './screens/import';
import { LogScreen } from './screens/log';
import { SignIn } from './screens/sign-in';
import { SourceScreen, SourcesScreen } from './screens/sources';
import { HOME, MeQuery, can, storeKey, storedKey, type Role, type Viewer } from './session';
import './styles.css';

const NAV: Array<{ path: string; label: string; show: (r: Role) => boolean }> = [
  { path: '/log', label: 'Log from article', show: can.log },
  { path: '/claims', label: 'Claims', show: () => true },
  { path: '/sources', label: 'Sources', show: () => true },
  { path: '/discrepancies', label: 'Discrepancies', show: () => true },
  { path: '/audit', label: 'Audit log', show: can.history },
  { path: '/export', label: 'Export', show: () => true },
  { path: '/import', label: 'Import', show: can.import },
  { path: '/admin', label: 'Users & keys', show: can.admin },
];

/** A screen the role may not use, reached by its address: say so before any work is done on it. */
function Allowed({ role, may, children }: { role: Role; may: (r: Role) => boolean; children: ComponentChildren }) {
  if (may(role)) return <>{children}</>;
  return (
    <p role="alert" class="error refused" data-code="FORBIDDEN">
      Refused: this screen is not for the {role} role. Pick a screen above.
    </p>
  );
}

function Desk({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const { path, route } = useLocation();
  useEffect(() => {
    if (path === '/') route(HOME[viewer.role], true);
  }, [path]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">claimdesk</strong>
        <nav aria-label="Screens">
          {NAV.filter((n) => n.show(viewer.role)).map((n) => (
            <a key={n.path} href={n.path} aria-current={path === n.path || path.startsWith(`${n.path}/`) ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        <span class="who" data-testid="viewer">
          <span dir="auto">{viewer.name}</span> · <span class="role">{viewer.role}</span>
          <button type="button" class="link" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/log" component={() => <Allowed role={viewer.role} may={can.log}><LogScreen viewer={viewer} /></Allowed>} />
          <Route path="/claims" component={() => <ClaimsScreen viewer={viewer} />} />
          <Route path="/claims/:id" component={({ id }: { id: string }) => <ClaimScreen id={id} viewer={viewer} />} />
          <Route path="/sources" component={() => <SourcesScreen />} />
          <Route path="/sources/:id" component={({ id }: { id: string }) => <SourceScreen id={id} viewer={viewer} />} />
          <Route path="/discrepancies" component={() => <DiscrepanciesScreen />} />
          <Route path="/audit" component={() => <Allowed role={viewer.role} may={can.history}><AuditScreen /></Allowed>} />
          <Route path="/export" component={() => <ExportScreen />} />
          <Route path="/import" component={() => <Allowed role={viewer.role} may={can.import}><ImportScreen /></Allowed>} />
          <Route path="/admin" component={() => <Allowed role={viewer.role} may={can.admin}><AdminScreen /></Allowed>} />
          <Route default component={() => <p>Nothing here. Pick a screen above.</p>} />
        </Router>
      </main>
    </>
  );
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const [{ data, error, fetching }] = useQuery({ query: MeQuery });
  if (fetching) return <Loading />;
  if (error || !data) {
    return (
      <main id="main">
        <ErrorNote error={error} />
        <button type="button" onClick={onSignOut}>
          Sign in again
        </button>
      </main>
    );
  }
  return <Desk viewer={data.me as Viewer} onSignOut={onSignOut} />;
}

function App() {
  const [key, setKey] = useState(storedKey());
  const signOut = () => {
    storeKey(null);
    setKey(null);
  };
  return (
    <Provider value={client}>
      <LocationProvider>
        {key ? (
          <SignedIn key={key} onSignOut={signOut} />
        ) : (
          <SignIn
            onSignIn={(k) => {
              storeKey(k);
              setKey(k);
            }}
          />
        )}
      </LocationProvider>
    </Provider>
  );
}

render(<App />, document.getElementById('app')!);
