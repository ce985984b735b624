import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText, postImport, withoutIdsAndTimes } from './support/http';

/** Issue 17 items 3 and 4: a round trip keeps sources, relay chains and creation times joinable to the original. */
describe('export identity and encoding', () => {
  let source: TestApp;
  let target: TestApp;
  let official: string;
  let relay: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([startTestApp(), startTestApp()]);
    const create = async (name: string, kind: string) => expectData(await source.gql(`mutation($n: String!, $k: SourceKind!) { createSource(input: { name: $n, kind: $k }) { id } }`, { n: name, k: kind })).createSource.id;
    official = await create('a senior official', 'ANONYMOUS');
    relay = await create('Alpha <- Beta', 'MEDIA_OUTLET');
    for (const statement of ['First claim from the same official.', 'Second claim from the same official.']) {
      const claim = expectData(await source.gql(`mutation($s: String!) { createClaim(input: { statement: $s, tags: ["siege", "negotiations"] }) { id } }`, { s: statement })).createClaim;
      // No article: before, each row's anonymous speaker became a new source on import.
      expectData(
        await source.gql(`mutation($i: AddAttributionInput!) { addAttribution(input: $i) { id } }`, {
          i: { claimId: claim.id, sourceId: official, cue: 'said', chain: [{ sourceId: relay, cue: 'citing' }] },
        }),
      );
    }
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes the relay chain and every list as JSON, with source ids, kinds and hop cues', async () => {
    const rows = csvRecords((await getText(`${baseUrl(source.url)}/exports/claims.csv`)).text);
    expect(JSON.parse(rows[0].relay_chain)).toEqual([
      { source_id: relay, name: 'Alpha <- Beta', kind: 'MEDIA_OUTLET', cue: 'citing' },
      { source_id: official, name: 'a senior official', kind: 'ANONYMOUS', cue: 'said' },
    ]);
    expect(JSON.parse(rows[0].tags)).toEqual(['siege', 'negotiations']);
    expect(rows[0].conditions).toBe('[]');
    expect(rows[0].quantities_json).toBe('[]');
    expect(rows[0].row_id).toBe(rows[0].attribution_id);
  });

  it('round-trips into an empty database with the same sources, chains and creation times, joinable by external_id', async () => {
    const before = (await getText(`${baseUrl(source.url)}/exports/claims.csv`)).text;
    const imported = await postImport(baseUrl(target.url), before, 'text/csv');
    expect(imported).toMatchObject({ status: 200, body: { claimsCreated: 2, attributionsCreated: 2 } });
    const after = csvRecords((await getText(`${baseUrl(target.url)}/exports/claims.csv`)).text);
    const original = csvRecords(before);
    expect(withoutIdsAndTimes(after)).toEqual(withoutIdsAndTimes(original));
    expect(after.map((r) => [r.external_id, r.source_id, r.created_at])).toEqual(original.map((r) => [r.claim_id, r.source_id, r.created_at]));
    const sources = expectData(await target.gql(`{ sources(first: 50) { nodes { id name } } }`)).sources.nodes;
    expect(sources.map((s: { id: string }) => s.id).sort()).toEqual([official, relay].sort());
    // Re-importing the re-export changes nothing: its claim ids are this database's own.
    const again = await postImport(baseUrl(target.url), (await getText(`${baseUrl(target.url)}/exports/claims.csv`)).text, 'text/csv');
    expect(again.body).toMatchObject({ claimsCreated: 0, claimsUnchanged: 2 });
  });

  it('exports every quantity in the long-format quantities table, and the derived values on every row', async () => {
    const claim = expectData(
      await source.gql(`mutation { createClaim(input: { statement: "At least 1,000 fled with at least $200 million.", quantities: [
        { variable: "fighters_fled", lower: 1000, qualifier: "at least", unit: "fighters" },
        { variable: "cash_taken", lower: 200000000, qualifier: "at least", currency: "USD" }] }) { id } }`),
    ).createClaim;
    // The filter selects claims; the table then has every figure of each, the $200 million included.
    const res = await getText(`${baseUrl(source.url)}/exports/quantities.csv?variable=cash_taken`);
    expect(res.headers.get('content-disposition')).toMatch(/claimdesk-quantities-/);
    expect(csvRecords(res.text)).toEqual([
      { claim_id: claim.id, position: '1', variable: 'fighters_fled', low: '1000', best: '1000', high: '', value: '', lower: '1000', lower_inclusive: 'true',
        upper: '', upper_inclusive: '', approximate: 'false', qualifier: 'at least', unit: 'fighters', currency: '', vague: 'false' },
      { claim_id: claim.id, position: '2', variable: 'cash_taken', low: '200000000', best: '200000000', high: '', value: '', lower: '200000000', lower_inclusive: 'true',
        upper: '', upper_inclusive: '', approximate: 'false', qualifier: 'at least', unit: '', currency: 'USD', vague: 'false' },
    ]);
    const rows = csvRecords((await getText(`${baseUrl(source.url)}/exports/claims.csv`)).text);
    expect(rows.find((r) => r.claim_id === claim.id)).toMatchObject({ sourcing: 'UNSOURCED', independent_source_count: '0', circular: 'false', has_discrepancy: 'false' });
    expect(rows.find((r) => r.source_id === official)).toMatchObject({ sourcing: 'ANONYMOUS_ONLY', independent_source_count: '1' });
  });
});
