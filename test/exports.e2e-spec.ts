import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_COLUMNS, UCDP_COLUMNS } from '../src/exports/export-columns';
import { articleInput, claimInput, logClaimInput } from './factories';
import { TestApp, authHeaders, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText, jsonLines } from './support/http';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id attributions { id source { name } } } }`;

describe('exports over HTTP', () => {
  let t: TestApp;
  let base: string;
  let sieged: { id: string; attributions: Array<{ id: string; source: { name: string } }> };
  let hostileId: string;
  let bareId: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
    const input = logClaimInput({
      place: { name: 'Tell Hamra', adminArea: 'Deir ez-Zor', country: 'SY', precision: 'NEAR' },
      eventTime: { start: '2019-02-18T00:00:00.000Z', precision: 'DAY' },
    });
    (input.attributions as any[])[0].quote = { quote: 'More than 200 fighters remain' };
    (input.attributions as any[])[1].quote = { quote: 'a senior security official said' };
    sieged = expectData(await t.gql(LOG, { input })).logClaim;
    hostileId = expectData(
      await t.gql(LOG, {
        input: {
          ...claimInput({ statement: '=HYPERLINK("http://evil.example.com","click")', hedge: '-reportedly' }),
          article: articleInput({ headline: '@SUM(1+1)' }),
          attributions: [{ source: { name: '+Plus Network', kind: 'MEDIA_OUTLET' }, cue: 'said', quote: { quote: "'quoted" } }],
        },
      }),
    ).logClaim.id;
    bareId = expectData(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: claimInput({ quantities: [] }) })).createClaim.id;
  });
  afterAll(() => t.close());

  it('writes one CSV row per live attribution, and one for a claim without any, under the codebook header', async () => {
    const res = await getText(`${base}/exports/claims.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.split('\r\n')[0]).toBe(FULL_COLUMNS.map((c) => c.name).join(','));
    const rows = csvRecords(res.text);
    expect(rows.map((r) => r.claim_id)).toEqual([sieged.id, sieged.id, hostileId, bareId]);
    const bare = rows[3];
    expect(bare).toMatchObject({ attribution_id: '', row_id: bareId, source_name: '', relay_chain: '', conditions: '', tags: '["siege"]', independent_source_count: '0', sourcing: 'UNSOURCED' });

    const [named, anonymous] = rows;
    expect(named).toMatchObject({
      quantity_variable: 'fighters_remaining', quantity_low: '200', quantity_best: '200', quantity_high: '', quantity_low_inclusive: 'false',
      place_precision: 'NEAR', place_country: 'SY', event_start: '2019-02-18T00:00:00.000Z', stance: 'ASSERTS', source_anonymous: 'false',
      quote: 'More than 200 fighters remain', article_publisher: 'Example Wire', independent_source_count: '2', tags: '["siege"]', row_id: named.attribution_id,
      sourcing: 'CORROBORATED', circular: 'false', has_discrepancy: 'false', external_id: '',
    });
    expect(JSON.parse(named.quantities_json)).toEqual([
      { variable: 'fighters_remaining', value: null, lower: 200, lower_inclusive: false, upper: null, upper_inclusive: true, approximate: false, qualifier: 'more than', unit: 'fighters', currency: null, vague: false },
    ]);
    expect(JSON.parse(anonymous.relay_chain)).toEqual([
      { source_id: expect.any(String), name: expect.stringMatching(/^Channel Nine \w+$/), kind: 'MEDIA_OUTLET', cue: 'quoting' },
      { source_id: anonymous.source_id, name: 'a senior security official', kind: 'ANONYMOUS', cue: 'reported' },
    ]);
    expect(anonymous).toMatchObject({ source_kind: 'ANONYMOUS', source_anonymous: 'true', anonymity_granted: 'true', anonymity_reason: 'not authorized to brief reporters', conditions: '[]' });
  });

  it('leaves out deleted attributions', async () => {
    const removed = sieged.attributions.find((a) => a.source.name === 'a senior security official') as { id: string };
    const res = await t.gql(`mutation($input: RemoveAttributionInput!) { removeAttribution(input: $input) { id } }`, { input: { id: removed.id } });
    expectData(res);
    const rows = csvRecords((await getText(`${base}/exports/claims.csv`)).text);
    expect(rows.filter((r) => r.claim_id === sieged.id).map((r) => r.attribution_id)).not.toContain(removed.id);
    expect(rows.find((r) => r.claim_id === sieged.id)?.independent_source_count).toBe('1');
  });

  it('neutralises spreadsheet formulas in CSV text cells but keeps the JSON Lines values exact', async () => {
    const csv = csvRecords((await getText(`${base}/exports/claims.csv`)).text).find((r) => r.claim_id === hostileId) as Record<string, string>;
    expect(csv.statement).toBe(`'=HYPERLINK("http://evil.example.com","click")`);
    expect(csv.hedge).toBe("'-reportedly");
    expect(csv.source_name).toBe("'+Plus Network");
    expect(JSON.parse(csv.relay_chain)[0].name).toBe('+Plus Network');
    expect(csv.article_headline).toBe("'@SUM(1+1)");
    expect(csv.quote).toBe("''quoted");
    const json = jsonLines((await getText(`${base}/exports/claims.jsonl`)).text).find((r) => r.claim_id === hostileId) as Record<string, any>;
    expect(json).toMatchObject({ statement: '=HYPERLINK("http://evil.example.com","click")', hedge: '-reportedly', source_name: '+Plus Network', quote: "'quoted" });
  });

  it('writes typed JSON Lines with the same keys and a closing summary line', async () => {
    const res = await getText(`${base}/exports/claims.jsonl`);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = jsonLines(res.text);
    const summary = lines.pop() as Record<string, any>;
    expect(summary._summary).toMatchObject({ rows: lines.length, claims: 3, profile: 'full', complete: true, filter: {}, codebook: '/exports/codebook' });
    expect(Object.keys(lines[0])).toEqual(FULL_COLUMNS.map((c) => c.name));
    expect(lines[0]).toMatchObject({ quantity_low: 200, quantity_low_inclusive: false, quantity_approximate: false, tags: ['siege'], independent_source_count: 1, latitude: null });
    expect(Array.isArray(lines[0].relay_chain)).toBe(true);
  });

  it('filters with the claims filter and says so in the provenance headers', async () => {
    const sourceName = sieged.attributions[0].source.name;
    const res = await getText(`${base}/exports/claims.csv?source=${encodeURIComponent(sourceName)}&eventFrom=2019-01-01T00:00:00Z`);
    expect(res.status).toBe(200);
    expect(csvRecords(res.text).map((r) => r.claim_id)).toEqual([sieged.id]);
    expect(JSON.parse(res.headers.get('x-claimdesk-filter') as string)).toEqual({ source: sourceName, eventFrom: '2019-01-01T00:00:00.000Z' });
    expect(new Date(res.headers.get('x-claimdesk-generated-at') as string).getTime()).not.toBeNaN();
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="claimdesk-claims-[\dTZ-]+\.csv"$/);
  });

  it('refuses a bad filter with 400 and the fields at fault', async () => {
    const res = await fetch(`${base}/exports/claims.csv?status=MAYBE&eventFrom=yesterday&colour=red`, { headers: authHeaders(base) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; fields: Array<{ field: string }> };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['colour', 'eventFrom', 'status']);
  });

  it('does not export a deleted article with the claims that cited it', async () => {
    const name = `Deleted Article Monitor ${Date.now()}`;
    const article = articleInput({ headline: 'A story later deleted' });
    const logged = expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { attributions { citations { article { id } } } } }`, {
      input: logClaimInput({ article, attributions: [{ source: { name, kind: 'MONITORING_GROUP' }, quote: { quote: 'q' } }] }),
    })).logClaim;
    const articleId = logged.attributions[0].citations[0].article.id;
    const before = csvRecords((await getText(`${base}/exports/claims.csv?source=${encodeURIComponent(name)}`)).text);
    expect(before.map((r) => r.article_headline)).toEqual(['A story later deleted']);
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'ARTICLE', id: articleId } }));
    const res = await getText(`${base}/exports/claims.csv?source=${encodeURIComponent(name)}`);
    expect(csvRecords(res.text).map((r) => [r.article_url, r.article_headline, r.quote])).toEqual([['', '', '']]);
    expect(res.text).not.toContain('A story later deleted');
  });

  it('refuses a window that ends before it starts, as the GraphQL filter does', async () => {
    for (const [from, to] of [['eventFrom', 'eventTo'], ['publishedFrom', 'publishedTo']]) {
      const res = await fetch(`${base}/exports/claims.csv?${from}=2024-05-02&${to}=2024-05-01`, { headers: authHeaders(base) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; fields: Array<{ field: string; message: string }> };
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.fields).toEqual([{ field: to, message: `must not be before ${from}` }]);
    }
    expect((await fetch(`${base}/exports/claims.csv?eventFrom=2024-05-01&eventTo=2024-05-01`, { headers: authHeaders(base) })).status).toBe(200);
  });

  it('refuses an impossible date in a filter by the API date rule', async () => {
    const res = await fetch(`${base}/exports/claims.csv?eventFrom=2019-02-30`, { headers: authHeaders(base) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; fields: Array<{ field: string; message: string }> };
    expect(body.fields).toEqual([{ field: 'eventFrom', message: expect.stringContaining('is not a real date: 2019-02 has 28 days') }]);
    expect((await fetch(`${base}/exports/claims.csv?eventFrom=2019-02-18`, { headers: authHeaders(base) })).status).toBe(200);
  });

  it('writes the UCDP profile with GED column names and precision codes', async () => {
    const res = await getText(`${base}/exports/claims.csv?profile=ucdp`);
    expect(res.text.split('\r\n')[0]).toBe(UCDP_COLUMNS.map((c) => c.name).join(','));
    expect(res.headers.get('content-disposition')).toMatch(/claimdesk-claims-ucdp-/);
    const row = csvRecords(res.text).find((r) => r.claim_id === sieged.id) as Record<string, string>;
    expect(row).toMatchObject({
      variable: 'fighters_remaining', best: '200', low: '200', high: '', source_office: 'Example Wire', source_headline: 'Holdouts in river town reject surrender terms',
      source_date: '2019-02-18', number_of_sources: '1', date_prec: '1', where_prec: '2', date_start: '2019-02-18', where_coordinates: 'Tell Hamra', adm_1: 'Deir ez-Zor', country: 'SY',
    });
    expect(row.source_original).toBe(sieged.attributions[0].source.name);
    expect(row).toMatchObject({ primary_row: 'true', year: '2019', source_article: 'Example Wire, 2019-02-18, Holdouts in river town reject surrender terms', qualifier: 'more than', low_inclusive: 'false' });
    // One primary row per claim: summing over them counts each claim's figure once.
    const all = csvRecords(res.text);
    expect(all.filter((r) => r.primary_row === 'true').map((r) => r.claim_id)).toEqual([...new Set(all.map((r) => r.claim_id))]);
    const jsonl = jsonLines((await getText(`${base}/exports/claims.jsonl?profile=ucdp`)).text);
    expect(jsonl.find((r) => r.claim_id === sieged.id)).toMatchObject({ best: 200, number_of_sources: 1, where_prec: 2 });
  });

  it('serves the codebook, which is docs/codebook.md', async () => {
    const res = await getText(`${base}/exports/codebook`);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.text).toBe(readFileSync(join(__dirname, '..', 'docs', 'codebook.md'), 'utf8'));
    for (const c of FULL_COLUMNS) expect(res.text).toContain(`\`${c.name}\``);
  });
});

describe('exports and imports: who may, and what never leaves', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('need a key; researchers export but cannot import; the codebook is public', async () => {
    const base = baseUrl(t.url);
    expect((await getText(`${base}/exports/claims.csv`, {})).status).toBe(401);
    expect(JSON.parse((await getText(`${base}/exports/claims.csv`, {})).text).code).toBe('UNAUTHENTICATED');
    const researcher = await t.userWithRole('RESEARCHER');
    expect((await getText(`${base}/exports/claims.jsonl`, researcher.as)).status).toBe(200);
    const refused = await fetch(`${base}/imports`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...researcher.as }, body: '{}' });
    expect(refused.status).toBe(403);
    expect((await getText(`${base}/exports/codebook`, {})).status).toBe(200);
  });

  it('never carry a confidential note or a deleted claim', async () => {
    const base = baseUrl(t.url);
    const secret = 'Major Example of the northern command';
    const source = expectData(await t.gql(`mutation($n: String) { createSource(input: { kind: ANONYMOUS, name: "an officer", confidentialNote: $n }) { id } }`, { n: secret })).createSource;
    const claim = expectData(await t.gql(`mutation { createClaim(input: { statement: "Visible claim." }) { id } }`)).createClaim;
    const gone = expectData(await t.gql(`mutation { createClaim(input: { statement: "Deleted claim." }) { id } }`)).createClaim;
    expectData(await t.gql(`mutation($c: ID!, $s: ID!) { addAttribution(input: { claimId: $c, sourceId: $s }) { id } }`, { c: claim.id, s: source.id }));
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: gone.id }));
    for (const format of ['csv', 'jsonl']) {
      const { text } = await getText(`${base}/exports/claims.${format}`);
      expect(text).toContain('Visible claim.');
      expect(text).not.toContain(secret);
      expect(text).not.toContain('Deleted claim.');
    }
  });
});
