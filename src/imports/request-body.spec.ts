import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readBody } from './request-body';

/** readBody with a small limit behind a real HTTP server: how each way of going over it, or away, ends. */
describe('reading a compressed import body', () => {
  let server: Server;
  let port: number;
  let outcome: Promise<string>;
  let settle: (value: string) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      readBody(req, 1000).then(
        (text) => {
          settle(`read ${text.length}`);
          res.end('ok');
        },
        (error: Error & { details?: { fields?: Array<{ field: string; message: string }> } }) => {
          const field = error.details?.fields?.[0];
          settle(field ? `refused ${field.field}: ${field.message}` : `failed ${error.message}`);
          res.statusCode = 400;
          res.end('refused');
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    outcome = new Promise((resolve) => (settle = resolve));
  });

  /** Sends `body` in two parts, the second only if `whole`; the client's own end is not asserted (it may be cut off). */
  function send(body: Buffer, whole = true): void {
    const req = request({ port, method: 'POST', headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' } }, (res) => res.resume());
    req.on('error', () => undefined);
    const half = Math.floor(body.length / 2);
    req.write(body.subarray(0, half));
    if (whole) req.end(body.subarray(half));
    else setTimeout(() => req.destroy(), 100);
  }

  it('reads a body within the limit once decompressed', async () => {
    send(gzipSync(Buffer.alloc(1000, 'a')));
    await expect(outcome).resolves.toBe('read 1000');
  });

  it('refuses a body whose decompressed bytes pass the limit, though few bytes came', async () => {
    const body = gzipSync(Buffer.alloc(50_000, 'a'));
    expect(body.length).toBeLessThan(1000);
    send(body);
    await expect(outcome).resolves.toBe('refused body: is larger than 1000 bytes once decompressed; use the CLI (npm run import) for large files');
  });

  it('refuses a body whose compressed bytes alone pass the limit', async () => {
    const body = gzipSync(randomBytes(3000));
    send(body);
    await expect(outcome).resolves.toBe('refused body: is larger than 1000 bytes; use the CLI (npm run import) for large files');
  });

  it('gives up, rather than waiting for ever, when the client goes away in the middle of the body', async () => {
    send(gzipSync(randomBytes(800)), false);
    await expect(outcome).resolves.toMatch(/^failed /);
  });
});
