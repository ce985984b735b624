import type { Page } from 'playwright-core';
import { deskSuite, expectAccessible, gql, type Role } from './harness';

/**
 * Assignment on the desk: an editor gives a claim to a reporter to check (Claim.assignedTo) and takes it back,
 * the reporter finds it under "Assigned to me", and only editors and admins see the control.
 */
const suite = deskSuite();
const newPage = (role: Role): Promise<Page> => suite.newPage(role);

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id version } }`;
const ASSIGNED = `query($id: ID!) { claim(id: $id) { version assignedTo { id name } } }`;
const ASSIGN = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`;

async function reportersClaim(tag: string): Promise<{ id: string; version: number; statement: string }> {
  const statement = `Shelling cut the power line to Tell Hamra (${tag}).`;
  const input = {
    statement,
    article: { url: `https://wire.example.org/2026/05/03/tell-hamra-${tag}`, headline: 'Power line cut', publisher: 'Example Wire', publishedAt: '2026-05-03T09:00:00Z' },
    attributions: [{ source: { name: `Tell Hamra utility ${tag}`, kind: 'GOVERNMENT' }, cue: 'said' }],
  };
  return { ...(await gql(suite.desk, 'REPORTER', LOG, { input })).logClaim, statement };
}

async function person(name: string): Promise<{ id: string; name: string }> {
  const { people } = await gql(suite.desk, 'EDITOR', '{ people { id name } }');
  return people.find((p: { name: string }) => p.name === name);
}

/** Holds the page's GraphQL requests whose body matches until `release()`, counting them. */
async function hold(page: Page, match: RegExp) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const seen = { count: 0 };
  await page.route(
    (url) => url.pathname === '/graphql',
    async (route) => {
      if (!match.test(route.request().postData() ?? '')) return route.continue();
      seen.count += 1;
      await held;
      await route.continue();
    },
  );
  return { release, seen };
}

const assignForm = (page: Page) => page.locator('form[aria-label="Assign the claim"]');

describe('assigning a claim', () => {
  it('lets an editor assign a claim to the demo reporter by name with one press, find it by assignee, and clear it', async () => {
    const claim = await reportersClaim('assign');
    const reporter = await person('Demo reporter');
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    await expect(page.getByTestId('assigned-to').textContent()).resolves.toBe('nobody');
    const picker = assignForm(page).locator('select[name="assignedToId"]');
    await picker.locator('option', { hasText: 'Demo reporter' }).waitFor({ state: 'attached' });
    // Researchers cannot check claims: the picker never offers one.
    const offered = await picker.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['nobody', 'Demo reporter', 'Demo editor', 'Demo admin']));
    expect(offered).not.toContain('Demo researcher');

    const { release, seen } = await hold(page, /AssignClaim/);
    await picker.selectOption({ label: 'Demo reporter' });
    await assignForm(page).getByRole('button', { name: 'Assign', exact: true }).click();
    const assigning = page.getByRole('button', { name: 'Assigning…' });
    await assigning.waitFor();
    await expect(assigning.isDisabled()).resolves.toBe(true);
    await assignForm(page).evaluate((f: HTMLFormElement) => f.requestSubmit());
    release();
    await page.getByTestId('assigned-to').filter({ hasText: 'Demo reporter' }).waitFor();
    expect(seen.count).toBe(1);
    await expect(gql(suite.desk, 'EDITOR', ASSIGNED, { id: claim.id })).resolves.toMatchObject({ claim: { version: claim.version + 1, assignedTo: { id: reporter.id, name: 'Demo reporter' } } });
    // The history names the assignee rather than showing an id.
    const change = page.locator('.history table.diff tr', { has: page.locator('th', { hasText: /^assignedToId$/ }) }).first();
    await expect(change.locator('td.ins').textContent()).resolves.toBe('Demo reporter');
    await expectAccessible(page, 'claim page with its assignment');

    // The list: the editor picks the assignee by name, and the row says who has the claim.
    await page.goto(`${suite.desk.base}/claims`);
    await page.getByTestId('claims-count').waitFor();
    await page.locator('form[aria-label="Filters"] select[name="assignedToId"]').selectOption({ label: 'Demo reporter' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(new RegExp(`assignedToId=${reporter.id}`));
    const row = page.getByTestId('claims-table').locator('tbody tr', { hasText: claim.statement });
    await expect(row.getByTestId('assignee').textContent()).resolves.toContain('assigned to Demo reporter');
    const rows = page.getByTestId('claims-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(await rows.filter({ hasText: 'assigned to Demo reporter' }).count());
    await expect(page.locator('form[aria-label="Filters"] select[name="assignedToId"]').inputValue()).resolves.toBe(reporter.id);
    await expectAccessible(page, 'claims assigned to a person');

    await row.getByRole('link').click();
    await page.getByTestId('assigned-to').filter({ hasText: 'Demo reporter' }).waitFor();
    await assignForm(page).getByRole('button', { name: 'Clear the assignment' }).click();
    await page.getByTestId('assigned-to').filter({ hasText: 'nobody' }).waitFor();
    await expect(assignForm(page).getByRole('button', { name: 'Clear the assignment' }).count()).resolves.toBe(0);
    await expect(gql(suite.desk, 'EDITOR', ASSIGNED, { id: claim.id })).resolves.toMatchObject({ claim: { assignedTo: null } });
    await page.close();
  });

  it('shows a reporter the claims assigned to them under "Assigned to me", without an assign control', async () => {
    const claim = await reportersClaim('mine');
    const other = await reportersClaim('not-mine');
    const reporter = await person('Demo reporter');
    await gql(suite.desk, 'EDITOR', ASSIGN, { input: { id: claim.id, version: claim.version, assignedToId: reporter.id } });
    const page = await newPage('REPORTER');
    await page.goto(`${suite.desk.base}/claims`);
    await page.getByTestId('claims-count').waitFor();
    await page.getByRole('link', { name: 'Assigned to me' }).click();
    await page.waitForURL(new RegExp(`assignedToId=${reporter.id}`));
    const table = page.getByTestId('claims-table');
    await table.locator('tbody tr', { hasText: claim.statement }).waitFor();
    await expect(table.locator('tbody tr', { hasText: other.statement }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Assigned to me' }).getAttribute('aria-current')).resolves.toBe('true');
    // No picker for a reporter: the applied filter says whom it keeps, and applying another filter keeps it.
    await expect(page.locator('form[aria-label="Filters"] .field', { hasText: 'Assigned to' }).textContent()).resolves.toContain('me');
    await page.getByLabel('Text in statement').fill('Tell Hamra');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/search=Tell/);
    expect(page.url()).toContain(`assignedToId=${reporter.id}`);
    await table.locator('tbody tr', { hasText: claim.statement }).waitFor();
    await expectAccessible(page, 'claims assigned to me');

    await table.locator('tbody tr', { hasText: claim.statement }).getByRole('link').first().click();
    await page.getByTestId('assigned-to').filter({ hasText: 'Demo reporter' }).waitFor();
    await expect(assignForm(page).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Assign', exact: true }).count()).resolves.toBe(0);
    await page.close();

    // A researcher is told nothing about who checks what.
    const researcher = await newPage('RESEARCHER');
    await researcher.goto(`${suite.desk.base}/claims/${claim.id}`);
    await researcher.getByTestId('claim-version').waitFor();
    await expect(researcher.getByTestId('assigned-to').count()).resolves.toBe(0);
    await researcher.goto(`${suite.desk.base}/claims`);
    await researcher.getByTestId('claims-count').waitFor();
    await expect(researcher.getByRole('link', { name: 'Assigned to me' }).count()).resolves.toBe(0);
    await researcher.close();
  });

  it('shows a refused assignee beside the picker and a conflicting change above it', async () => {
    const claim = await reportersClaim('refused');
    const { createUser } = await gql(suite.desk, 'ADMIN', 'mutation { createUser(input: { name: "Leaving reporter", role: REPORTER }) { id } }');
    const page = await newPage('EDITOR');
    await page.goto(`${suite.desk.base}/claims/${claim.id}`);
    const picker = assignForm(page).locator('select[name="assignedToId"]');
    await picker.locator('option', { hasText: 'Leaving reporter' }).waitFor({ state: 'attached' });
    // Deleted after the page listed them: the API refuses them, and the desk says so beside the picker.
    await gql(suite.desk, 'ADMIN', 'mutation($id: ID!) { deleteRecord(input: { type: USER, id: $id }) { deletedAt } }', { id: createUser.id });
    await picker.selectOption({ label: 'Leaving reporter' });
    await assignForm(page).getByRole('button', { name: 'Assign', exact: true }).click();
    const invalid = assignForm(page).locator('label.field.invalid', { hasText: 'Assign to' });
    await expect(invalid.locator('.field-error').textContent()).resolves.toMatch(/this user is deleted/);
    await expectAccessible(page, 'claim page with a refused assignee');

    // Someone else changes the claim: the assignment is not saved, and the page says who changed it.
    await gql(suite.desk, 'ADMIN', 'mutation($id: ID!) { setClaimStatus(input: { id: $id, status: CORROBORATED, reason: "two origins" }) { id } }', { id: claim.id });
    await picker.selectOption({ label: 'Demo reporter' });
    await assignForm(page).getByRole('button', { name: 'Assign', exact: true }).click();
    const conflict = assignForm(page).getByTestId('conflict');
    await expect(conflict.textContent()).resolves.toContain('Demo admin');
    await expect(gql(suite.desk, 'EDITOR', ASSIGNED, { id: claim.id })).resolves.toMatchObject({ claim: { assignedTo: null } });
    await conflict.getByRole('button', { name: 'Reload the claim' }).click();
    await page.getByTestId('claim-version').filter({ hasText: String(claim.version + 1) }).waitFor();
    await assignForm(page).locator('select[name="assignedToId"]').selectOption({ label: 'Demo reporter' });
    await assignForm(page).getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByTestId('assigned-to').filter({ hasText: 'Demo reporter' }).waitFor();
    await page.close();
  });
});
