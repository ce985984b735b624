/**
 * Desk speed (`npm run bench:web`): first load, gzipped JavaScript on first load, and the time a
 * 50-claim list takes to render after its data arrives, in Debian's Chromium against a built server on
 * a fresh demo database with 50 extra claims. Prints the figures; BENCHMARKS.md records them.
 */
import { gzipSync } from 'node:zlib';
import { gql, runWithDesk } from '../e2e/harness';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

runWithDesk(async (desk, browser) => {
  for (let i = 0; i < 50; i++) {
    await gql(desk, 'REPORTER', `mutation($s: String!) { logClaim(input: { statement: $s, article: { url: "https://bench.example.org/${i}" },
      quantities: [{ variable: "fighters_killed", lower: ${i * 10}, qualifier: "at least" }],
      attributions: [{ source: { name: "Bench Monitor", kind: MONITORING_GROUP } }, { source: { name: "an official", kind: ANONYMOUS }, via: [{ source: { name: "Bench TV", kind: MEDIA_OUTLET } }] }] }) { id } }`, { s: `Bench claim ${i}: at least ${i * 10} fighters were killed near the river crossing.` });
  }
  const key = desk.keys.EDITOR;
  const loads: number[] = [];
  const renders: number[] = [];
  let jsGzip = 0;
  let jsRaw = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript((k: string) => {
      sessionStorage.setItem('claimdesk.key', k);
      // When the 50th row is in the DOM, note the time on the page's clock.
      const w = window as unknown as { rowsAt?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelectorAll('[data-testid="claims-table"] tbody tr').length >= 50) {
          w.rowsAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, key);
    const scripts: Promise<void>[] = [];
    let gz = 0;
    let raw = 0;
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => void ((gz += gzipSync(b).length), (raw += b.length))));
    });
    const started = Date.now();
    await page.goto(`${desk.base}/claims?first=50`);
    await page.waitForFunction(() => (window as unknown as { rowsAt?: number }).rowsAt !== undefined);
    loads.push(Date.now() - started);
    await Promise.all(scripts);
    [jsGzip, jsRaw] = [gz, raw];
    // The list's data arrived when the last GraphQL response ended; the render is what follows until the rows exist.
    renders.push(
      await page.evaluate(() => {
        const rowsAt = (window as unknown as { rowsAt: number }).rowsAt;
        const responses = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')) as PerformanceResourceTiming[];
        const dataAt = Math.max(...responses.map((e) => e.responseEnd).filter((t) => t <= rowsAt));
        return rowsAt - dataAt;
      }),
    );
    await page.close();
  }
  const figures = {
    'first load to a rendered 50-claim list (ms, median of 7, cache off)': median(loads),
    'JavaScript on first load, gzipped (KB)': +(jsGzip / 1024).toFixed(1),
    'JavaScript on first load, raw (KB)': +(jsRaw / 1024).toFixed(1),
    '50-claim list render after its data arrives (ms, median of 7)': +median(renders).toFixed(1),
  };
  console.table(figures);
  console.log(JSON.stringify({ loads, renders: renders.map((r) => +r.toFixed(1)) }));
});
