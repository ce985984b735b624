import { DataSource } from 'typeorm';
import { ExportReader } from '../src/exports/export-reader';
import { AppLog } from '../src/observability/app-log';
import { claimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { loseDatabase } from './support/database-faults';
import { baseUrl } from './support/http';

describe('an export the database fails in the middle of', () => {
  let t: TestApp;
  let restore = () => undefined as void;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' });
    t.app.get(AppLog).writeTo({ write: (line: string) => lines.push(JSON.parse(line)) });
    for (let i = 0; i < 8; i++) {
      expectData(await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, { input: claimInput({ statement: `Claim ${i}` }) }));
    }
    // Batches of two claims, and the database lost for real once the first batch has been sent.
    const reader = t.app.get(ExportReader);
    const batches = reader.batches.bind(reader);
    jest.spyOn(reader, 'batches').mockImplementation(async function* (filter, actor) {
      let first = true;
      for await (const batch of batches(filter, actor, 2)) {
        yield batch;
        if (first) restore = await loseDatabase(t.app.get(DataSource));
        first = false;
      }
    });
  });
  afterAll(async () => {
    restore();
    await t.close().catch(() => undefined);
  });

  it('cuts the connection, so the client sees a failed transfer, and logs it with the request id', async () => {
    const res = await fetch(`${baseUrl(t.url)}/exports/claims.csv`, { headers: { authorization: `Bearer ${t.adminKey}`, 'x-request-id': 'cut-export-1' } });
    expect(res.status).toBe(200);
    // Not a clean end of a shorter file: reading the body fails.
    await expect(res.text()).rejects.toThrow();
    for (let i = 0; i < 50 && !lines.some((l) => l.reqId === 'cut-export-1' && l.msg === 'request'); i++) await new Promise((r) => setTimeout(r, 20));
    const aborted = lines.find((l) => l.reqId === 'cut-export-1' && l.level === 'error');
    expect(aborted).toMatchObject({ msg: 'export aborted after its first byte; connection cut' });
    // The first batch went out; the next one read ahead may have too, depending on timing; never all eight.
    expect(aborted?.rowsSent).toBeGreaterThanOrEqual(2);
    expect(aborted?.rowsSent).toBeLessThan(8);
    expect(lines.find((l) => l.reqId === 'cut-export-1' && l.msg === 'request')).toMatchObject({ outcome: 'EXPORT_ABORTED', status: 200 });
  });
});
