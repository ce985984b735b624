import { logClaimInput } from './factories';
import { TestApp, errorOf, startTestApp } from './support/app';
import { baseUrl } from './support/http';

/** class-validator's counted messages reach users through the API's one validation pipe: a count of one is singular. */
describe('validation messages over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const fieldsOf = async (query: string, variables: Record<string, unknown>) => {
    const error = errorOf(await t.gql(query, variables));
    expect(error.code).toBe('BAD_USER_INPUT');
    return error.fields;
  };

  it('says "at least 1 element" for an empty list that needs one, and "at least 2 elements" for two', async () => {
    const log = await fieldsOf(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: logClaimInput({ attributions: [] }) });
    expect(log).toEqual([{ field: 'attributions', message: 'must contain at least 1 element' }]);
    const unlink = await fieldsOf(`mutation($input: UnlinkSourcesInput!) { unlinkSources(input: $input) { id } }`, { input: { sourceIds: [] } });
    expect(unlink).toEqual([{ field: 'sourceIds', message: 'must contain at least 1 element' }]);
    const link = await fieldsOf(`mutation($input: LinkSourcesInput!) { linkSources(input: $input) { id } }`, { input: { sourceIds: ['0190a5b2-0000-7000-8000-000000000000'] } });
    expect(link).toEqual([{ field: 'sourceIds', message: 'must contain at least 2 elements' }]);
  });

  it('says what an unknown parameter is, and only the type rule when a value is not of its type', async () => {
    const refusal = async (query: string) => {
      const response = await fetch(`${baseUrl(t.url)}/exports/claims.csv?${query}`, { headers: { authorization: `Bearer ${t.adminKey}` } });
      expect(response.status).toBe(400);
      return ((await response.json()) as { fields: unknown }).fields;
    };
    expect(await refusal('format=xml')).toEqual([{ field: 'format', message: 'is not a field or parameter this accepts' }]);
    expect(await refusal('minIndependentSources=abc')).toEqual([{ field: 'minIndependentSources', message: 'must be an integer number' }]);
    expect(await refusal('minIndependentSources=5000')).toEqual([{ field: 'minIndependentSources', message: 'must not be greater than 1000' }]);
  });

  it('leaves no "1 elements" or "1 characters" in the message the error carries either', async () => {
    const error = errorOf(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: logClaimInput({ attributions: [] }) }));
    expect(error.message).toBe('attributions: must contain at least 1 element');
  });
});
