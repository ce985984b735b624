import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { IMPORT_MAX_BYTES } from '../src/imports/request-body';
import { TestApp, expectData, startTestApp } from './support/app';
import { baseUrl, postImport } from './support/http';

/** POST /imports reads a body sent with Content-Encoding gzip, deflate or br, and refuses any other coding. */
describe('compressed import bodies', () => {
  let t: TestApp;
  let base: string;
  const CSV = 'text/csv';
  const file = [
    'claim_id,statement,source_name',
    'z-1,Compressed files are read as their text,Zip Monitor',
    'z-2,"A second claim, with a comma",Zip Monitor',
  ].join('\r\n');
  const claims = async () => expectData(await t.gql(`{ claims { totalCount } }`)).claims.totalCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    base = baseUrl(t.url);
  });
  afterAll(() => t.close());

  it('reads a gzip, x-gzip, deflate or br body as the file it holds, as if it were sent plain', async () => {
    const plain = await postImport(base, file, CSV, '?dryRun=true');
    expect(plain).toMatchObject({ status: 200, body: { dryRun: true, rows: 2, claims: 2, claimsCreated: 2 } });
    const bodies: Array<[string, Buffer]> = [
      ['gzip', gzipSync(file)],
      ['x-gzip', gzipSync(file)],
      ['GZIP', gzipSync(file)],
      ['deflate', deflateSync(file)],
      ['br', brotliCompressSync(file)],
    ];
    for (const [coding, body] of bodies) {
      const res = await postImport(base, body, CSV, '?dryRun=true', { ...authOf(t), 'content-encoding': coding });
      expect({ coding, ...res }).toEqual({ coding, ...plain });
    }
    const written = await postImport(base, gzipSync(file), CSV, '', { ...authOf(t), 'content-encoding': 'gzip' });
    expect(written).toMatchObject({ status: 200, body: { dryRun: false, claimsCreated: 2 } });
    expect(await claims()).toBe(2);
  });

  it('refuses another coding, or several, with 415 and UNSUPPORTED_MEDIA_TYPE naming content-encoding, and writes nothing', async () => {
    const before = await claims();
    for (const coding of ['compress', 'zstd', 'gzip, br', 'identity;q=1, gzip']) {
      const res = await postImport(base, gzipSync(file), CSV, '', { ...authOf(t), 'content-encoding': coding });
      expect({ coding, status: res.status, body: res.body }).toEqual({
        coding,
        status: 415,
        body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/^content-encoding: /), fields: [{ field: 'content-encoding', message: expect.stringContaining('gzip, deflate or br') }] },
      });
    }
    expect(await claims()).toBe(before);
  });

  it('refuses a file that is not UTF-8 (a spreadsheet\'s Latin-1), naming its first such line, plain or compressed, and writes nothing', async () => {
    const before = await claims();
    // "Alépo" in Latin-1: é is the single byte 0xE9, which no UTF-8 text has alone. Read as UTF-8 it became U+FFFD.
    const latin1 = Buffer.from('claim_id,statement,source_name\r\nl-1,Shelling reported,Monitor\r\nl-2,Shelling in Alépo,Monitor\r\n', 'latin1');
    const expected = {
      status: 400,
      body: expect.objectContaining({ code: 'BAD_USER_INPUT', errors: [{ line: 3, field: '', message: expect.stringContaining('is not UTF-8 text') }] }),
    };
    expect(await postImport(base, latin1, CSV, '')).toEqual(expected);
    expect(await postImport(base, gzipSync(latin1), CSV, '', { ...authOf(t), 'content-encoding': 'gzip' })).toEqual(expected);
    const jsonl = Buffer.concat([Buffer.from('{"claim_id":"l-3","statement":"Shelling in '), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    expect(await postImport(base, jsonl, 'application/x-ndjson', '?dryRun=true')).toEqual({ ...expected, body: expect.objectContaining({ errors: [expect.objectContaining({ line: 1 })] }) });
    expect(await claims()).toBe(before);
    // The same file saved as UTF-8 is read.
    const utf8 = await postImport(base, Buffer.from(latin1.toString('latin1'), 'utf8'), CSV, '?dryRun=true');
    expect(utf8).toMatchObject({ status: 200, body: { claimsCreated: 2 } });
  });

  it('refuses a body that does not decompress as its coding says, naming content-encoding', async () => {
    const zipped = gzipSync(file);
    const cases: Array<[string, Buffer]> = [
      ['gzip', zipped.subarray(0, zipped.length - 12)],
      ['gzip', Buffer.from(file)],
      ['deflate', zipped],
      ['br', Buffer.from('not brotli at all')],
    ];
    for (const [coding, body] of cases) {
      const res = await postImport(base, body, CSV, '?dryRun=true', { ...authOf(t), 'content-encoding': coding });
      expect({ coding, status: res.status, body: res.body }).toEqual({
        coding,
        status: 400,
        body: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: 'content-encoding', message: `the body does not decompress as ${coding}` }] }),
      });
    }
  });

  it('stops a small body that decompresses past the import limit (a zip bomb), and answers the next request', async () => {
    const bomb = gzipSync(Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a'), { level: 9 });
    expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES / 100);
    const res = await postImport(base, bomb, CSV, '?dryRun=true', { ...authOf(t), 'content-encoding': 'gzip' });
    expect(res).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: 'body', message: `is larger than ${IMPORT_MAX_BYTES} bytes once decompressed; use the CLI (npm run import) for large files` }] }),
    });
    expect(await postImport(base, gzipSync(file), CSV, '?dryRun=true', { ...authOf(t), 'content-encoding': 'gzip' })).toMatchObject({ status: 200 });
  });
});

function authOf(t: TestApp): Record<string, string> {
  return { authorization: `Bearer ${t.adminKey}` };
}
