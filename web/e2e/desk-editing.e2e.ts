import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { deskSuite, expectAccessible, gql, type Role } from './harness';

/**
 * The gaps a QA pass found: every export format from the desk, relays counted on the sources list,
 * names instead of user ids, the audit log's actor picker, busy buttons that take one press, and the
 * edits a reporter makes after logging (attribution, claim figures, place and time, article, source).
 */
const suite = deskSuite();
const newPage = (role: Role): Promise<Page> => suite.newPage(role);

/** Holds the page's requests matching `test` until `release()`, counting them; `unhold` removes the hold. */
async function hold(page: Page, test: (url: string, body: string) => boolean) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const seen = { count: 0 };
  const match = () => true;
  await page.route(match, async (route) => {
    const r = route.request();
    if (!test(r.url(), r.postData() ?? '')) return route.continue();
    seen.count += 1;
    await held;
    await route.continue();
  });
  return { release, seen, unhold: () => page.unroute(match) };
}

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id version attributions { id source { id name } citations { article { id } } } } }`;

/** A claim the demo reporter logs, so the reporter may edit it and everything it created. */
async function reportersClaim(tag: string) {
  const input = {
    statement: `Shelling damaged the water station in Kafr Nasr (${tag}).`,
    article: { url: `https://wire.example.org/2026/05/02/kafr-nasr-${tag}`, headline: 'Water station hit', publisher: 'Example Wire', publishedAt: '2026-05-02T09:00:00Z' },
    attributions: [{ source: { name: `Kafr Nasr council ${tag}`, kind: 'GOVERNMENT' }, cue: 'said' }],
  };
  return (await gql(suite.desk, 'REPORTER', LOG, { input })).logClaim;
}

describe('export', () => {
  it('downloads Parquet, the bundle and the data package with the filter, one at a time, and says why one failed', async () => {
    const page = await newPage('RESEARCHER');
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/exports/') && asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
    await page.goto(`${suite.desk.base}/export?source=Valley+24`);
    await page.getByTestId('export-count').waitFor();
    await expectAccessible(page, 'export with every format');

    const [parquet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Parquet' }).click()]);
    const bytes = readFileSync((await parquet.path())!);
    expect(parquet.suggestedFilename()).toMatch(/\.parquet$/);
    // A Parquet file starts and ends with its magic number.
    expect([bytes.subarray(0, 4).toString(), bytes.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);

    // The bundle is held at the server's door: the button says what it is doing and no other download starts.
    const { release, seen, unhold } = await hold(page, (url) => url.includes('/exports/bundle.zip'));
    const bundleDone = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download bundle (ZIP)' }).click();
    const preparing = page.getByRole('button', { name: 'Preparing bundle (ZIP)…' });
    await preparing.waitFor();
    await expect(preparing.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Download CSV' }).isDisabled()).resolves.toBe(true);
    await preparing.evaluate((b: HTMLButtonElement) => b.click());
    release();
    const zip = readFileSync((await (await bundleDone).path())!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('datapackage.json'))).toBe(true);
    expect(seen.count).toBe(1);
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    await unhold();

    await page.getByLabel('Columns').selectOption('ucdp');
    const [pkg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download datapackage.json' }).click()]);
    const descriptor = JSON.parse(readFileSync((await pkg.path())!, 'utf8'));
    expect(descriptor.resources.length).toBeGreaterThan(0);
    expect(asked).toEqual([
      '/exports/claims.parquet?source=Valley+24',
      '/exports/bundle.zip?source=Valley+24',
      '/exports/datapackage.json?profile=ucdp',
    ]);

    // The server's refusal is shown in its words; a cut transfer is said to be incomplete, nothing saved.
    await page.goto(`${suite.desk.base}/export?minIndependentSources=-1`);
    await page.getByRole('button', { name: 'Download Parquet' }).click();
    await expect(page.getByTestId('export-problem').textContent()).resolves.toBe('minIndependentSources: must not be less than 0');
    await page.route('**/exports/bundle.zip**', (route) => route.abort('connectionreset'));
    await page.goto(`${suite.desk.base}/export`);
    await page.getByRole('button', { name: 'Download bundle (ZIP)' }).click();
    await expect(page.getByTestId('export-problem').textContent()).resolves.toMatch(/failed before it was complete/);
    await expect(page.getByRole('button', { name: 'Download bundle (ZIP)' }).isEnabled()).resolves.toBe(true);
    await page.close();
  });
});

describe('sources', () => {
  it('counts the claims a source relays, and links to them', async () => {
    const { sources } = await gql(suite.desk, 'EDITOR', '{ sources(filter: { name: "Northstar News" }) { nodes { id trackRecord { total } } } }');
    const northstar = sources.nodes[0];
    const { claims } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claims(filter: { sourceId: $id }) { totalCount } }', { id: northstar.id });
    // The demo's TV network only relays: it asserts nothing, yet it is in claims.
    expect(northstar.trackRecord.total).toBe(0);
    expect(claims.totalCount).toBeGreaterThan(0);
    const page = await newPage('RESEARCHER');
    await page.goto(`${suite.desk.base}/sources`);
    const row = page.locator('tbody tr', { hasText: 'Northstar News' });
    await expect(row.getByTestId('claim-count').textContent()).resolves.toBe(String(claims.totalCount));
    await row.getByRole('link').click();
    await page.getByTestId('source-claims').click();
    await page.getByTestId('claims-count').filter({ hasText: `${claims.totalCount} claim` }).waitFor();
    expect(page.url()).toContain(`sourceId=${northstar.id}`);
    await page.close();
  });
});

describe('names instead of ids', () => {
  it("shows who created a record and who set a status by name, and filters the audit log by a user picked by name", async () => {
    const claim = await reportersClaim('names');
    const { people } = await gql(suite.desk, 'EDITOR', '{ people { id name } }');
    const reporter = people.find((p: any) => p.name === 'Demo reporter');
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.getByLabel('Reason').fill('Two origins');
    await page.getByLabel('New status').selectOption('CORROBORATED');
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect(page.locator('.status-history li', { hasText: 'Two origins' }).textContent()).resolves.toContain('(by Demo editor)');
    const created = page.locator('.history table.diff tr', { has: page.locator('th', { hasText: /^createdBy$/ }) }).first();
    await expect(created.locator('td.ins').textContent()).resolves.toBe('Demo reporter');
    await expect(page.locator('main').textContent()).resolves.not.toContain(reporter.id);

    await page.goto(`${suite.desk.base}/audit`);
    await page.getByLabel('Actor').selectOption({ label: 'Demo reporter' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`actorId=${reporter.id}`));
    const lines = page.locator('ol.history > li > p');
    await lines.first().waitFor();
    const texts = await lines.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('Demo reporter'))).toBe(true);
    // The picker shows who is filtered on after the reload, and a claim event links to its claim.
    await expect(page.getByLabel('Actor').inputValue()).resolves.toBe(reporter.id);
    await page.locator('ol.history > li', { hasText: 'created claim' }).first().getByRole('link').click();
    await page.waitForURL(/\/claims\//);
    await expectAccessible(page, 'claim page with names');
    await page.close();
  });

  it('tells records written in the same second apart in the audit log, keeps long changes inside the page, and names record types in words', async () => {
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/audit?entityType=CLAIM`);
    const claimLine = page.locator('ol.history > li > p', { hasText: 'created claim' }).first();
    await claimLine.waitFor();
    // The demo's claims and articles are written in one second: UUIDv7 ids share their first characters.
    const { claims } = await gql(suite.desk, 'EDITOR', '{ claims(first: 100) { nodes { id } } }');
    const shown = (await page.locator('ol.history > li > p', { hasText: 'created claim' }).locator('a').allTextContents()).map((t) => t.trim());
    expect(shown.length).toBeGreaterThan(1);
    expect(new Set(shown).size).toBe(shown.length);
    for (const id of shown) expect((claims.nodes as Array<{ id: string }>).some((c) => c.id.endsWith(id))).toBe(true);
    await expect(page.getByLabel('Record type').locator('option:checked').textContent()).resolves.toBe('claim');
    const overflow = await page.locator('table.diff').evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement as HTMLElement).clientWidth + 1).length);
    expect(overflow).toBe(0);
    await page.close();
  });
});

describe('busy buttons', () => {
  it('checks a key once however often Sign in is pressed', async () => {
    const page = await suite.browser.context.newPage();
    const { release, seen } = await hold(page, (url, body) => url.endsWith('/graphql') && /query Me\b/.test(body));
    await page.goto(suite.desk.base);
    await page.getByLabel('API key').fill(suite.desk.keys.EDITOR);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const checking = page.getByRole('button', { name: 'Checking the key…' });
    await checking.waitFor();
    await expect(checking.isDisabled()).resolves.toBe(true);
    await page.locator('form').evaluate((f: HTMLFormElement) => f.requestSubmit());
    await page.keyboard.press('Enter');
    // Time for a second request to be sent, were it going to be.
    await page.waitForTimeout(300);
    const whileHeld = seen.count;
    release();
    await page.getByTestId('viewer').waitFor();
    expect(whileHeld).toBe(1);
    await page.close();
  });

  it('sets a status once however often Set status is pressed', async () => {
    const claim = await reportersClaim('busy');
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    // The status it already has is refused, and the message sits beside the status, not the reason.
    await page.getByLabel('Reason').fill('Still unverified');
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect(page.locator('label.field.invalid', { hasText: 'New status' }).locator('.field-error').textContent()).resolves.toMatch(/already UNVERIFIED/);
    await expect(page.locator('label.field.invalid').filter({ has: page.locator('span.label', { hasText: /^Reason$/ }) }).count()).resolves.toBe(0);
    const { release, seen } = await hold(page, (url, body) => url.endsWith('/graphql') && body.includes('SetStatus'));
    await page.getByLabel('New status').selectOption('CONTESTED');
    // The status field's message mentions a reason, so the label cannot find the reason field now.
    await page.locator('input[name="reason"]').fill('The council denies it');
    await page.getByRole('button', { name: 'Set status' }).click();
    const setting = page.getByRole('button', { name: 'Setting status…' });
    await setting.waitFor();
    await expect(setting.isDisabled()).resolves.toBe(true);
    await page.locator('form[aria-label="Change status"]').evaluate((f: HTMLFormElement) => f.requestSubmit());
    release();
    await page.locator('.status-history li', { hasText: 'The council denies it' }).waitFor();
    expect(seen.count).toBe(1);
    const { claim: after } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { statusHistory { reason } } }', { id: claim.id });
    expect(after.statusHistory).toHaveLength(1);
    await page.close();
  });
});

describe('a reporter edits what they logged', () => {
  it("edits an attribution's stance, credibility, said-at, conditions and relay chain, with errors beside the fields", async () => {
    const claim = await reportersClaim('attribution');
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.getByRole('button', { name: 'Edit this attribution' }).click();
    const form = page.getByRole('form', { name: 'Edit the attribution' });
    await form.getByLabel('Said at').fill('2026-02-30');
    await form.getByRole('button', { name: 'Save the attribution' }).click();
    const saidAt = form.locator('label.field.invalid', { hasText: 'Said at' });
    await expect(saidAt.locator('.field-error').textContent()).resolves.toBe('is not a real date: 2026-02 has 28 days');
    await expectAccessible(page, 'attribution form with an error');

    await form.getByLabel('Said at').fill('2026-05-01');
    await form.getByLabel('Stance').selectOption('DENIES');
    await form.getByLabel('Credibility').selectOption('2');
    await form.getByLabel('Conditions').fill('if the pumps are still running\nunconfirmed by the utility');
    await form.getByRole('button', { name: 'Add relay' }).click();
    const relay = form.locator('.hop input').first();
    await relay.fill('Not a recorded source');
    await form.getByRole('button', { name: 'Save the attribution' }).click();
    await expect(form.locator('label.field.invalid', { hasText: 'Relay 1' }).locator('.field-error').textContent()).resolves.toMatch(/pick a recorded source/);
    await relay.fill('Northstar News');
    await form.getByLabel('Relay 1 cue').fill('citing');
    await form.getByRole('button', { name: 'Save the attribution' }).click();
    await form.waitFor({ state: 'detached' });

    const { claim: after } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { attributions { stance credibility saidAt conditions cue chain { cue source { name } } } } }', { id: claim.id });
    expect(after.attributions).toEqual([
      { stance: 'DENIES', credibility: 2, saidAt: '2026-05-01T00:00:00.000Z', conditions: ['if the pumps are still running', 'unconfirmed by the utility'], cue: 'said', chain: [{ cue: 'citing', source: { name: 'Northstar News' } }] },
    ]);
    await page.locator('.chain', { hasText: 'Northstar News' }).waitFor();
    await expect(page.getByTestId('credibility').textContent()).resolves.toBe('credibility: 2');
    // Opened again, the form shows what is recorded, so saving one field does not reset the others.
    await page.getByRole('button', { name: 'Edit this attribution' }).click();
    await expect(form.getByLabel('Stance').inputValue()).resolves.toBe('DENIES');
    await expect(form.getByLabel('Credibility').inputValue()).resolves.toBe('2');
    await form.getByLabel('Cue', { exact: true }).fill('told reporters');
    await form.getByRole('button', { name: 'Save the attribution' }).click();
    await form.waitFor({ state: 'detached' });
    const { claim: again } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { attributions { stance credibility cue } } }', { id: claim.id });
    expect(again.attributions).toEqual([{ stance: 'DENIES', credibility: 2, cue: 'told reporters' }]);
    await page.close();
  });

  it("edits a claim's event time, place and figures, with errors beside the fields", async () => {
    const claim = await reportersClaim('figures');
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.getByRole('button', { name: 'Edit the claim' }).click();
    const form = page.getByRole('form', { name: 'Edit the claim' });
    await form.getByLabel('Event start').fill('2026-05-01');
    await form.getByLabel('Time precision').selectOption('DAY');
    await form.getByLabel('Place name').fill('Kafr Nasr');
    await form.getByLabel('Country (ISO code)').fill('Syria');
    await form.getByRole('button', { name: 'Add figure' }).click();
    await form.getByLabel('Variable').fill('Pumps Destroyed');
    await form.getByLabel('Value').fill('3');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.locator('label.field.invalid', { hasText: 'Country' }).locator('.field-error').textContent()).resolves.toMatch(/.+/);
    await expect(form.locator('label.field.invalid', { hasText: 'Variable' }).locator('.field-error').textContent()).resolves.toMatch(/snake_case/);
    await expectAccessible(page, 'claim form with errors');
    const { claim: untouched } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { version place { name } } }', { id: claim.id });
    expect(untouched).toEqual({ version: claim.version, place: null });

    await form.getByLabel('Country (ISO code)').fill('sy');
    await form.getByLabel('Variable').fill('pumps_destroyed');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const { claim: after } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { statement eventTime { start precision } place { name country } quantities { variable value } } }', { id: claim.id });
    expect(after).toEqual({
      statement: `Shelling damaged the water station in Kafr Nasr (figures).`,
      eventTime: { start: '2026-05-01T00:00:00.000Z', precision: 'DAY' },
      place: { name: 'Kafr Nasr', country: 'SY' },
      quantities: [{ variable: 'pumps_destroyed', value: 3 }],
    });
    await page.locator('.facts code', { hasText: 'pumps_destroyed' }).waitFor();
    await page.getByRole('button', { name: 'Edit the claim' }).click();
    await expect(form.getByLabel('Time precision').inputValue()).resolves.toBe('DAY');
    await page.close();
  });

  it("writes a claim's one-line summary, shows it under the statement and finds the claim by its words", async () => {
    const claim = await reportersClaim('summary');
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.getByRole('button', { name: 'Edit the claim' }).click();
    const form = page.getByRole('form', { name: 'Edit the claim' });
    await form.getByLabel(/^Summary/).fill('Council says the only water station in Kafr Nasr is out of service');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(page.getByTestId('summary').textContent()).resolves.toBe('Council says the only water station in Kafr Nasr is out of service');
    const { claim: after } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { claim(id: $id) { summary } }', { id: claim.id });
    expect(after.summary).toBe('Council says the only water station in Kafr Nasr is out of service');

    await page.goto(`${suite.desk.base}/claims?summary=${encodeURIComponent('WATER STATION in kafr')}`);
    const rows = page.getByTestId('claims-table').locator('tbody tr');
    await rows.filter({ hasText: 'Kafr Nasr (summary)' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(page.getByLabel('Words in summary').inputValue()).resolves.toBe('WATER STATION in kafr');
    await page.close();
  });

  it("edits the article's details and the speaker's aliases, affiliation and Wikidata id, with errors beside the fields", async () => {
    const claim = await reportersClaim('source');
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.locator('details.citation summary').click();
    await page.getByRole('button', { name: "Edit the article's details" }).click();
    const article = page.getByRole('form', { name: 'Edit the article' });
    await article.getByLabel('Published at').fill('2026-05-02T09:00');
    await article.getByRole('button', { name: 'Save the article' }).click();
    await expect(article.locator('label.field.invalid', { hasText: 'Published at' }).locator('.field-error').textContent()).resolves.toMatch(/time zone/);
    await article.getByLabel('Published at').fill('2026-05-02T09:00:00Z');
    await article.getByLabel('Byline').fill('Staff reporter');
    await article.getByLabel('Wire agency').fill('AP');
    await article.getByRole('button', { name: 'Save the article' }).click();
    await article.waitFor({ state: 'detached' });
    const articleId = claim.attributions[0].citations[0].article.id;
    const { article: savedArticle } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { article(id: $id) { byline wireAgency publishedAt } }', { id: articleId });
    expect(savedArticle).toEqual({ byline: 'Staff reporter', wireAgency: 'AP', publishedAt: '2026-05-02T09:00:00.000Z' });

    await page.getByRole('link', { name: 'Kafr Nasr council source' }).click();
    await page.getByRole('button', { name: 'Edit the source' }).click();
    const source = page.getByRole('form', { name: 'Edit the source' });
    await source.getByLabel('Aliases').fill('KNC\nthe local council, Kafr Nasr');
    await source.getByLabel('Affiliation').fill('Kafr Nasr municipality');
    await source.getByLabel('Wikidata id').fill('X12');
    await source.getByRole('button', { name: 'Save the source' }).click();
    await expect(source.locator('label.field.invalid', { hasText: 'Wikidata id' }).locator('.field-error').textContent()).resolves.toMatch(/.+/);
    await expectAccessible(page, 'source form with an error');
    await source.getByLabel('Wikidata id').fill('Q4115189');
    await source.getByRole('button', { name: 'Save the source' }).click();
    await source.waitFor({ state: 'detached' });
    const { source: saved } = await gql(suite.desk, 'EDITOR', 'query($id: ID!) { source(id: $id) { aliases affiliation wikidataId } }', { id: claim.attributions[0].source.id });
    expect({ ...saved, aliases: [...saved.aliases].sort() }).toEqual({ aliases: ['KNC', 'the local council, Kafr Nasr'], affiliation: 'Kafr Nasr municipality', wikidataId: 'Q4115189' });
    // The page refetches after the save; wait for the redrawn facts rather than reading them once.
    await page.locator('dl.facts', { hasText: 'Q4115189' }).waitFor();
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Q4115189');
    await page.close();
  });
});

describe('filters', () => {
  it('shows an applied filter in its control, so applying again keeps it', async () => {
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims?anonymity=ANONYMOUS_ONLY`);
    await page.getByTestId('claims-count').waitFor();
    await expect(page.getByLabel('Anonymity').inputValue()).resolves.toBe('ANONYMOUS_ONLY');
    await page.getByLabel('Text in statement').fill('militants');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/search=militants/);
    expect(page.url()).toContain('anonymity=ANONYMOUS_ONLY');
    await page.close();
  });

  it('offers the counts, the article and the time of change among its filters, as the API has them', async () => {
    const page = await newPage('EDITOR');
    const { claims } = await gql(suite.desk, 'EDITOR', '{ claims(filter: { maxIndependentSources: 1, updatedSince: "2000-01-01T00:00:00Z" }) { totalCount } }');
    const { claims: all } = await gql(suite.desk, 'EDITOR', '{ claims { totalCount } }');
    expect(claims.totalCount).toBeLessThan(all.totalCount);
    await page.goto(`${suite.desk.base}/claims?maxIndependentSources=1&updatedSince=2000-01-01`);
    await page.getByTestId('claims-count').filter({ hasText: new RegExp(`^\\s*${claims.totalCount} claims?\\s*$`) }).waitFor();
    await expect(page.getByLabel('Max. independent sources').inputValue()).resolves.toBe('1');
    await expect(page.getByLabel('Changed since').inputValue()).resolves.toBe('2000-01-01');
    await expect(page.getByLabel('Article id (the claims it carries)').count()).resolves.toBe(1);
    await page.close();
  });
});
