import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logClaimInput } from './factories';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, csvRecords, getText } from './support/http';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Issue 17 item 1: the bundle holds the data, the codebook, the data package and a manifest that shows whether it is whole. */
describe('export bundle', () => {
  let t: TestApp;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-bundle-test-'));
    for (const tags of [['siege'], ['siege'], ['other']]) expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: logClaimInput({ tags }) }));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const unzip = async (query: string, headers?: Record<string, string>) => {
    const res = await fetch(`${base}/exports/bundle.zip${query}`, { headers: headers ?? { authorization: `Bearer ${t.adminKey}` } });
    const out = join(dir, `b${Date.now()}`);
    if (res.status !== 200) return { res, out, files: [] as string[] };
    const file = `${out}.zip`;
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    // Python's standard zipfile, as a second, independent reader of the archive.
    execFileSync('python3', ['-m', 'zipfile', '-e', file, out]);
    return { res, out, files: readdirSync(out).sort() };
  };

  it('holds data, codebook, data package and a manifest with row counts, SHA-256, filter, time and version', async () => {
    const { res, out, files } = await unzip('?tag=siege');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="claimdesk-bundle-[\dTZ-]+\.zip"$/);
    expect(files).toEqual(['claims.csv', 'codebook.md', 'datapackage.json', 'manifest.json', 'quantities.csv']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const claims = csvRecords(readFileSync(join(out, 'claims.csv'), 'utf8'));
    expect(manifest).toMatchObject({
      software: { name: 'claimdesk', version: pkg.version },
      generated_at: res.headers.get('x-claimdesk-generated-at'),
      profile: 'full',
      filter: { tag: 'siege' },
      claims: 2,
      rows: claims.length,
      complete: true,
    });
    expect(new Date(manifest.high_water_mark).getTime()).toBeLessThan(new Date(manifest.generated_at).getTime());
    for (const entry of manifest.files) {
      const data = readFileSync(join(out, entry.path));
      expect({ path: entry.path, sha256: sha256(data), bytes: data.length }).toEqual({ path: entry.path, sha256: entry.sha256, bytes: entry.bytes });
    }
    expect(manifest.files.find((f: { path: string }) => f.path === 'quantities.csv').rows).toBe(2);
    // The same rows as the plain export with the same filter, and the same descriptor and codebook as served.
    expect(claims).toEqual(csvRecords((await getText(`${base}/exports/claims.csv?tag=siege`)).text));
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toBe((await getText(`${base}/exports/datapackage.json`, {})).text);
    expect(readFileSync(join(out, 'codebook.md'), 'utf8')).toBe((await getText(`${base}/exports/codebook`, {})).text);
  });

  it('describes the UCDP profile when asked, and refuses what the plain export refuses', async () => {
    const { out } = await unzip('?profile=ucdp');
    expect(readFileSync(join(out, 'claims.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,claim_id,primary_row,year,statement,/);
    expect(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).name).toBe('claimdesk-claims-ucdp');
    const researcher = await t.userWithRole('RESEARCHER');
    expect((await unzip('?deleted=ONLY', researcher.as)).res.status).toBe(403);
    expect((await unzip('?minIndependentSources=many')).res.status).toBe(400);
  });
});
