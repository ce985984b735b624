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

export function DiscrepanciesScreen() {
  const { query, path, route } = useLocation();
  const variable = query.variable ?? '';
  const [{ data, error, fetching }] = useQuery({ query: DiscrepanciesQuery, variables: { variable }, pause: !variable });
  const fig = (c: { quantities: ReadonlyArray<Parameters<typeof formatQuantity>[0] & { variable: string }> }) => c.quantities.filter((q) => q.variable === variable).map(formatQuantity).join('; ');
  return (
    <section aria-labelledby="disc-h">
      <h1 id="disc-h">Discrepancies</h1>
      <p class="muted">Pairs of claims whose figures for one variable cannot both be true.</p>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          route(`${path}${toSearch({ variable: new FormData(e.currentTarget).get('variable') as string })}`);
        }}
      >
        <Field label="Variable">
          <input name="variable" defaultValue={variable} key={variable} placeholder="militants_remaining" />
        </Field>
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
