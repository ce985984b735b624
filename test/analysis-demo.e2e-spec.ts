import { TestApp, expectData, startTestApp } from './support/app';

/** The editor's questions of issue "attribution analysis", asked of the demo story exactly as docs/sourcing-rules.md shows them. */
describe('attribution analysis on the demo story', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ DEMO_DATA: 'true' })));
  afterAll(() => t.close());

  it('finds the corroborated claim: two independent sources', async () => {
    const data = expectData(
      await t.gql(`{ claims(filter: { sourcing: CORROBORATED }) { nodes { statement independentSourceCount attributionLine } } }`),
    ).claims;
    expect(data.nodes).toEqual([
      {
        statement: 'The militants released 12 alliance fighters they had been holding.',
        independentSourceCount: 2,
        attributionLine: 'Levant Monitor for Human Rights; also reported by Valley 24',
      },
      {
        statement: 'More than 300 militants besieged in Tell Hamra refuse to surrender and are negotiating an exit.',
        independentSourceCount: 2,
        attributionLine: 'Valley 24; also reported by a person close to the talks (anonymous)',
      },
    ]);
  });

  it('finds the claim resting only on an anonymous official relayed by a TV network', async () => {
    const data = expectData(
      await t.gql(`{ claims(filter: { sourcing: ANONYMOUS_ONLY, relayedBy: "Northstar News" }) { nodes { statement hedge sourcing attributionLine } } }`),
    ).claims;
    expect(data.nodes).toEqual([
      {
        statement: 'At least 1,000 militants who fled in the past six months may have taken at least $150 million in cash.',
        hedge: 'may have',
        sourcing: 'ANONYMOUS_ONLY',
        attributionLine: 'Northstar News, quoting a senior military official (anonymous)',
      },
    ]);
  });

  it('sees the discrepancy between two figures for militants remaining', async () => {
    const pairs = expectData(await t.gql(`{ discrepancies(variable: "militants_remaining") { variable claim { statement } otherClaim { statement } } }`)).discrepancies;
    expect(pairs).toHaveLength(1);
    expect([pairs[0].claim.statement, pairs[0].otherClaim.statement].sort()).toEqual([
      'About 400 militants remain inside the Tell Hamra pocket.',
      'At least 1,500 militants remain inside the Tell Hamra pocket.',
    ]);
    const flagged = expectData(await t.gql(`{ claims(filter: { hasDiscrepancy: true }) { totalCount nodes { conflictsWith { statement } } } }`)).claims;
    expect(flagged.totalCount).toBe(2);
  });

  it('marks the denied truce extension as contested', async () => {
    const data = expectData(await t.gql(`{ claims(filter: { sourcing: CONTESTED }) { nodes { statement denyingSourceCount attributionLine } } }`)).claims;
    expect(data.nodes).toEqual([
      {
        statement: 'The truce between the militants and the alliance was extended by five days.',
        denyingSourceCount: 1,
        attributionLine: 'Valley 24; denied by Eastern Valley Forces',
      },
    ]);
  });

  it.each(['minIndependentSources', 'maxIndependentSources', 'circular', 'hasDiscrepancy'])(
    'reads %s: null as no condition, like every other filter field, not as a match on NULL',
    async (field) => {
      const all = expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount;
      expect(all).toBeGreaterThan(0);
      expect(expectData(await t.gql(`{ claims(filter: { ${field}: null }) { totalCount } }`)).claims.totalCount).toBe(all);
      const viaVariable = await t.gql(`query($f: ClaimFilterInput) { claims(filter: $f) { totalCount nodes { id } } }`, { f: { [field]: null } });
      expect(expectData(viaVariable).claims.nodes).toHaveLength(all);
    },
  );

  it('treats the insider quoted twice in one article as one source', async () => {
    const data = expectData(await t.gql(`{ sources(filter: { kind: ANONYMOUS }) { nodes { name trackRecord { total unverified } } } }`)).sources;
    expect(data.nodes).toEqual(
      expect.arrayContaining([{ name: 'a person close to the talks', trackRecord: { total: 2, unverified: 2 } }]),
    );
    expect(data.nodes).toHaveLength(2);
  });
});
