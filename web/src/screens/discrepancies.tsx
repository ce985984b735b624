import { useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { toSearch } from '../components/claim-filter';
import { formatQuantity } from '../components/format';
import { ErrorNote, Field, Loading, T } from '../components/ui';
import { graphql } from '../graphql';

const DiscrepanciesQuery = graphql(`
  query Discrepancies($variable: String!) {
    discrepancies(variable: $variable, first: 100) {
      variable
      claim { id statement quantities { variable lower lowerInclusive upper upperInclusive value approximate qualifier unit currency } }
      otherClaim { id statement quantities { variable lower lowerInclusive upper upperInclusive value approximate qualifier unit currency } }
    }
  }
`);

/** The variables of recent claims, offered as the reader types (the API has no list of variables). */
const VariablesQuery = graphql(`query RecentVariables { claims(first: 100, filter: { hasDiscrepancy: true }) { nodes { quantities { variable } } } }`);

export function DiscrepanciesScreen() {
  const { query, path, route } = useLocation();
  const variable = query.variable ?? '';
  const [{ data, error, fetching }] = useQuery({ query: DiscrepanciesQuery, variables: { variable }, pause: !variable });
  const [{ data: recent }] = useQuery({ query: VariablesQuery });
  const variables = [...new Set(recent?.claims.nodes.flatMap((c) => c.quantities.map((q) => q.variable)) ?? [])].sort();
  const fig = (c: { quantities: ReadonlyArray<Parameters<typeof formatQuantity>[0] & { variable: string }> }) => c.quantities.filter((q) => q.variable === variable).map(formatQuantity).join('; ');
  return (
    <section aria-labelledby="disc-h">
      <h1 id="disc-h">Discrepancies</h1>
      <p class="muted">Pairs of claims whose figures for one variable cannot both be true.</p>
      {variables.length > 0 && (
        <p>
          Variables with discrepancies:{' '}
          {variables.map((v, i) => (
            <span key={v}>
              {i > 0 && ', '}
              <a href={`/discrepancies?variable=${encodeURIComponent(v)}`}>
                <code>{v}</code>
              </a>
            </span>
          ))}
        </p>
      )}
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          route(`${path}${toSearch({ variable: new FormData(e.currentTarget).get('variable') as string })}`);
        }}
      >
        <Field label="Variable">
          <input name="variable" defaultValue={variable} key={variable} placeholder="militants_remaining" list="variables" />
        </Field>
        <datalist id="variables">
          {variables.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <button type="submit">Show</button>
      </form>
      <ErrorNote error={error} />
      {fetching && <Loading />}
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Figure</th>
              <th scope="col">Against</th>
              <th scope="col">Figure</th>
            </tr>
          </thead>
          <tbody>
            {data.discrepancies.map((d) => (
              <tr key={`${d.claim.id}-${d.otherClaim.id}`}>
                <td>
                  <a href={`/claims/${d.claim.id}`}>
                    <T>{d.claim.statement}</T>
                  </a>
                </td>
                <td>{fig(d.claim)}</td>
                <td>
                  <a href={`/claims/${d.otherClaim.id}`}>
                    <T>{d.otherClaim.statement}</T>
                  </a>
                </td>
                <td>{fig(d.otherClaim)}</td>
              </tr>
            ))}
            {!data.discrepancies.length && (
              <tr>
                <td colSpan={4}>No discrepancies on this variable.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
