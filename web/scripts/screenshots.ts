/**
 * Screenshots of each desk screen on the demo story (`npm run screenshots`), written to docs/screenshots/.
 * The README shows the main ones.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gql, runWithDesk, signIn, type Role } from '../e2e/harness';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

runWithDesk(async (desk, browser) => {
  mkdirSync(OUT, { recursive: true });
  const pages: Partial<Record<Role, Page>> = {};
  const as = async (role: Role) => {
    if (!pages[role]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1200, height: 820 });
      await signIn(page, desk, role);
      pages[role] = page;
    }
    return pages[role]!;
  };
  const shot = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };
  const signInPage = await browser.context.newPage();
  await signInPage.setViewportSize({ width: 1200, height: 820 });
  await signInPage.goto(desk.base);
  await shot(signInPage, 'sign-in');

  const reporter = await as('REPORTER');
  await reporter.goto(`${desk.base}/log`);
  const { articles } = await gql(desk, 'REPORTER', '{ articles(first: 1) { nodes { id } } }');
  await reporter.getByLabel('Pick a recorded article').selectOption(articles.nodes[0].id);
  await reporter.getByLabel('Article text').inputValue().then((v) => v || reporter.waitForTimeout(500));
  await reporter.getByRole('button', { name: 'Suggest attributions' }).click();
  await reporter.locator('li.card').first().waitFor();
  await reporter.getByTestId('marked-text').scrollIntoViewIfNeeded();
  await shot(reporter, 'log-suggestions');
  await reporter.locator('li.card').first().focus();
  await reporter.keyboard.press('e');
  await reporter.locator('.card-editor').scrollIntoViewIfNeeded();
  await shot(reporter, 'log-card-editor');

  const editor = await as('EDITOR');
  await editor.goto(`${desk.base}/claims`);
  await editor.getByTestId('claims-table').waitFor();
  await editor.getByTestId('claims-count').scrollIntoViewIfNeeded();
  await shot(editor, 'claims');
  const { claims } = await gql(desk, 'EDITOR', '{ claims(filter: { hasDiscrepancy: true }, first: 1) { nodes { id } } }');
  await editor.goto(`${desk.base}/claims/${claims.nodes[0].id}`);
  await editor.getByRole('heading', { name: 'Attributions' }).waitFor();
  await shot(editor, 'claim');
  await editor.goto(`${desk.base}/sources`);
  await shot(editor, 'sources');
  await editor.goto(`${desk.base}/discrepancies?variable=militants_remaining`);
  await shot(editor, 'discrepancies');
  await editor.goto(`${desk.base}/audit`);
  await shot(editor, 'audit');

  const researcher = await as('RESEARCHER');
  await researcher.goto(`${desk.base}/export?anonymity=ANONYMOUS_ONLY`);
  await researcher.getByTestId('export-count').waitFor();
  await shot(researcher, 'export');
  const importer = await as('REPORTER');
  await importer.goto(`${desk.base}/import`);
  await importer.getByLabel('Or paste the file').fill('{"claim_id":"x1","statement":"A claim","source_name":"Valley 24","source_kind":"ACTIVIST_COLLECTIVE"}\n{"claim_id":"x2","statement":"Another","stance":"SHRUGS"}');
  await importer.getByRole('button', { name: 'Dry run' }).click();
  await importer.getByRole('alert').first().waitFor();
  await shot(importer, 'import');

  const admin = await as('ADMIN');
  await admin.goto(`${desk.base}/admin`);
  await admin.locator('tbody tr').first().waitFor();
  await shot(admin, 'admin');
});
