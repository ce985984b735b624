import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, expectData, startTestApp } from './support/app';
import { onPostgres } from './support/database';
import { baseUrl, postImport } from './support/http';

/**
 * Readers during an import (issue 13, item 13). Speed is measured by `npm run bench:import-reads`;
 * this checks what must hold whatever the speed: reads are answered while the import is still
 * running, and they see only committed data (a dry run's rows never).
 */
describe('reads during an import', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-reads-'));
    // A file, not :memory:, on SQLite: WAL and a second connection for readers need one.
    t = await startTestApp(onPostgres ? {} : { SQLITE_PATH: join(dir, 'desk.sqlite') });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are answered before a 1,000-row dry-run import finishes, and never see its rows', async () => {
    const file = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ claim_id: `dry-${i}`, statement: `Claim ${i} of a dry run`, source_name: `Monitor ${i % 20}`, article_url: `https://wire.example.org/dry/${i % 50}` }),
    ).join('\n');
    let importDone = false;
    const importing = postImport(baseUrl(t.url), file, 'application/x-ndjson', '?dryRun=true').finally(() => (importDone = true));
    const seen: number[] = [];
    let answeredDuring = 0;
    while (!importDone) {
      const { claims, sources } = expectData(await t.gql(`{ claims { totalCount } sources { totalCount } }`));
      seen.push(claims.totalCount, sources.totalCount);
      if (!importDone) answeredDuring++;
    }
    const imported = await importing;
    expect(imported).toMatchObject({ status: 200, body: { dryRun: true, claimsCreated: 1000 } });
    expect(answeredDuring).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set([0]));
  });
});
