import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { deskSuite, expectAccessible, gql, type Role } from './harness';

const suite = deskSuite();
const newPage = (role: Role): Promise<Page> => suite.newPage(role);

/** Opens the log screen and picks the demo story's recorded article. */
async function pickDemoArticle(page: Page): Promise<void> {
  await page.goto(`${suite.desk.base}/log`);
  const { articles } = await gql(suite.desk, 'REPORTER', '{ articles(first: 5) { nodes { id headline } } }');
  const demo = articles.nodes.find((a: any) => /Tell Hamra/.test(a.headline));
  await page.getByLabel('Pick a recorded article').selectOption(demo.id);
}

/** Picks the demo story's article and asks for its suggested attributions once its text is in the form. */
async function suggestFromDemoArticle(page: Page): Promise<void> {
  await pickDemoArticle(page);
  await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('textarea[name="bodyText"]')!.value.includes('Tell Hamra'));
  await page.getByRole('button', { name: 'Suggest attributions' }).click();
}

const ARTICLE = {
  url: 'https://wire.example.org/2026/03/04/qasr-tamir-crossing',
  headline: 'Fighters cross river near Qasr Tamir',
  publisher: 'Example Wire',
  publishedAt: '2026-03-04T10:00:00Z',
  text: [
    'Northstar News, quoting a senior military official, reported that at least 2,000 fighters had crossed the river near Qasr Tamir on Tuesday. The Levant Monitor for Human Rights also said that at least 2,000 fighters had crossed the river.',
    'A local council member, who asked not to be named because he feared reprisals, said the bridge at Qasr Tamir was destroyed.',
  ].join('\n\n'),
};

describe('signing in', () => {
  it.each([
    ['REPORTER', 'Log from article', 'Users & keys'],
    ['EDITOR', 'Audit log', 'Users & keys'],
    ['RESEARCHER', 'Export', 'Log from article'],
    ['ADMIN', 'Users & keys', null],
  ] as const)('shows a %s the user, the role and only the screens of that role', async (role, shown, hidden) => {
    const page = await newPage(role);
    await expect(page.getByTestId('viewer').textContent()).resolves.toContain(`Demo ${role.toLowerCase()}`);
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await expect(nav.getByRole('link', { name: shown }).count()).resolves.toBe(1);
    if (hidden) await expect(nav.getByRole('link', { name: hidden }).count()).resolves.toBe(0);
    // The key is kept for the tab only.
    await expect(page.evaluate(() => [sessionStorage.length, localStorage.length])).resolves.toEqual([1, 0]);
    await expectAccessible(page, `home of ${role}`);
    await page.close();
  });

  it('refuses a wrong key with a message', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.desk.base);
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('API key').fill('cdk_not_a_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const said = await page.getByRole('alert').textContent();
    // The key was never valid: the message says it was not accepted and what a key looks like, not "sign in again".
    expect(said).toMatch(/not valid or has been revoked.*starts with cdk_/);
    expect(said).not.toMatch(/any more|sign in again/);
    await page.close();
  });
});

/** suggestAttributions reads from this: an anaphor ("The monitoring group"), a grant of anonymity with a reason, an event time and a said time in one sentence, vague figures, a known place. */
const STRIKES = {
  url: 'https://wire.example.org/2026/03/04/idlib-strikes',
  publishedAt: '2026-03-04T12:00:00Z',
  text: 'Air strikes hit the town of Idlib on Tuesday, killing dozens of people, the Levant Monitor for Human Rights said on Wednesday. The monitoring group also said that hundreds of families fled the area on Monday. The strikes damaged a hospital, a senior security official said on condition of anonymity because he was not authorised to speak to the media.',
};

describe('reporter', () => {
  it('logs a claim with two attributions and a relay from a pasted article, through suggestions and the keyboard', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    await page.getByLabel('URL').fill(ARTICLE.url);
    await page.getByLabel('Headline').fill(ARTICLE.headline);
    await page.getByLabel('Publisher').fill(ARTICLE.publisher);
    await page.getByLabel('Published at').fill(ARTICLE.publishedAt);
    await page.getByLabel('Article text').fill(ARTICLE.text);
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    await page.locator('li.card').nth(2).waitFor();
    // The suggestions are marked in the article text: speakers, relays and figures.
    await expect(page.getByTestId('marked-text').locator('mark.m-relay').first().textContent()).resolves.toBe('Northstar News');
    await expect(page.getByTestId('marked-text').locator('mark.m-figure').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'log from article');

    // Card 2 (the monitor) joins card 1 (Northstar News quoting an official): one claim, two attributions.
    await page.locator('li.card').first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    await expect(page.locator('li.card').count()).resolves.toBe(2);
    await page.keyboard.press('a');
    await page.locator('li.card[data-state="accepted"]').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.locator('li.card[data-state="rejected"]').waitFor();

    const data = await gql(suite.desk, 'EDITOR', `{ claims(filter: { search: "Qasr Tamir" }) { nodes { statement eventTime { start end precision } quantities { lower qualifier } attributions { source { name anonymous } chain { cue source { name } } citations { quote article { canonicalUrl } } } } } }`);
    expect(data.claims.nodes).toHaveLength(1);
    const claim = data.claims.nodes[0];
    expect(claim.quantities).toEqual([{ lower: 2000, qualifier: 'at least' }]);
    // "on Tuesday", published on Wednesday 4 March: the day before, at day precision, not a two-day window.
    expect(claim.eventTime.start).toMatch(/^2026-03-03T00:00:00/);
    expect(claim.eventTime.precision).toBe('DAY');
    expect([null, claim.eventTime.start]).toContain(claim.eventTime.end);
    expect(claim.attributions.map((a: any) => a.source.name).sort()).toEqual(['Levant Monitor for Human Rights', 'a senior military official']);
    const relayed = claim.attributions.find((a: any) => a.source.anonymous);
    expect(relayed.chain).toEqual([{ cue: 'quoting', source: { name: 'Northstar News' } }]);
    expect(relayed.citations[0].quote).toContain('Northstar News, quoting a senior military official');

    // The richer suggestion on the cards: an anaphor with its antecedent, a grant of anonymity with its reason,
    // the event time kept apart from the time it was said.
    await page.goto(`${suite.desk.base}/log`);
    await page.getByLabel('URL').fill(STRIKES.url);
    await page.getByLabel('Published at').fill(STRIKES.publishedAt);
    await page.getByLabel('Article text').fill(STRIKES.text);
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    await page.locator('li.card').nth(2).waitFor();
    const cards = page.locator('li.card');
    await expect(cards.nth(1).getByTestId('antecedent').textContent()).resolves.toContain('refers to “the Levant Monitor for Human Rights” in sentence 1');
    await expect(cards.nth(1).getByTestId('speaker-reading').textContent()).resolves.toContain('As written: “The monitoring group”');
    await expect(cards.nth(2).getByTestId('anonymity').textContent()).resolves.toBe(' · anonymity granted: “not authorised to speak to the media”');
    await expect(cards.nth(0).getByTestId('event-time').textContent()).resolves.toContain('event 2026-03-03 (“on Tuesday”)');
    await expect(cards.nth(0).getByTestId('said-at').textContent()).resolves.toContain('said 2026-03-04 (“on Wednesday”)');
    await expect(cards.nth(0).textContent()).resolves.toContain('(vague)');
    // The third sentence names no event time: none is borrowed from another sentence or from the publication date.
    await expect(cards.nth(2).getByTestId('event-time').count()).resolves.toBe(0);
    await expectAccessible(page, 'log from article, richer suggestions');
    await cards.first().focus();
    await page.keyboard.press('a');
    await page.locator('li.card[data-state="accepted"]').first().waitFor();
    const strikes = await gql(suite.desk, 'EDITOR', `{ claims(filter: { search: "town of Idlib" }) { nodes { eventTime { start } place { name country latitude } quantities { lower upper } attributions { saidAt } } } }`);
    expect(strikes.claims.nodes).toHaveLength(1);
    expect(strikes.claims.nodes[0].eventTime.start).toMatch(/^2026-03-03T00:00:00/);
    expect(strikes.claims.nodes[0].attributions[0].saidAt).toMatch(/^2026-03-04T00:00:00/);
    expect(strikes.claims.nodes[0].place).toMatchObject({ name: 'Idlib', country: 'SY' });
    expect(strikes.claims.nodes[0].place.latitude).toBeCloseTo(35.93, 1);
    expect(strikes.claims.nodes[0].quantities).toEqual([{ lower: 24, upper: 99 }]);
    await page.close();
  });

  it('saves a grant of anonymity without a reason and a vague figure, and keeps the focus on the last card once it is done', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    await page.getByLabel('URL').fill('https://wire.example.org/2026/03/05/harbour-shelling');
    await page.getByLabel('Published at').fill('2026-03-05T12:00:00Z');
    await page.getByLabel('Article text').fill(
      'Shelling set dozens of fishing boats on fire in the harbour of Port Qadim, a port official said on condition of anonymity. The coastguard said two sailors were missing near Port Qadim.',
    );
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    await page.locator('li.card').nth(1).waitFor();
    const cards = page.locator('li.card');
    await expect(cards.nth(0).getByTestId('anonymity').textContent()).resolves.toBe(' · anonymity granted');
    await cards.first().focus();
    await page.keyboard.press('a');
    await page.locator('li.card[data-state="accepted"]').first().waitFor();
    // The last card: once it is rejected its buttons go, and the focus stays on the card, not the page body.
    await page.keyboard.press('x');
    await page.locator('li.card[data-state="rejected"]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-card'))).resolves.toBe('1');
    // Keys still work from there: k goes back to the first card.
    await page.keyboard.press('k');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-card'))).resolves.toBe('0');
    const saved = await gql(suite.desk, 'EDITOR', `{ claims(filter: { search: "Port Qadim" }) { nodes { quantities { lower upper vague } attributions { anonymityGranted anonymityReason } } } }`);
    expect(saved.claims.nodes).toHaveLength(1);
    expect(saved.claims.nodes[0].quantities).toEqual([{ lower: 24, upper: 99, vague: true }]);
    expect(saved.claims.nodes[0].attributions).toEqual([{ anonymityGranted: true, anonymityReason: null }]);
    await page.close();
  });

  it('is shown claims that may already be recorded, and adds the attribution to one of them instead', async () => {
    // The demo claim is another user's, and the edit policy lets reporters add only to their own unverified claims.
    const page = await newPage('EDITOR');
    await suggestFromDemoArticle(page);
    const card = page.locator('li.card', { hasText: 'had been extended by five days' });
    await card.getByRole('button', { name: /Accept/ }).click();
    const similar = card.getByRole('region', { name: 'Claims that may already be recorded' });
    const existing = similar.locator('li', { hasText: 'The truce between the militants and the alliance was extended by five days.' });
    // Ranked by similarClaims, with its tier; the reasons are on hover.
    await expect(existing.locator('.tier').textContent()).resolves.toMatch(/^(likely|possibly) the same \(\d+%\)$/);
    const writes: string[] = [];
    page.on('request', (r) => {
      const body = r.postData() ?? '';
      if (r.url().endsWith('/graphql') && body.includes('mutation')) writes.push(body);
    });
    await existing.getByRole('button', { name: 'Add to this claim' }).click();
    await page.locator('li.card[data-state="accepted"]', { hasText: 'had been extended by five days' }).waitFor();
    // One atomic request (logClaim with attachTo), no longer an article, sources, attributions and citations one by one.
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]).variables.input.attachTo).toEqual(expect.any(String));
    const { claims } = await gql(suite.desk, 'EDITOR', '{ claims(filter: { search: "truce extended" }) { totalCount nodes { attributions { cue source { name } citations { quote } } } } }');
    expect(claims.totalCount).toBe(1);
    expect(claims.nodes[0].attributions).toHaveLength(3);
    expect(claims.nodes[0].attributions[2]).toEqual({ cue: 'said', source: { name: 'Valley 24' }, citations: [{ quote: expect.stringContaining('a truce between the two sides had been extended by five days') }] });
    await page.close();
  });

  it('edits the statement of a claim it logged', async () => {
    const { claims } = await gql(suite.desk, 'REPORTER', '{ claims(filter: { search: "Qasr Tamir" }) { nodes { id } } }');
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims/${claims.nodes[0].id}`);
    await page.getByRole('button', { name: 'Edit the claim' }).click();
    await page.getByLabel('Statement').fill('At least 2,000 fighters crossed the river near Qasr Tamir.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'At least 2,000 fighters crossed the river near Qasr Tamir.' }).waitFor();
    await expectAccessible(page, 'claim page as reporter');
    await page.close();
  });

  it('shows BAD_USER_INPUT errors next to their fields in the manual form', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    await page.getByLabel('URL').fill('https://wire.example.org/manual');
    await page.getByRole('button', { name: 'Manual entry' }).click();
    const card = page.locator('li.card').first();
    await card.getByLabel('Statement').fill('Nobody said anything.');
    await card.getByRole('button', { name: 'Add figure' }).click();
    await card.getByLabel('Variable').fill('Not A Key!');
    await card.getByLabel('Speaker').fill('Someone');
    await card.getByRole('button', { name: /Accept/ }).click();
    const field = card.locator('label.field.invalid', { hasText: 'Variable' });
    await field.waitFor();
    await expect(field.locator('.field-error').textContent()).resolves.toMatch(/snake_case/);
    await expectAccessible(page, 'manual form with errors');
    await page.close();
  });

  it('acts on the card the keys moved to, however fast they are typed', async () => {
    const page = await newPage('REPORTER');
    await suggestFromDemoArticle(page);
    await page.locator('li.card').nth(3).waitFor();
    await page.locator('li.card').first().focus();
    // No pause between the keys: each must see the card the one before it moved to.
    for (const key of ['j', 'j', 'x', 'j', 'k', 'k', 'x']) await page.keyboard.press(key);
    await page.locator('li.card[data-state="rejected"]').nth(1).waitFor();
    const states = await page.locator('li.card').evaluateAll((cards) => cards.slice(0, 4).map((c) => c.getAttribute('data-state')));
    expect(states).toEqual(['pending', 'rejected', 'rejected', 'pending']);
    await expect(page.locator('li.card[aria-current="true"]').getAttribute('data-card')).resolves.toBe('1');
    await page.close();
  });

  it("shows a suggestion request's field errors next to the article's fields", async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    await page.getByLabel('URL').fill('https://wire.example.org/thirtieth');
    await page.getByLabel('Published at').fill('2019-02-30');
    await page.getByLabel('Article text').fill('The ministry said five people were killed on Monday.');
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    const field = page.locator('label.field.invalid', { hasText: 'Published at' });
    await field.waitFor();
    await expect(field.locator('.field-error').textContent()).resolves.toBe('is not a real date: 2019-02 has 28 days');
    await page.getByLabel('Published at').fill('2019-02-28');
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    await page.locator('li.card').first().waitFor();
    await expect(page.locator('label.field.invalid').count()).resolves.toBe(0);
    await page.close();
  });

  it('says it is reading the article while suggestions are on their way, and takes no second press meanwhile', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    let suggestions = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (!/suggestAttributions/.test(route.request().postData() ?? '')) return route.continue();
      suggestions += 1;
      await held;
      await route.continue();
    });
    await page.getByLabel('URL').fill(ARTICLE.url);
    await page.getByLabel('Published at').fill(ARTICLE.publishedAt);
    await page.getByLabel('Article text').fill(ARTICLE.text);
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    const reading = page.getByRole('button', { name: 'Reading the article…' });
    await reading.waitFor();
    await expect(reading.isDisabled()).resolves.toBe(true);
    await page.locator('form[aria-label="Article"]').evaluate((f: HTMLFormElement) => f.requestSubmit());
    release();
    await page.locator('li.card').first().waitFor();
    await expect(page.getByRole('button', { name: 'Suggest attributions' }).isEnabled()).resolves.toBe(true);
    expect(suggestions).toBe(1);
    await page.close();
  });

  it('shows a whole date-time in the Published at field, as the API gives it and with an offset', async () => {
    const page = await newPage('REPORTER');
    await pickDemoArticle(page);
    const input = page.getByLabel('Published at');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="publishedAt"]')!.value !== '');
    // An input scrolls its text when the text is wider than the box: nothing of the value may be out of sight.
    const shown = () => input.evaluate((el: HTMLInputElement) => ({ value: el.value, hidden: el.scrollWidth - el.clientWidth }));
    await expect(shown()).resolves.toEqual({ value: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), hidden: 0 });
    await input.fill('2019-02-18T14:30:00.000+02:00');
    await expect(shown()).resolves.toEqual({ value: '2019-02-18T14:30:00.000+02:00', hidden: 0 });
    await page.locator('form[aria-label="Article"]').screenshot({ path: join(tmpdir(), 'claimdesk-log-article-form.png') });
    await page.close();
  });

  it('shows the seconds a slow suggestion or similar-claims request has taken, and Cancel aborts the request', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/log`);
    // The server is made slow where it matters: the held requests are never answered.
    let hold = /suggestAttributions|similarClaims/;
    await page.route('**/graphql', async (route) => {
      if (hold.test(route.request().postData() ?? '')) return;
      await route.continue();
    });
    const aborted: string[] = [];
    const writes: string[] = [];
    page.on('requestfailed', (r) => aborted.push(`${/similarClaims/.test(r.postData() ?? '') ? 'similarClaims' : /suggestAttributions/.test(r.postData() ?? '') ? 'suggestAttributions' : r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => /mutation/.test(r.postData() ?? '') && writes.push(r.postData()!));
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i += 1) await page.waitForTimeout(50);
    };
    const elapsedAtLeast = (scope: string, seconds: number) =>
      page.waitForFunction(([s, n]) => Number(/^(\d+) s$/.exec(document.querySelector(`${s} [data-testid="elapsed"]`)?.textContent ?? '')?.[1] ?? -1) >= n, [scope, seconds] as const);

    await page.getByLabel('URL').fill(ARTICLE.url);
    await page.getByLabel('Published at').fill(ARTICLE.publishedAt);
    await page.getByLabel('Article text').fill(ARTICLE.text);
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    const form = page.locator('form[aria-label="Article"]');
    await expect(form.getByTestId('elapsed').textContent()).resolves.toMatch(/^[01] s$/);
    await elapsedAtLeast('form[aria-label="Article"]', 2);
    await expectAccessible(page, 'log screen waiting for suggestions');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Suggest attributions' }).waitFor();
    await until(() => aborted.length > 0);
    expect(aborted).toEqual(['suggestAttributions net::ERR_ABORTED']);
    await expect(form.getByTestId('elapsed').count()).resolves.toBe(0);
    await expect(page.locator('li.card').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Suggest attributions' }).isEnabled()).resolves.toBe(true);

    // Suggestions answered at once now; the similar-claims check before a card is created is still held.
    hold = /similarClaims/;
    await page.getByRole('button', { name: 'Suggest attributions' }).click();
    const card = page.locator('li.card').first();
    await card.waitFor();
    await card.getByRole('button', { name: /Accept/ }).click();
    await card.getByText('Looking for claims that may already be recorded…').waitFor();
    await expect(card.getByRole('button', { name: /Accept/ }).isDisabled()).resolves.toBe(true);
    await elapsedAtLeast('li.card', 1);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByText('Looking for claims that may already be recorded…').waitFor({ state: 'detached' });
    await until(() => aborted.length > 1);
    expect(aborted).toEqual(['suggestAttributions net::ERR_ABORTED', 'similarClaims net::ERR_ABORTED']);
    // Nothing was written, the card is still to be decided, and the focus is back on it.
    expect(writes).toEqual([]);
    await expect(card.getAttribute('data-state')).resolves.toBe('pending');
    await expect(card.getByRole('button', { name: /Accept/ }).isEnabled()).resolves.toBe(true);
    await expect(card.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.close();
  });

  it('is refused an editor action', async () => {
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/audit`);
    await expect(page.locator('[data-code="FORBIDDEN"]').textContent()).resolves.toMatch(/Refused/);
    const { claims } = await gql(suite.desk, 'REPORTER', '{ claims(first: 1) { nodes { id } } }');
    await page.goto(`${suite.desk.base}/claims/${claims.nodes[0].id}`);
    await page.getByRole('heading', { name: 'Status' }).waitFor();
    await expect(page.getByRole('button', { name: 'Set status' }).count()).resolves.toBe(0);
    // A claim someone else logged: no Edit or Delete offered, where the API would refuse them with FORBIDDEN.
    const listed = await gql(suite.desk, 'REPORTER', '{ claims(first: 100) { nodes { id viewerCanEdit } } }');
    const others = (listed.claims.nodes as Array<{ id: string; viewerCanEdit: boolean }>).find((c) => !c.viewerCanEdit);
    expect(others).toBeDefined();
    await page.goto(`${suite.desk.base}/claims/${others?.id}`);
    await page.getByRole('heading', { name: 'Status' }).waitFor();
    for (const name of ['Edit the claim', 'Delete the claim', 'Edit this attribution', "Edit the article's details"]) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await page.close();
  });
});

describe('editor', () => {
  it('is warned, and asked, before merging a possible duplicate whose figures contradict the claim', async () => {
    const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
    const claim = (url: string, monitor: string, statement: string, value: number) => ({
      statement,
      place: { name: 'Kafr Sabil' },
      eventTime: { start: '2019-03-04T00:00:00Z', precision: 'DAY' },
      quantities: [{ variable: 'deaths_civilians', value }],
      article: { url },
      attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' } }],
    });
    const one = (await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://clash.example.org/a', 'Clash Monitor A', 'A shell hit the bakery queue in Kafr Sabil on Monday, killing 9 civilians.', 9) })).logClaim;
    const other = (await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://clash.example.org/b', 'Clash Monitor B', 'A shell hit the bakery queue in Kafr Sabil on Monday, killing 31 civilians.', 31) })).logClaim;
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${one.id}`);
    const item = page.getByRole('region', { name: 'Possible duplicates' }).locator('li', { hasText: 'killing 31 civilians' });
    await expect(item.locator('.contradicts').textContent()).resolves.toMatch(/contradict/);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await item.getByRole('button', { name: 'Merge into this claim' }).click();
    expect(asked).toEqual([expect.stringMatching(/hides the discrepancy/)]);
    const still = await gql(suite.desk, 'EDITOR', `query($id: ID!) { claim(id: $id) { id hasDiscrepancy } }`, { id: other.id });
    expect(still.claim).toEqual({ id: other.id, hasDiscrepancy: true });
    await page.close();
  });

  it('sees a claim\'s possible duplicates and merges one into it', async () => {
    const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
    const claim = (url: string, monitor: string, statement: string) => ({
      statement,
      place: { name: 'Kafr Sabil' },
      eventTime: { start: '2019-02-11T00:00:00Z', precision: 'DAY' },
      quantities: [{ variable: 'deaths_civilians', value: 12 }],
      article: { url },
      attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' } }],
    });
    const survivor = (await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://dup.example.org/a', 'Dup Monitor A', 'An air strike on a market in Kafr Sabil killed 12 civilians on Monday.') })).logClaim;
    const duplicate = (await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://dup.example.org/b', 'Dup Monitor B', '12 civilians were killed in an air strike on a market in Kafr Sabil on Monday.') })).logClaim;
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${survivor.id}`);
    const section = page.getByRole('region', { name: 'Possible duplicates' });
    const item = section.locator('li', { hasText: '12 civilians were killed in an air strike' });
    await expect(item.locator('.tier').textContent()).resolves.toMatch(/^likely the same/);
    await expectAccessible(page, 'claim page with possible duplicates');
    await item.getByRole('button', { name: 'Merge into this claim' }).click();
    await page.locator('.attributions, ol').filter({ hasText: 'Dup Monitor B' }).first().waitFor();
    const after = await gql(suite.desk, 'EDITOR', `query($id: ID!) { claim(id: $id) { independentSourceCount } }`, { id: survivor.id });
    expect(after.claim.independentSourceCount).toBe(2);
    const gone = await gql(suite.desk, 'EDITOR', `{ claims(filter: { deleted: ONLY }) { nodes { id mergedInto } } }`);
    expect(gone.claims.nodes).toContainEqual({ id: duplicate.id, mergedInto: survivor.id });
    await page.close();
  });

  it('links two of a claim\'s articles as one wire story, and the reported-by counts follow', async () => {
    const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
    const claim = (url: string, publisher: string, extra: Record<string, unknown> = {}) => ({
      statement: 'Shelling of the old quarter of Tal Harun killed 9 people overnight.',
      article: { url, publisher, headline: `${publisher} on Tal Harun` },
      attributions: [{ source: { name: 'a senior military official', kind: 'ANONYMOUS' } }],
      ...extra,
    });
    const first = (await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://wire-a.example.org/harun', 'North Post') })).logClaim;
    await gql(suite.desk, 'EDITOR', LOG, { input: claim('https://wire-b.example.org/harun', 'South Herald', { attachTo: first.id }) });
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${first.id}`);
    const section = page.getByRole('region', { name: 'Reported by' });
    await section.getByText('Reported by 2 outlets, 2 distinct reports.').waitFor();
    await expectAccessible(page, 'claim page with the wire copies control');
    await section.getByLabel('and article').selectOption({ label: 'South Herald: South Herald on Tal Harun' });
    await section.getByRole('button', { name: 'Same wire story' }).click();
    await section.getByText('Reported by 2 outlets, 1 distinct report.').waitFor();
    const after = await gql(suite.desk, 'EDITOR', `query($id: ID!) { claim(id: $id) { independentSourceCount } }`, { id: first.id });
    expect(after.claim.independentSourceCount).toBe(1);
    await section.getByRole('button', { name: 'Not copies' }).click();
    await section.getByText('Reported by 2 outlets, 2 distinct reports.').waitFor();
    await page.close();
  });

  it('filters to anonymous-only claims (kept in the URL) and sets a status with a reason', async () => {
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims`);
    await expectAccessible(page, 'claims list');
    await page.getByLabel('Anonymity').selectOption('ANONYMOUS_ONLY');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/anonymity=ANONYMOUS_ONLY/);
    const expected = await gql(suite.desk, 'EDITOR', '{ claims(filter: { anonymity: ANONYMOUS_ONLY }) { totalCount nodes { statement } } }');
    expect(expected.claims.totalCount).toBeGreaterThan(0);
    await page.getByTestId('claims-count').filter({ hasText: `${expected.claims.totalCount} claim` }).waitFor();
    const rows = page.getByTestId('claims-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(expected.claims.totalCount);

    // The URL is the saved filter: opening it afresh shows the same list.
    const shared = await newPage('EDITOR');
    await shared.goto(page.url());
    await shared.getByTestId('claims-count').filter({ hasText: `${expected.claims.totalCount} claim` }).waitFor();
    await shared.close();

    // Open a claim cited in a dated article (a claim logged earlier in this suite from a pasted, undated article shows "—").
    const listed = await gql(suite.desk, 'EDITOR', '{ claims(filter: { anonymity: ANONYMOUS_ONLY }) { nodes { id attributions { citations { article { publishedAt } } } } } }');
    const dated = (listed.claims.nodes as Array<{ id: string; attributions: Array<{ citations: Array<{ article: { publishedAt: string | null } }> }> }>).find((c) =>
      c.attributions.some((a) => a.citations.some((ci) => ci.article.publishedAt)),
    );
    expect(dated).toBeDefined();
    await rows.locator(`a[href$="/claims/${dated?.id}"]`).first().click();
    await page.getByRole('button', { name: 'Set status' }).waitFor();
    await expectAccessible(page, 'claim page');
    // Dates are in the reader's locale (en-GB here: day first), with the UTC value on hover.
    const logged = page.locator('.citation time').first();
    await expect(logged.getAttribute('title')).resolves.toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(UTC\)$/);
    await expect(logged.textContent()).resolves.toMatch(/^\d\d\/\d\d\/\d{4}/);
    await page.getByLabel('New status').selectOption('CONTESTED');
    await page.getByLabel('Reason').fill('The alliance denies it');
    await page.getByRole('button', { name: 'Set status' }).click();
    await page.locator('.status-history li', { hasText: 'The alliance denies it' }).waitFor();
    await expect(page.locator('.badges').textContent()).resolves.toContain('status: contested');
    await page.close();
  });

  it('pages the claims list forwards and back again, with the cursor in the URL', async () => {
    const page = await newPage('EDITOR');
    const all = await gql(suite.desk, 'EDITOR', '{ claims(first: 4) { nodes { statement } } }');
    const statements = (all.claims.nodes as Array<{ statement: string }>).map((c) => c.statement);
    expect(statements.length).toBe(4);
    const rows = page.getByTestId('claims-table').locator('tbody tr td:first-child');
    await page.goto(`${suite.desk.base}/claims?first=2`);
    await rows.first().filter({ hasText: statements[0] }).waitFor();
    await expect(page.getByRole('button', { name: 'Previous page' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await rows.first().filter({ hasText: statements[2] }).waitFor();
    await expect(rows.allTextContents()).resolves.toEqual(statements.slice(2, 4));
    // Back through the API's last/before, not the browser's history: a shared link to page 2 can go back too.
    const shared = await newPage('EDITOR');
    await shared.goto(page.url());
    await shared.getByRole('button', { name: 'Previous page' }).click();
    await shared.waitForURL(/before=/);
    await shared.getByTestId('claims-table').locator('tbody tr td:first-child').first().filter({ hasText: statements[0] }).waitFor();
    await expect(shared.getByTestId('claims-table').locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(statements.slice(0, 2));
    await expect(shared.getByRole('button', { name: 'Previous page' }).count()).resolves.toBe(0);
    await shared.close();
    await page.close();
  });

  it('is told who changed a claim since it was opened, and can reload', async () => {
    const { claims } = await gql(suite.desk, 'EDITOR', '{ claims(first: 1, filter: { status: UNVERIFIED }) { nodes { id version } } }');
    const claim = claims.nodes[0];
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await page.getByRole('button', { name: 'Set status' }).waitFor();
    await gql(suite.desk, 'ADMIN', 'mutation($id: ID!) { setClaimStatus(input: { id: $id, status: CORROBORATED, reason: "two origins" }) { id } }', { id: claim.id });
    await page.getByLabel('New status').selectOption('FALSE');
    await page.getByLabel('Reason').fill('Debunked');
    await page.getByRole('button', { name: 'Set status' }).click();
    const conflict = page.getByTestId('conflict');
    await expect(conflict.textContent()).resolves.toContain('Demo admin');
    await conflict.getByRole('button', { name: 'Reload the claim' }).click();
    await page.getByTestId('claim-version').filter({ hasText: String(claim.version + 1) }).waitFor();
    await expect(page.locator('.badges').textContent()).resolves.toContain('status: corroborated');
    await page.close();
  });

  it('passes the accessibility check on sources, discrepancies and the audit log', async () => {
    const page = await newPage('EDITOR');
    for (const path of ['/sources', '/discrepancies?variable=militants_remaining', '/audit']) {
      await page.goto(`${suite.desk.base}${path}`);
      await page.locator('main h1').waitFor();
      await page.locator('main table, main ol').first().waitFor();
      await expectAccessible(page, path);
    }
    // Discrepancies by variable: the variables that have them are offered as links.
    await page.goto(`${suite.desk.base}/discrepancies`);
    await page.getByRole('link', { name: 'militants_remaining' }).click();
    await page.locator('tbody tr', { hasText: 'About 400 militants remain' }).waitFor();
    await expect(page.locator('tbody tr').first().textContent()).resolves.toMatch(/at least 1,500|about 400/);

    await page.goto(`${suite.desk.base}/sources`);
    await page.getByRole('link', { name: 'Levant Monitor for Human Rights' }).click();
    await page.getByRole('button', { name: 'Set reliability' }).waitFor();
    await expectAccessible(page, 'source page');
    await page.close();
  });
});

describe('researcher', () => {
  it.each(['/log', '/import', '/audit', '/admin'])('is told at once that %s is not for the role, with no form to fill in first', async (path) => {
    const page = await newPage('RESEARCHER');
    await page.goto(`${suite.desk.base}${path}`);
    await expect(page.locator('[data-code="FORBIDDEN"]').textContent()).resolves.toMatch(/not for the RESEARCHER role/);
    await expect(page.locator('main form, main textarea, main input').count()).resolves.toBe(0);
    await page.close();
  });

  it('downloads the filtered export as CSV and JSONL, which parse to the counted rows', async () => {
    const page = await newPage('RESEARCHER');
    await page.goto(`${suite.desk.base}/export?source=Valley+24`);
    await expectAccessible(page, 'export');
    const expected = await gql(suite.desk, 'RESEARCHER', '{ claims(filter: { source: "Valley 24" }) { totalCount nodes { attributions { id } } } }');
    const rows = expected.claims.nodes.reduce((n: number, c: any) => n + c.attributions.length, 0);
    await page.getByTestId('export-count').filter({ hasText: `${expected.claims.totalCount} claims, ${rows} rows` }).waitFor();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/claim_id/);
    expect(lines).toHaveLength(rows + 1);

    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSONL' }).click()]);
    // The last line is the file's provenance summary, not a row.
    const records = readFileSync((await jsonl.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => !r._summary);
    expect(records).toHaveLength(rows);
    expect(new Set(records.map((r) => r.claim_id)).size).toBe(expected.claims.totalCount);
    await page.close();
  });
});

describe('import', () => {
  it('shows a dry run error on its line, then commits the corrected file', async () => {
    const exported = await fetch(`${suite.desk.base}/exports/claims.jsonl?source=Valley+24`, { headers: { authorization: `Bearer ${suite.desk.keys.EDITOR}` } });
    const first = JSON.parse((await exported.text()).split('\n')[0]);
    const fresh = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...first, claim_id: id, statement: `Imported claim ${id}`, ...extra });
    const good = [fresh('imp-1'), fresh('imp-2'), fresh('imp-3')];
    const bad = [good[0], good[1], fresh('imp-3', { stance: 'SHRUGS' })];

    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/import`);
    await expectAccessible(page, 'import');
    await page.getByLabel('Or paste the file').fill(bad.join('\n'));
    await page.getByRole('button', { name: 'Dry run' }).click();
    const line = page.getByTestId('import-errors').locator('li[data-line="3"]');
    await expect(line.textContent()).resolves.toMatch(/stance/);
    await expect(page.getByRole('button', { name: 'Commit import' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'import with errors');

    await page.getByLabel('Or paste the file').fill(good.join('\n'));
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('import-report').filter({ hasText: 'Dry run passed' }).waitFor();
    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByTestId('import-report').filter({ hasText: 'Imported' }).waitFor();
    const { claims } = await gql(suite.desk, 'EDITOR', '{ claims(filter: { search: "Imported claim" }) { totalCount } }');
    expect(claims.totalCount).toBe(3);
    await page.close();
  });

  it('lists the new claims that may already be recorded, with the claim each is like', async () => {
    const exported = await fetch(`${suite.desk.base}/exports/claims.jsonl?source=Valley+24`, { headers: { authorization: `Bearer ${suite.desk.keys.EDITOR}` } });
    const first = JSON.parse((await exported.text()).split('\n')[0]);
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/import`);
    // The same report under another claim_id: a second record of a claim already there.
    await page.getByLabel('Or paste the file').fill(JSON.stringify({ ...first, claim_id: 'dup-of-first' }));
    await page.getByRole('button', { name: 'Dry run' }).click();
    const duplicates = page.getByTestId('import-duplicates');
    await expect(duplicates.textContent()).resolves.toMatch(/One new claim may already be recorded \(nothing is written yet\)/);
    await expect(duplicates.locator('li').textContent()).resolves.toContain('Line 1 (dup-of-first)');
    await expect(duplicates.locator(`a[href="/claims/${first.claim_id}"]`).count()).resolves.toBe(1);
    await expectAccessible(page, 'import with possible duplicates');
    await page.close();
  });
});

describe('admin', () => {
  it('creates a user and a key shown once, which signs in, then revokes it', async () => {
    const page = await newPage('ADMIN');
    await page.goto(`${suite.desk.base}/admin`);
    await expectAccessible(page, 'users and keys');
    await page.getByLabel('Name').fill('نور الهدى');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator('tr', { hasText: 'نور الهدى' });
    await row.waitFor();
    // Right-to-left names take their own direction.
    await expect(row.locator('[dir="auto"]', { hasText: 'نور الهدى' }).count()).resolves.toBe(1);
    await row.getByRole('button', { name: 'New key' }).click();
    const key = (await page.getByTestId('new-key').textContent())!;
    expect(key).toMatch(/^cdk_/);
    const me = await fetch(`${suite.desk.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{"query":"{ me { name role } }"}' });
    expect((await me.json()).data.me).toEqual({ name: 'نور الهدى', role: 'REPORTER' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    await page.close();
  });
});

describe('offline', () => {
  it('makes no request outside its own server', () => {
    expect(suite.browser.requests.length).toBeGreaterThan(10);
    expect(suite.browser.requests.filter((u) => !u.startsWith(suite.desk.base) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('builds assets that reference no external URL', () => {
    // Namespace identifiers are compared, never fetched; the router's doc link is in an error message.
    const allowed = /^https?:\/\/(www\.w3\.org\/|github\.com\/preactjs\/)/;
    const dir = join(__dirname, '..', 'dist');
    const files = [join(dir, 'index.html'), ...readdirSync(join(dir, 'assets')).map((f) => join(dir, 'assets', f))];
    const external = files.flatMap((f) => (readFileSync(f, 'utf8').match(/https?:\/\/[^\s"'`)]+|(src|href)=["']?\/\/[^\s"'`>]+|url\(["']?\/\/[^)]+/gi) ?? []).filter((u) => !allowed.test(u)).map((u) => `${f}: ${u}`));
    expect(external).toEqual([]);
  });
});
