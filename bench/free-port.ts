import { createServer } from 'node:net';

/**
 * A port nothing listens on right now, chosen by the kernel: fixed ports collide with other runs and
 * other services on a shared machine. Another process could still take it before the server binds;
 * the servers' readiness probe then fails loudly rather than measuring someone else.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
